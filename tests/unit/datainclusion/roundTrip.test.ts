import { describe, expect, it } from 'vitest';
import { exportDataInclusion } from '../../../src/shared/datainclusion/exportDataInclusion';
import { importDataInclusion } from '../../../src/shared/datainclusion/importDataInclusion';
import { placeSchema, type Place } from '../../../src/shared/domain/place';
import { territorySchema } from '../../../src/shared/domain/territory';
import territoryJson from '../../../src/territories/civraisien-en-poitou/territory.json';
import { publishedErrors } from './support/publishedSchema';
import { COMPLETE_FILE, COMPLETE_STRUCTURE, SERVICE_ATELIER, SERVICE_DROITS, SERVICE_JEUNES } from './support/v1Records';

// import → no edit → export gives back every fact of the file, field by field: a
// structure filling every field of structure.json and three services differing on every
// field of service.json, plus a producer's own field.

const territory = territorySchema.parse(territoryJson);
const today = '2026-11-22';
const ctx = { territoryId: territory.id, communes: territory.communes, today };
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function importOne(file: unknown, existingPlaces: readonly Place[] = []): Place {
  const result = importDataInclusion(json(file), { ...ctx, existingPlaces });
  expect(result.records.map((r) => r.status)).toEqual(['ok']);
  return placeSchema.parse(result.records[0]!.place);
}

/** Field by field, so a failure names the field. */
function expectSameFields(actual: Record<string, unknown>, expected: Record<string, unknown>, what: string) {
  expect(Object.keys(actual).sort(), `${what}: fields`).toEqual(Object.keys(expected).sort());
  for (const field of Object.keys(expected)) expect(actual[field], `${what}.${field}`).toEqual(expected[field]);
}

describe('data·inclusion round trip: import → export', () => {
  const place = importOne(COMPLETE_FILE);
  const file = exportDataInclusion([place], territory, { today });

  it('the place keeps its services as services, each with its own facts', () => {
    expect(place.services.map((s) => [s.name, s.frais, s.publics, s.modesAccueil])).toEqual([
      ['Point information jeunesse', 'gratuit', ['jeunes', 'etudiants'], ['en-presentiel']],
      ['Ateliers numériques etc.', 'payant', ['seniors', 'beneficiaires-des-minimas-sociaux'], ['en-presentiel', 'a-distance']],
      ['Accès aux droits', 'gratuit', ['tous-publics'], ['a-distance']],
    ]);
    // The place view aggregates, for display only.
    expect(place.frais).toEqual(['gratuit', 'payant']);
    expect(place.phone).toBe('3949');
    expect(place.id).not.toBe(COMPLETE_STRUCTURE.id); // an accent: a stable Escale key, the file's id kept
  });

  it('gives back the structure, every field equal (source, dates, description, ids, unknown fields)', () => {
    expect(file.structures).toHaveLength(1);
    expectSameFields(file.structures[0]!, COMPLETE_STRUCTURE, 'structure');
  });

  it('gives back the three services, every field equal, and no extra service', () => {
    expect(file.services).toHaveLength(3);
    for (const [i, expected] of [SERVICE_JEUNES, SERVICE_ATELIER, SERVICE_DROITS].entries()) {
      expectSameFields(file.services[i]!, expected, expected.id);
    }
  });

  it('the export is valid against the published JSON Schema', () => {
    for (const s of file.structures) expect(publishedErrors('structure', s)).toEqual([]);
    for (const s of file.services) expect(publishedErrors('service', s)).toEqual([]);
  });

  it('is idempotent: importing the same file again changes nothing', () => {
    expect(importOne(COMPLETE_FILE, [place])).toEqual(place);
    expect(exportDataInclusion([importOne(json(file), [place])], territory, { today })).toEqual(file);
  });

  it('an edit in Escale changes exactly the fields it touched', () => {
    const edited = placeSchema.parse({
      ...place,
      phone: '05 49 87 00 00',
      services: place.services.map((s, i) => (i === 1 ? { ...s, frais: 'gratuit', name: 'Ateliers numériques' } : s)),
    });
    const out = exportDataInclusion([edited], territory, { today });
    expectSameFields(out.structures[0]!, { ...COMPLETE_STRUCTURE, telephone: '05 49 87 00 00' }, 'structure');
    expectSameFields(out.services[1]!, { ...SERVICE_ATELIER, frais: 'gratuit', nom: 'Ateliers numériques' }, 'atelier');
    expectSameFields(out.services[0]!, SERVICE_JEUNES, 'jeunes');
    expectSameFields(out.services[2]!, SERVICE_DROITS, 'droits');
  });

  it('reports what Escale shows differently, naming record and field, and hides nothing', () => {
    const result = importDataInclusion(json(COMPLETE_FILE), ctx);
    expect(result.records[0]!.issues.map((i) => [i.recordId, i.field, i.level])).toEqual([
      ['dora--droits-civray', 'horaires_accueil', 'avertissement'],
    ]);
  });
});
