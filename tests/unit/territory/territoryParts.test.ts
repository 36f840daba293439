import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { territoryIdSchema } from '../../../src/shared/domain/common';
import { pointInPolygon } from '../../../src/shared/geo/pointInPolygon';
import { fullEpciName, MAX_SLUG_LENGTH, seedExportName, slugFromName } from '../../../src/server/cli/territory/epciNaming';
import { interiorPoint } from '../../../src/server/cli/territory/interiorPoint';
import { loadFranceData } from '../../../src/server/cli/territory/loadFranceData';
import { nationalChecklists } from '../../../src/server/cli/territory/nationalChecklists';
import { registerTerritory } from '../../../src/server/cli/territory/registerTerritory';
import { schoolHolidaysFor, schoolYearStart } from '../../../src/server/cli/territory/schoolHolidaysFor';
import { CENTRE_MARGIN_DEG, territoryBbox } from '../../../src/server/cli/territory/territoryBbox';
import { writeFolderAtomically } from '../../../src/server/cli/territory/writeFolderAtomically';
import { getTerritorySeed } from '../../../src/territories';

// The pieces of `territory:create`, each on its own; createTerritoryCommand.test.ts runs
// the whole command.

const civraisien = getTerritorySeed('civraisien-en-poitou')!;
const work = mkdtempSync(join(tmpdir(), 'escale-territory-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('nationalChecklists', () => {
  const copies = nationalChecklists(civraisien, 'pays-test');

  it('copies every Civraisien checklist with its national content: documents, steps, links, need and partner', () => {
    expect(copies).toHaveLength(civraisien.checklists.length);
    for (const [i, c] of copies.entries()) {
      const original = civraisien.checklists[i]!;
      expect(c.id).toBe(`${original.id}.pays-test`);
      expect(c.territoryId).toBe('pays-test');
      expect([c.need, c.partner, c.links, c.whereToGo.placeCategories]).toEqual([original.need, original.partner, original.links, original.whereToGo.placeCategories]);
      expect(c.documents.map((d) => d.id)).toEqual(original.documents.map((d) => d.id));
      expect(c.steps.map((s) => s.id)).toEqual(original.steps.map((s) => s.id));
      expect(c.title).toEqual(original.title);
      expect(c.forWhom).toEqual(original.forWhom);
    }
  });

  it('carries nothing of the Civraisien: no place, no town, no Vienne, and nothing reviewed', () => {
    const towns = civraisien.territory.communes.map((c) => c.name);
    for (const c of copies) {
      expect(c.whereToGo.placeIds, c.id).toEqual([]);
      expect(c.reviewedAt, c.id).toBe('');
      const { source, ...content } = c;
      for (const text of strings(content)) {
        for (const word of [...towns, 'Vienne', 'Civraisien', 'Carsat Centre-Ouest', 'place-']) expect(text, c.id).not.toContain(word);
      }
      expect(source).toMatch(/^Procédure nationale reprise du territoire civraisien-en-poitou \(Escale\), sans ses lieux ni ses mentions locales ; non relue pour ce territoire\. Origine : /);
      expect(source).not.toContain('Gençay');
    }
    const passport = copies.find((c) => c.id.startsWith('checklist-carte-identite-passeport'))!;
    expect(passport.steps.find((s) => s.id === 'step-rendez-vous')!.hint).toBeUndefined();
    expect(passport.whereToGo.text?.fr).toContain('ants.gouv.fr');
    expect(copies.find((c) => c.id.startsWith('checklist-mdph-aah'))!.steps.map((s) => s.label.fr)).toContain('Envoyer le dossier à la MDPH de votre département.');
  });

  it('refuses a checklist that names the source territory in a way it does not know how to rewrite', () => {
    const changed = structuredClone(civraisien);
    changed.checklists[0]!.steps[0]!.hint = { fr: 'Permanence le mardi à Charroux.' };
    expect(() => nationalChecklists(changed, 'pays-test')).toThrow(/checklist-rsa of civraisien-en-poitou still names "Charroux" at checklist-rsa\.steps\[0\]\.hint\.fr/);
    const postcode = structuredClone(civraisien);
    postcode.checklists[1]!.caveats = { fr: 'Envoyer au 10 avenue de la Gare, 86400.' };
    expect(() => nationalChecklists(postcode, 'pays-test')).toThrow(/still names "86400"/);
    // A new territory may be named after a Civraisien town: its own id is not a leak.
    expect(nationalChecklists(civraisien, 'charroux')).toHaveLength(civraisien.checklists.length);
  });
});

describe('schoolHolidaysFor', () => {
  it('reads the same calendar as the Civraisien build script, for Nouvelle-Aquitaine', () => {
    expect(schoolHolidaysFor('Nouvelle-Aquitaine', new Date('2025-10-01T12:00:00Z'))).toEqual(civraisien.territory.schoolHolidays);
  });

  it('starts on 1 September of the current school year, and says nothing for a region the library lacks', () => {
    expect(schoolYearStart(new Date('2026-12-06T12:00:00Z')).toISOString()).toBe('2026-08-31T22:00:00.000Z');
    expect(schoolYearStart(new Date('2027-03-01T12:00:00Z')).toISOString()).toBe('2026-08-31T22:00:00.000Z');
    expect(schoolYearStart(new Date('2027-09-01T12:00:00Z')).toISOString()).toBe('2027-08-31T22:00:00.000Z');
    expect(schoolHolidaysFor('Corse', new Date('2026-12-06T12:00:00Z'))).toEqual([]);
    expect(schoolHolidaysFor('Nowhere', new Date('2026-12-06T12:00:00Z'))).toEqual([]);
    const normandie = schoolHolidaysFor('Normandie', new Date('2026-12-06T12:00:00Z'));
    expect(normandie[0]).toEqual({ name: 'Vacances de la Toussaint', from: '2026-10-18', to: '2026-11-01' });
  });
});

describe('territoryBbox', () => {
  it('is the outlines\' extent rounded outwards to 0.001°, the Civraisien seed\'s box', () => {
    expect(territoryBbox(civraisien.territory.communes, civraisien.territory.outlines)).toEqual(civraisien.territory.bbox);
  });

  it('without outlines, widens the centres by about 5.5 km, and still holds the Civraisien\'s real outlines', () => {
    const noOutlines = { type: 'FeatureCollection' as const, features: [] };
    const [w, s, e, n] = territoryBbox(civraisien.territory.communes, noOutlines);
    const [rw, rs, re, rn] = civraisien.territory.bbox;
    expect(w <= rw && s <= rs && e >= re && n >= rn).toBe(true);
    expect(territoryBbox([{ lat: 46, lon: 0 }], noOutlines)).toEqual([
      Math.floor(-CENTRE_MARGIN_DEG / Math.cos((46 * Math.PI) / 180) * 1000) / 1000, 45.95, Math.ceil(CENTRE_MARGIN_DEG / Math.cos((46 * Math.PI) / 180) * 1000) / 1000, 46.05,
    ]);
  });
});

describe('interiorPoint', () => {
  it('is the centroid of a convex commune', () => {
    expect(interiorPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual({ lat: 1, lon: 1 });
  });

  it('is inside a C-shaped commune whose centroid is outside, and inside the largest part of a MultiPolygon', () => {
    const c = [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]] as [number, number][][];
    const p = interiorPoint({ type: 'Polygon', coordinates: c });
    expect(pointInPolygon(p, { type: 'Polygon', coordinates: c })).toBe(true);
    const multi = interiorPoint({ type: 'MultiPolygon', coordinates: [[[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]], c] });
    expect(pointInPolygon(multi, { type: 'Polygon', coordinates: c })).toBe(true);
  });
});

describe('epciNaming', () => {
  it('expands the DGCL short names and makes the Civraisien slug from its name', () => {
    expect(fullEpciName('CC du Civraisien en Poitou')).toBe(civraisien.territory.name);
    expect(slugFromName('CC du Civraisien en Poitou')).toBe('civraisien-en-poitou');
    expect(fullEpciName("CA de l'Auxerrois")).toBe("Communauté d'agglomération de l'Auxerrois");
    expect(slugFromName("CA de l'Auxerrois")).toBe('auxerrois');
    expect(slugFromName('Métropole du Grand Paris')).toBe('grand-paris');
    expect(slugFromName("CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)")).toBe('presqu-ile-de-guerande-atlantique');
    expect(seedExportName('civraisien-en-poitou')).toBe('civraisienEnPoitouSeed');
    expect(seedExportName('2a-sud')).toBe('territory2aSudSeed');
  });

  it('gives every EPCI of France a valid slug of at most 50 characters', () => {
    for (const e of loadFranceData().epci.values()) {
      const slug = slugFromName(e.name);
      expect(territoryIdSchema.safeParse(slug).success && slug.length <= MAX_SLUG_LENGTH, `${e.name} → ${slug}`).toBe(true);
    }
  });
});

describe('registerTerritory', () => {
  const index = join(work, 'index.ts');
  copyFileSync(resolve(import.meta.dirname, '../../../src/territories/index.ts'), index);

  it('adds one import and one entry, and nothing when the territory is there already', () => {
    const before = readFileSync(index, 'utf8');
    const after = registerTerritory(index, 'pays-test', 'paysTestSeed')!;
    expect(after.split('\n').filter((l) => !before.split('\n').includes(l))).toEqual([
      "import { paysTestSeed } from './pays-test/seed';",
      "  'pays-test': paysTestSeed,",
    ]);
    writeFileSync(index, after);
    expect(registerTerritory(index, 'pays-test', 'paysTestSeed')).toBeUndefined();
  });

  it('refuses an index.ts whose layout it does not know, before anything is written', () => {
    writeFileSync(index, 'export const territories = new Map();\n');
    expect(() => registerTerritory(index, 'pays-test', 'paysTestSeed')).toThrow(/the `territories` object was not found/);
  });
});

describe('writeFolderAtomically', () => {
  it('leaves neither the folder nor a temporary one when a file fails half way', () => {
    const parent = join(work, 'atomic');
    mkdirSync(parent);
    // The second file's folder does not exist: the write fails after the first file.
    expect(() => writeFolderAtomically(join(parent, 'x'), { 'a.json': '[]', 'missing/b.json': '[]' })).toThrow(/ENOENT/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('with force, replaces a folder whole, and keeps the old one when the new one fails', () => {
    const target = join(work, 'atomic-force', 'x');
    writeFolderAtomically(target, { 'old.json': '1' });
    expect(() => writeFolderAtomically(target, { 'new.json': '2' })).toThrow(/give --force/);
    expect(() => writeFolderAtomically(target, { 'new.json': '2', 'missing/b.json': '' }, { force: true })).toThrow(/ENOENT/);
    expect(readdirSync(join(work, 'atomic-force'))).toEqual(['x']);
    expect(readdirSync(target)).toEqual(['old.json']);
    writeFolderAtomically(target, { 'new.json': '2' }, { force: true });
    expect(readdirSync(join(work, 'atomic-force'))).toEqual(['x']);
    expect(readdirSync(target)).toEqual(['new.json']);
    expect(existsSync(join(target, 'old.json'))).toBe(false);
  });
});
