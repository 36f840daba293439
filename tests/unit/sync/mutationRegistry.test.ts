import { describe, expect, it } from 'vitest';
import { EDITABLE_COLLECTIONS } from '../../../src/shared/sync/collections';
import {
  declarationOf, directoryEditName, isMutationName, makesVisit, mayRun, MUTATIONS, targetOf, type MutationName,
} from '../../../src/shared/sync/mutations';
import { mutationNameSchema } from '../../../src/shared/sync/protocol';
import type { ServerEffects } from '../../../src/server/sync/push/applyMutation';

// The registry (src/shared/sync/mutations.ts) is the one declaration of every mutation.
// The function below is never called: `npm run typecheck` (tsc -p tests) compiles it, and
// a directive that expects an error where there is none fails the typecheck, so each one
// proves that the compiler refuses that table of server effects.
export function refusedTables(effects: ServerEffects): ServerEffects[] {
  const { 'tour.delete@1': _dropped, ...withoutOne } = effects;
  // @ts-expect-error the server's table must name every declared mutation
  const incomplete: ServerEffects = withoutOne;
  // @ts-expect-error a misspelt name is not a mutation
  const misspelt: ServerEffects = { ...effects, 'checklist.updat@1': effects['checklist.update@1'] };
  // @ts-expect-error an effect written for other arguments does not fit
  const wrongArgs: ServerEffects = { ...effects, 'session.close@1': effects['correction.resolve@1'] };
  return [incomplete, misspelt, wrongArgs];
}

const NAMES = Object.keys(MUTATIONS) as MutationName[];

describe('mutation registry', () => {
  it('names every mutation entity.action@version, within the wire limits', () => {
    for (const name of NAMES) expect(mutationNameSchema.safeParse(name).success, name).toBe(true);
    expect(isMutationName('visit.create@3')).toBe(false);
    expect(declarationOf('__proto__')).toBeUndefined();
  });

  it('declares a create, an update and a delete for every editable collection, for the office only', () => {
    for (const c of EDITABLE_COLLECTIONS) {
      for (const action of ['create', 'update', 'delete'] as const) {
        const name = directoryEditName(c, action);
        expect(MUTATIONS[name].effect).toEqual({ kind: action, collection: c });
        expect(mayRun('staff', name) && mayRun('admin', name) && !mayRun('aidant', name)).toBe(true);
      }
    }
  });

  it('lets every account log field work, and only the office resolve a correction', () => {
    for (const name of ['visit.create@1', 'visit.create@2', 'session.open@1', 'session.close@1', 'coverage.record@1', 'correction.propose@1']) {
      expect(['aidant', 'staff', 'admin'].every((role) => mayRun(role as 'aidant', name)), name).toBe(true);
    }
    expect(mayRun('aidant', 'correction.resolve@1')).toBe(false);
    expect(mayRun('staff', 'correction.resolve@1')).toBe(true);
    expect(mayRun('admin', 'no.such@1')).toBe(false);
  });

  it('finds the record each kind of arguments names', () => {
    const visit = { id: 'b7a4f1c2-1d2e-4f60-8a9b-0c1d2e3f4a5b' };
    expect(targetOf('visit.create@1', visit)).toEqual({ collection: 'visit', id: visit.id });
    expect(targetOf('visit.create@2', { ...visit, sealedNotes: {} })).toEqual({ collection: 'visit', id: visit.id });
    expect(targetOf('session.close@1', { id: visit.id, endedAt: '2026-12-01T10:00:00Z' })).toEqual({ collection: 'session', id: visit.id });
    expect(targetOf('place.create@1', { record: { id: 'mairie-civray' } })).toEqual({ collection: 'place', id: 'mairie-civray' });
    expect(targetOf('tour.update@1', { id: 'tournee-1', baseVersion: 2, patch: {} })).toEqual({ collection: 'tour', id: 'tournee-1' });
    expect(targetOf('place.delete@1', null)).toBeUndefined();
    expect(targetOf('unknown.thing@1', visit)).toBeUndefined();
  });

  it('says which entries make a visit, whatever their version', () => {
    expect(NAMES.filter(makesVisit)).toEqual(['visit.create@1', 'visit.create@2']);
  });

  it('shows a sealed visit on the device without its sealed box', () => {
    const effect = MUTATIONS['visit.create@2'].effect;
    expect(effect.kind).toBe('own');
    if (effect.kind !== 'own') return;
    const record = effect.record({ id: 'x', sealedNotes: { kid: 'k' } } as never);
    expect(record).toEqual({ id: 'x' });
  });
});
