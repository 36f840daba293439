import { describe, expect, it } from 'vitest';
import { territoryShortName } from '../../../src/shared/domain/territoryName';
import { communeOfPoint } from '../../../src/shared/geo/communeOfPoint';
import { coutancesMerEtBocageSeed } from '../../../src/territories/coutances-mer-et-bocage/seed';
import { civraisienEnPoitouSeed } from '../../../src/territories/civraisien-en-poitou/seed';

describe('communeOfPoint', () => {
  it('with outlines: the commune whose outline holds the point (Civray)', () => {
    const civraisien = civraisienEnPoitouSeed.territory;
    expect(communeOfPoint({ lat: 46.1485, lon: 0.2946 }, civraisien)?.name).toBe('Civray');
    expect(communeOfPoint({ lat: 48.85, lon: 2.35 }, civraisien)).toBeUndefined();
  });

  it('without outlines (Coutances Mer et Bocage): the nearest commune centre inside the bounding box', () => {
    const coutances = coutancesMerEtBocageSeed.territory;
    expect(coutances.outlines.features).toHaveLength(0);
    const centre = coutances.communes.find((c) => c.name === 'Coutances')!;
    expect(communeOfPoint({ lat: centre.lat + 0.002, lon: centre.lon - 0.002 }, coutances)?.insee).toBe(centre.insee);
    // Paris, and the Civraisien: outside.
    expect(communeOfPoint({ lat: 48.85, lon: 2.35 }, coutances)).toBeUndefined();
    expect(communeOfPoint({ lat: 46.1485, lon: 0.2946 }, coutances)).toBeUndefined();
  });
});

describe('territoryShortName', () => {
  it.each([
    ['Communauté de communes du Civraisien en Poitou', 'Civraisien en Poitou'],
    ['Communauté de communes Coutances Mer et Bocage', 'Coutances Mer et Bocage'],
    ["Communauté d'agglomération de l'Auxerrois", 'Auxerrois'],
    ['Communauté de communes de la Haute-Saintonge', 'Haute-Saintonge'],
    ['CC des Deux Vallées', 'Deux Vallées'],
    ['Métropole du Grand Paris', 'Métropole du Grand Paris'],
  ])('%s → %s', (name, short) => expect(territoryShortName(name)).toBe(short));
});
