import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_INCLUSION_SCHEMA, FRAIS, MODES_ACCUEIL, MODES_MOBILISATION, PERSONNES_MOBILISATRICES, PUBLICS, RESEAUX_PORTEURS,
  THEMATIQUES, TYPES_SERVICE,
} from '../../../src/shared/domain/vocabularies';

// The vocabularies Escale holds are those of the pinned data·inclusion version, all of
// them: this fails when the pinned version, the copied schema files or a list disagree.

const dir = join(import.meta.dirname, '../../../src/shared/datainclusion/schema-v1');
const json = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const values = (file: string) => (json(`extra/${file}`) as { value: string }[]).map((v) => v.value);
const defs = (file: string) => (json(file) as { $defs: Record<string, { enum: string[] }> }).$defs;
const sorted = (list: readonly string[]) => [...list].sort();

const LISTS: [string, readonly string[]][] = [
  ['thematiques.json', THEMATIQUES],
  ['reseaux-porteurs.json', RESEAUX_PORTEURS],
  ['publics.json', PUBLICS],
  ['frais.json', FRAIS],
  ['modes-accueil.json', MODES_ACCUEIL],
  ['modes-mobilisation.json', MODES_MOBILISATION],
  ['personnes-mobilisatrices.json', PERSONNES_MOBILISATRICES],
  ['types-de-services.json', TYPES_SERVICE],
];

describe('the pinned data·inclusion schema', () => {
  it('is the version the code pins, and the copy says so', () => {
    const pinned = json('pinned.json') as { version: string; date: string };
    expect({ version: pinned.version, date: pinned.date }).toEqual(DATA_INCLUSION_SCHEMA);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(`version **${DATA_INCLUSION_SCHEMA.version}** (${DATA_INCLUSION_SCHEMA.date}`);
  });

  it('every vocabulary of Escale is exactly the published list, each value once', () => {
    for (const [file, list] of LISTS) {
      expect(sorted(list), file).toEqual(sorted(values(file)));
      expect(new Set(list).size, file).toBe(list.length);
    }
    expect(THEMATIQUES).toHaveLength(69);
    expect(RESEAUX_PORTEURS).toHaveLength(108);
  });

  it('the JSON Schemas enumerate the same values as the published lists', () => {
    const service = defs('service.json');
    const structure = defs('structure.json');
    expect(sorted(service.Thematique!.enum)).toEqual(sorted(values('thematiques.json')));
    expect(sorted(service.Public!.enum)).toEqual(sorted(values('publics.json')));
    expect(sorted(service.Frais!.enum)).toEqual(sorted(values('frais.json')));
    expect(sorted(service.ModeAccueil!.enum)).toEqual(sorted(values('modes-accueil.json')));
    expect(sorted(service.ModeMobilisation!.enum)).toEqual(sorted(values('modes-mobilisation.json')));
    expect(sorted(service.PersonneMobilisatrice!.enum)).toEqual(sorted(values('personnes-mobilisatrices.json')));
    expect(sorted(service.TypeService!.enum)).toEqual(sorted(values('types-de-services.json')));
    expect(sorted(structure.ReseauPorteur!.enum)).toEqual(sorted(values('reseaux-porteurs.json')));
  });

  it('the copy holds the published files and nothing hand-made beside them', () => {
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'extra', 'pinned.json', 'service.json', 'structure.json']);
  });
});
