import { describe, expect, it } from 'vitest';
import { checkV1Record } from '../../../src/shared/datainclusion/checkV1Record';
import { publishedErrors } from './support/publishedSchema';
import { COMPLETE_STRUCTURE, INVALID_SERVICES, INVALID_STRUCTURES, SERVICE_ATELIER, SERVICE_DROITS, SERVICE_JEUNES } from './support/v1Records';

// Escale's field rules against the published JSON Schema: what it accepts passes, what
// it refuses is refused, naming the field and the reason.

const withoutUndefined = (record: Record<string, unknown>) => JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
const refusals = (kind: 'structure' | 'service', record: unknown) => checkV1Record(kind, record).issues.filter((i) => i.level === 'refus');

describe('checkV1Record: valid records of the published schema pass', () => {
  it.each([
    ['structure', COMPLETE_STRUCTURE],
    ['service', SERVICE_JEUNES],
    ['service', SERVICE_ATELIER],
    ['service', SERVICE_DROITS],
  ] as const)('%s %#', (kind, record) => {
    expect(publishedErrors(kind, record)).toEqual([]);
    expect(refusals(kind, record)).toEqual([]);
  });

  it('keeps every field as it came, unknown ones included', () => {
    expect(checkV1Record('structure', COMPLETE_STRUCTURE).record).toEqual(COMPLETE_STRUCTURE);
    expect(checkV1Record('service', SERVICE_JEUNES).record).toEqual(SERVICE_JEUNES);
  });

  it('reads null and blank as "no value", as the schema\'s nulls mean', () => {
    const record = { ...COMPLETE_STRUCTURE, siret: null, telephone: '', complement_adresse: '  ' };
    expect(publishedErrors('structure', { ...record, telephone: null, complement_adresse: null })).toEqual([]);
    const checked = checkV1Record('structure', record);
    expect(checked.issues).toEqual([]);
    expect(checked.record).not.toHaveProperty('siret');
    expect(checked.record).not.toHaveProperty('telephone');
  });
});

describe('checkV1Record: each invalid record is refused, naming field and reason', () => {
  it.each(INVALID_STRUCTURES.map((c) => [c.record.id, c] as const))('structure %s', (_id, { record, field, reason }) => {
    const clean = withoutUndefined(record);
    expect(publishedErrors('structure', clean).length, 'the published schema refuses it too').toBeGreaterThan(0);
    const found = refusals('structure', clean);
    expect(found.map((i) => i.field)).toEqual([field]);
    expect(found[0]!.reason).toMatch(reason);
  });

  it.each(INVALID_SERVICES.map((c) => [c.record.id, c] as const))('service %s', (_id, { record, field, reason }) => {
    const clean = withoutUndefined(record);
    const found = refusals('service', clean);
    expect(found.map((i) => i.field)).toEqual([field]);
    expect(found[0]!.reason).toMatch(reason);
    // The published JSON Schema refuses all but one: `tous-publics` beside another public
    // is a rule of its prose (and of data·inclusion's validator), not of the JSON Schema.
    if (field !== 'publics' || !/tous-publics/.test(found[0]!.reason)) {
      expect(publishedErrors('service', clean).length, 'the published schema refuses it too').toBeGreaterThan(0);
    }
  });
});

describe('checkV1Record: earlier habits are read with a named warning', () => {
  it('an old slug is read as its v1 counterpart, and said', () => {
    const checked = checkV1Record('structure', { ...COMPLETE_STRUCTURE, reseaux_porteurs: ['unccas', 'communes'] });
    expect(checked.record.reseaux_porteurs).toEqual(['ccas-cias', 'communes']);
    expect(checked.issues).toEqual([{ field: 'reseaux_porteurs', level: 'avertissement', reason: expect.stringMatching(/unccas.*ccas-cias/) }]);
  });

  it('a datetime date_maj keeps its date, and says so', () => {
    const checked = checkV1Record('service', { ...SERVICE_ATELIER, date_maj: '2026-03-20T10:22:00+02:00' });
    expect(checked.record.date_maj).toBe('2026-03-20');
    expect(checked.issues.map((i) => [i.field, i.level])).toEqual([['date_maj', 'avertissement']]);
  });

  it('a v0 frais list of one value is read as that value; two are refused', () => {
    expect(checkV1Record('service', { ...SERVICE_ATELIER, frais: ['adhesion'] }).record.frais).toBe('payant');
    expect(refusals('service', { ...SERVICE_ATELIER, frais: ['gratuit', 'payant'] }).map((i) => i.field)).toEqual(['frais']);
  });

  it('a record that is not an object is refused', () => {
    expect(refusals('structure', 'texte')).toEqual([{ field: '(fiche)', level: 'refus', reason: expect.stringContaining('objet') }]);
  });
});
