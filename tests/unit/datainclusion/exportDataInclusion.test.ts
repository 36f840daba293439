import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { exportDataInclusion } from '../../../src/shared/datainclusion/exportDataInclusion';
import { importDataInclusion } from '../../../src/shared/datainclusion/importDataInclusion';
import { placeSchema, type Place } from '../../../src/shared/domain/place';
import { territorySchema } from '../../../src/shared/domain/territory';
import placesJson from '../../../src/territories/civraisien-en-poitou/places.json';
import territoryJson from '../../../src/territories/civraisien-en-poitou/territory.json';
import { publishedErrors } from './support/publishedSchema';

const territory = territorySchema.parse(territoryJson);
const seedPlaces = z.array(placeSchema).parse(placesJson);
const today = '2026-11-22';
const ctx = { territoryId: territory.id, communes: territory.communes, today };

/** The file as it would be written and read back: plain JSON. */
const roundTripJson = (places: readonly Place[]) => JSON.parse(JSON.stringify(exportDataInclusion(places, territory, { today }))) as unknown;

/**
 * What a data·inclusion file cannot carry (see exportDataInclusion.ts), removed from both
 * sides before comparing without the directory: category, English texts, digital access,
 * accessibility details but the link, languages, itinerant, a source that is not a link,
 * internal notes (never exported), frais beyond the first.
 */
function carried(place: Place) {
  const { category: _c, digital: _d, languages: _l, itinerant: _i, source: _s, internal: _n, ...rest } = place;
  return {
    ...rest,
    description: place.description && { fr: place.description.fr },
    services: place.services.map((s) => ({ ...s, description: s.description && { fr: s.description.fr } })),
    accessibility: place.accessibility.url ? { url: place.accessibility.url } : {},
    frais: place.frais.slice(0, 1),
  };
}

/** A place that uses every field, to exercise what the seed leaves empty. */
const { approximateLocation: _a, ...gencay } = seedPlaces.find((p) => p.id === 'place-france-services-gencay')!;
const fullPlace: Place = placeSchema.parse({
  ...gencay,
  id: 'place-test-complet',
  lat: 46.3751,
  lon: 0.4058,
  phone: '+33 5 49 00 00 00',
  email: 'accueil@exemple.fr',
  website: 'https://exemple.fr/accueil',
  openingHours: 'Mo-Fr 09:00-12:00; PH off',
  reseauxPorteurs: ['france-service', 'ccas-cias', 'conseillers-numeriques', 'fcsf'],
  thematiques: ['numerique--acceder-a-des-services-en-ligne', 'famille--garde-denfants', 'sante--acces-aux-soins'],
  publics: ['seniors', 'personnes-en-situation-de-handicap'],
  frais: ['gratuit'],
  modesAccueil: ['en-presentiel', 'a-distance'],
  services: [
    { id: 'service-test-numerique', name: 'Aide numérique', thematiques: ['numerique--acceder-a-des-services-en-ligne'] },
    {
      id: 'service-test-garde', name: 'Relais petite enfance',
      description: { fr: 'Information des familles sur les modes de garde du territoire, sur rendez-vous.', en: 'Childcare information.' },
      thematiques: ['famille--garde-denfants'],
    },
  ],
  digital: { wifi: true, computer: true, visio: true },
  accessibility: { stepFree: true, url: 'https://acceslibre.beta.gouv.fr/app/86-gencay/a/mairie/erp/x/' },
  languages: ['en'],
  itinerant: true,
  source: 'https://www.france-services.gouv.fr/gencay',
  internal: { notes: 'Code du portail : 1234', directPhone: '05 49 11 22 33' },
});

describe('exportDataInclusion', () => {
  const file = exportDataInclusion([...seedPlaces, fullPlace], territory, { today });

  it('writes one v1 structure per place, with stable ids and source "escale", valid against the published JSON Schema', () => {
    expect(file.structures.map((s) => s.id)).toEqual([...seedPlaces, fullPlace].map((p) => p.id));
    for (const s of file.structures) {
      expect(s.source).toBe('escale');
      expect(publishedErrors('structure', s), s.id).toEqual([]);
      expect(s.nom.endsWith('.')).toBe(false);
    }
    for (const s of file.services) {
      expect(publishedErrors('service', s), s.id).toEqual([]);
      expect(s.nom.endsWith('.')).toBe(false);
    }
    expect(exportDataInclusion([...seedPlaces, fullPlace], territory, { today })).toEqual(file);
  });

  it('never writes staff-only details', () => {
    const text = JSON.stringify(file);
    expect(text).not.toContain('Code du portail');
    expect(text).not.toContain('05 49 11 22 33');
    expect(text).not.toContain('internal');
  });

  it('writes v1 slugs and a date_maj that is a verification only when there was one', () => {
    const full = file.structures.find((s) => s.id === 'place-test-complet')!;
    expect(full.reseaux_porteurs).toEqual(['france-service', 'ccas-cias', 'conseillers-numeriques', 'fcsf']);
    expect(full.adresse).toBe('1, place du Champ de Foire'); // ", 86160 Gençay" is in code_postal/commune
    expect(full.lien_source).toBe('https://www.france-services.gouv.fr/gencay');
    expect(full.escale_a_confirmer).toBeUndefined();
    const unverified = file.structures.find((s) => s.id === 'place-mairie-86003')!;
    expect(unverified).toMatchObject({ date_maj: today, escale_a_confirmer: true });
    const services = file.services.filter((s) => s.structure_id === 'place-test-complet');
    expect(services.map((s) => [s.id, s.thematiques, s.publics, s.frais, s.modes_accueil])).toEqual([
      ['service-test-numerique', ['numerique--acceder-a-des-services-en-ligne'], ['seniors', 'personnes-en-situation-de-handicap'], 'gratuit', ['en-presentiel', 'a-distance']],
      ['service-test-garde', ['famille--garde-denfants'], ['seniors', 'personnes-en-situation-de-handicap'], 'gratuit', ['en-presentiel', 'a-distance']],
      ['place-test-complet--accueil-general', ['sante--acces-aux-soins'], ['seniors', 'personnes-en-situation-de-handicap'], 'gratuit', ['en-presentiel', 'a-distance']],
    ]);
    expect(services[0]!.escale_description_generee).toBe(true);
    expect(services[1]!.escale_description_generee).toBeUndefined();
  });

  it('fits names to the v1 bounds, and never pads a description', () => {
    const odd = placeSchema.parse({ ...fullPlace, name: `${'Très long nom '.repeat(12)}.`, description: { fr: 'Court.' } });
    const [structure] = exportDataInclusion([odd], territory, { today }).structures;
    expect(structure!.nom.length).toBeLessThanOrEqual(150);
    expect(structure!.nom).toMatch(/[^. ]$/);
    expect(structure!.description).toBe('Court.');
    const tiny = placeSchema.parse({ ...fullPlace, description: { fr: 'Oui' } });
    expect(exportDataInclusion([tiny], territory, { today }).structures[0]).not.toHaveProperty('description');
  });

  it('leaves out places of another territory', () => {
    expect(exportDataInclusion(seedPlaces, { id: 'ailleurs' }, { today })).toEqual({ structures: [], services: [] });
  });
});

describe('export → import round trip on the seed', () => {
  const places = [...seedPlaces, fullPlace];

  it('gives back every place, modulo what data·inclusion cannot carry', () => {
    const result = importDataInclusion(roundTripJson(places), ctx);
    expect(result.summary).toMatchObject({ structures: places.length, ok: places.length, invalid: 0, outsideTerritory: 0, duplicate: 0, fileProblems: [] });
    expect(result.records.flatMap((r) => r.problems)).toEqual([]);
    const back = result.records.map((r) => r.place!);
    expect(back.map(carried)).toEqual(places.map(carried));
    // The category is guessed from the networks: right for all but the places whose
    // networks say nothing (the intercommunality, the early-childhood places, and the
    // espaces de vie sociale and libraries, for which data·inclusion v1 has no network).
    const wrong = back.filter((p, i) => p.category !== places[i]!.category).map((p) => p.id);
    expect(wrong).toEqual([
      'place-cdc-civraisien-en-poitou', 'place-evs-civray', 'place-evs-couhe', 'place-evs-gencay',
      'place-multi-accueil-civray', 'place-petite-enfance-gencay', 'place-espace-media-couhe', 'place-bibliotheque-gencay',
    ]);
    // Unverified stays unverified.
    expect(back.filter((p) => p.verifiedAt === '').length).toBe(places.filter((p) => p.verifiedAt === '').length);
  });

  it('gives back exactly the same places when the directory is given (updates)', () => {
    const result = importDataInclusion(roundTripJson(places), { ...ctx, existingPlaces: places });
    expect(result.records.every((r) => r.action === 'update')).toBe(true);
    const { internal: _n, ...fullWithoutInternal } = fullPlace;
    expect(result.records.map((r) => r.place)).toEqual([...seedPlaces, { ...fullWithoutInternal, internal: fullPlace.internal }]);
  });
});
