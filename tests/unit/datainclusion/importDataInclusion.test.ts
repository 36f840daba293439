import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { placeSchema } from '../../../src/shared/domain/place';
import { territorySchema } from '../../../src/shared/domain/territory';
import { importDataInclusion, type ImportContext } from '../../../src/shared/datainclusion/importDataInclusion';
import territoryJson from '../../../src/territories/civraisien-en-poitou/territory.json';
import placesJson from '../../../src/territories/civraisien-en-poitou/places.json';
import mixed from './fixtures/mixed-structures.json';

const territory = territorySchema.parse(territoryJson);
const seedPlaces = z.array(placeSchema).parse(placesJson);
const ctx: ImportContext = { territoryId: territory.id, communes: territory.communes, today: '2026-11-22' };
const byId = (result: ReturnType<typeof importDataInclusion>, id: string) => result.records.find((r) => r.sourceId === id);

describe('importDataInclusion: a mixed file', () => {
  const result = importDataInclusion(mixed, ctx);

  it('reports every structure, in file order, with its status', () => {
    expect(result.records.map((r) => [r.index, r.sourceId, r.status])).toEqual([
      [0, 'dora--ccas-civray', 'ok'],
      [1, 'dora--permanence-gencay', 'ok'],
      [2, 'dora--mds-poitiers', 'outside-territory'],
      [3, 'dora--ccas-civray', 'duplicate'],
      [4, 'dora--code-postal-faux', 'invalid'],
    ]);
    expect(result.summary).toEqual({
      structures: 5, services: 2, ok: 2, invalid: 1, outsideTerritory: 1, duplicate: 1, create: 2, update: 0, warned: 2,
      fileProblems: ['Des services sont rattachés à la structure « dora--absente », absente du fichier : ils sont ignorés.'],
    });
  });

  it('maps a valid structure and its services to a place that placeSchema accepts', () => {
    const record = byId(result, 'dora--ccas-civray')!;
    expect(record.action).toBe('create');
    const place = record.place!;
    expect(placeSchema.safeParse(place).success).toBe(true);
    expect(place).toMatchObject({
      id: 'dora--ccas-civray',
      territoryId: 'civraisien-en-poitou',
      name: 'CCAS de Civray',
      category: 'mairie', // from `communes`; unccas (old) → ccas-cias has no category of its own
      address: 'Place Leclerc, 86400 Civray',
      insee: '86078',
      postcode: '86400',
      city: 'Civray',
      lat: 46.1478,
      lon: 0.2946,
      phone: '05 49 87 00 49',
      website: 'https://www.ville-civray.fr',
      openingHours: 'Mo-Fr 09:00-12:00; PH off',
      reseauxPorteurs: ['ccas-cias', 'communes'],
      // an old thematique (v0 spelling) is read as its v1 counterpart
      thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'equipement-et-alimentation--alimentation'],
      publics: ['personnes-en-situation-de-handicap', 'seniors'],
      frais: ['gratuit'],
      modesAccueil: ['en-presentiel'],
      verifiedAt: '2026-09-14', // the date part of a datetime date_maj
      source: 'dora',
      itinerant: false,
    });
    expect(place.email).toBeUndefined(); // "" means absent
    expect(place.approximateLocation).toBeUndefined(); // a real point, not the centre
    expect(place.services).toMatchObject([
      {
        id: 'dora--ccas-civray--aides',
        name: 'Aides facultatives',
        description: { fr: "Secours d'urgence, aides alimentaires et instruction des dossiers d'aide sociale légale." },
        thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'equipement-et-alimentation--alimentation'],
        frais: 'gratuit',
        publics: ['personnes-en-situation-de-handicap', 'seniors'],
        modesAccueil: ['en-presentiel'],
      },
    ]);
    // The producer's own field and the service's lien_mobilisation are kept, not dropped.
    expect(place.dataInclusion!.record.un_champ_maison).toEqual({ quoi: 'ignoré' });
    expect(place.services[0]!.dataInclusion!.record.lien_mobilisation).toBe('https://www.ville-civray.fr/ccas');
    // Every rewrite is named: record, field, reason.
    expect(record.issues.map((i) => [i.recordId, i.field, i.level])).toEqual([
      ['dora--ccas-civray', 'date_maj', 'avertissement'],
      ['dora--ccas-civray', 'reseaux_porteurs', 'avertissement'],
      ['dora--ccas-civray--aides', 'thematiques', 'avertissement'],
    ]);
  });

  it('accepts a telephone the schema accepts, and says Escale does not dial it', () => {
    const record = byId(result, 'dora--permanence-gencay')!;
    expect(record.place!.phone).toBeUndefined();
    expect(record.place!.dataInclusion!.record.telephone).toBe('appeler la mairie');
    expect(record.problems).toContain('structure « dora--permanence-gencay » · telephone : « appeler la mairie » n\'est pas un numéro à composer : gardé tel quel pour l\'export, pas affiché.');
  });

  it('keeps a structure outside the territory out, saying which commune', () => {
    const record = byId(result, 'dora--mds-poitiers')!;
    expect(record.place).toBeUndefined();
    expect(record.problems).toEqual(["structure « dora--mds-poitiers » · code_insee : la commune 86194 (Poitiers) n'est pas dans le territoire (refusé)."]);
  });

  it('names every refusal of an invalid record, and a repeated id', () => {
    expect(byId(result, 'dora--code-postal-faux')!.issues.map((i) => [i.field, i.level])).toEqual([['code_postal', 'refus'], ['date_maj', 'refus']]);
    expect(result.records[3]!.problems).toEqual([
      'structure « dora--ccas-civray » · id : figure déjà plus haut dans le fichier ; seule la première fiche est reprise (refusé).',
    ]);
  });

  it('is a preview: the input is left as it was, and only ok records carry a place', () => {
    const before = JSON.stringify(mixed);
    importDataInclusion(mixed, ctx);
    expect(JSON.stringify(mixed)).toBe(before);
    expect(result.records.filter((r) => r.place).map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});

describe('importDataInclusion: envelopes and edge cases', () => {
  const structure = {
    source: 'cd86', id: 'cd86--mds-civray', nom: 'Maison des solidarités', date_maj: '2026-05-02',
    code_insee: '86078', reseaux_porteurs: ['departements'],
  };
  const fields = (record: { issues: { field: string }[] }) => record.issues.map((i) => i.field);

  it('accepts a bare array of structures; without coordinates the place sits on the commune centre', () => {
    const result = importDataInclusion([structure], ctx);
    const record = result.records[0]!;
    expect(record.status).toBe('ok');
    const civray = territory.communes.find((c) => c.insee === '86078')!;
    expect(record.place).toMatchObject({ lat: civray.lat, lon: civray.lon, approximateLocation: true, postcode: '86400', category: 'solidarites' });
    expect(record.problems).toEqual([
      'structure « cd86--mds-civray » · code_postal : absent : 86400 (code de la commune) affiché.',
      'structure « cd86--mds-civray » · latitude/longitude : absentes : le lieu est placé au centre de la commune.',
    ]);
  });

  it('accepts a page of the data·inclusion API, and a list of pages', () => {
    const service = { source: 'cd86', id: 'cd86--accueil', structure_id: structure.id, nom: 'Accueil social', description: 'Accueil et écoute.', date_maj: '2026-05-02' };
    const page = (items: unknown[], n: number) => ({ items, total: 2, page: n, size: 1, pages: 2 });
    const one = importDataInclusion(page([structure], 1), ctx);
    expect(one.records.map((r) => r.status)).toEqual(['ok']);
    const both = importDataInclusion([page([structure], 1), page([service], 2)], ctx);
    expect(both.summary).toMatchObject({ structures: 1, services: 1, ok: 1 });
    expect(both.records[0]!.place!.services.map((s) => s.id)).toEqual(['cd86--accueil']);
  });

  it('refuses what is not a data·inclusion file, with a French sentence', () => {
    for (const json of [null, 'texte', { lieux: [] }, 42]) {
      const result = importDataInclusion(json, ctx);
      expect(result.records).toEqual([]);
      expect(result.summary.fileProblems[0]).toMatch(/^Le fichier n'est pas au format data·inclusion/);
    }
  });

  it('marks known ids as updates', () => {
    const result = importDataInclusion({ structures: [structure] }, { ...ctx, existingIds: new Set(['cd86--mds-civray']) });
    expect(result.records[0]!.action).toBe('update');
    expect(result.summary).toMatchObject({ create: 0, update: 1 });
  });

  it('never claims a verification it does not have', () => {
    const read = (extra: object) => importDataInclusion([{ ...structure, ...extra }], ctx).records[0]!;
    const { date_maj: _omit, ...undated } = structure;
    const noDate = importDataInclusion([undated], ctx).records[0]!;
    expect(noDate.status).toBe('invalid'); // date_maj is required by the schema
    expect(noDate.issues).toContainEqual({ recordId: 'cd86--mds-civray', kind: 'structure', field: 'date_maj', reason: 'champ obligatoire absent', level: 'refus' });
    expect(read({ date_maj: '2027-01-05' }).place!.verifiedAt).toBe('');
    expect(read({ escale_a_confirmer: true }).place!.verifiedAt).toBe('');
    const impossible = read({ date_maj: '2026-02-30' });
    expect(impossible.status).toBe('invalid');
    expect(fields(impossible)).toEqual(['date_maj']);
  });

  it('is all or nothing: one refused service makes its structure invalid, naming the service', () => {
    const result = importDataInclusion(
      { structures: [structure], services: [{ source: 'cd86', id: 's1', structure_id: 'cd86--mds-civray', nom: 'Aide', description: 'Aide.', date_maj: '2026-05-02', thematiques: 'pas-une-liste' }] },
      ctx,
    );
    expect(result.records[0]!.status).toBe('invalid');
    expect(result.records[0]!.place).toBeUndefined();
    expect(result.records[0]!.problems[0]).toMatch(/^service « s1 » · thematiques : doit être une liste/);
  });

  it('finds the INSEE code from the commune name, and flags a name that does not match the code', () => {
    const { code_insee: _omit, ...noCode } = structure;
    const found = importDataInclusion([{ ...noCode, commune: 'GENCAY', code_postal: '86160' }], ctx).records[0]!;
    expect(found.place).toMatchObject({ insee: '86103', city: 'Gençay' });
    expect(found.problems).toContain('structure « cd86--mds-civray » · code_insee : absent, 86103 déduit de la commune « GENCAY ».');
    expect(importDataInclusion([{ ...noCode, commune: 'Nulle-Part' }], ctx).records[0]!.status).toBe('invalid');
    const mismatch = importDataInclusion([{ ...structure, commune: 'Gençay' }], ctx).records[0]!;
    expect(mismatch.place!.city).toBe('Civray');
    expect(fields(mismatch)).toContain('commune');
  });

  it('a point far from its commune (swapped latitude and longitude) is shown at the centre, said, and kept as it came', () => {
    const swapped = importDataInclusion([{ ...structure, latitude: 0.2946, longitude: 46.1478 }], ctx).records[0]!;
    expect(swapped.status).toBe('ok');
    expect(swapped.place).toMatchObject({ approximateLocation: true });
    expect(swapped.problems.join(' ')).toMatch(/latitude\/longitude : le point est à \d+ km de Civray/);
    expect(swapped.place!.dataInclusion!.record).toMatchObject({ latitude: 0.2946, longitude: 46.1478 });
  });

  it('keeps opening hours that are not OSM syntax as text, « à vérifier »; accepts an id with an accent and a short number', () => {
    const read = (extra: object) => importDataInclusion([{ ...structure, ...extra }], ctx).records[0]!;
    for (const hours of ['le matin', 'Sun 10:00-12:00', 'Lu-Ve 9h-12h']) {
      const record = read({ horaires_accueil: hours });
      expect(record.status, hours).toBe('ok');
      expect(record.place!.openingHours).toBe(hours);
      expect(record.problems.join(' ')).toContain(`horaires_accueil : « ${hours} » n'est pas écrit au format OpenStreetMap`);
    }
    expect(read({ courriel: 'pas un courriel' }).status).toBe('invalid');
    const accented = read({ id: 'cd86--maison-des-solidarités' });
    expect(accented.status).toBe('ok');
    expect(accented.place!.id).toMatch(/^cd86--maison-des-solidarites-[0-9a-f]{8}$/);
    expect(accented.place!.dataInclusion!.record.id).toBe('cd86--maison-des-solidarités');
    expect(read({ telephone: '3949' }).place!.phone).toBe('3949');
  });

  it('on update, keeps from the directory what data·inclusion cannot carry', () => {
    const existing = placeSchema.parse({
      ...seedPlaces.find((p) => p.id === 'place-france-services-gencay'),
      id: 'cd86--mds-civray',
      insee: '86078', postcode: '86400', city: 'Civray',
      languages: ['en'],
      digital: { wifi: true },
      accessibility: { stepFree: true },
      internal: { notes: 'Demander Mme X' },
    });
    const record = importDataInclusion([{ ...structure, description: existing.description!.fr }], { ...ctx, existingPlaces: [existing] }).records[0]!;
    expect(record.action).toBe('update');
    expect(record.place).toMatchObject({
      category: 'france-services', languages: ['en'], digital: { wifi: true }, accessibility: { stepFree: true },
      internal: { notes: 'Demander Mme X' }, description: existing.description, source: 'cd86',
    });
    // A changed French text drops the now stale English one.
    const changed = importDataInclusion([{ ...structure, description: 'Un autre texte.' }], { ...ctx, existingPlaces: [existing] }).records[0]!;
    expect(changed.place!.description).toEqual({ fr: 'Un autre texte.' });
  });
});
