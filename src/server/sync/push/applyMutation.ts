import * as z from 'zod/mini';
import { describeIssues } from '../../../shared/domain/formatIssues';
import { declarationOf, mayRun, type ArgsOf, type MutationName } from '../../../shared/sync/mutations';
import type { Mutation } from '../../../shared/sync/protocol';
import { findForbiddenKey, findUnstorableText } from '../../../shared/text/findUnstorableText';
import {
  applyOwnedPlan, correctionResolve, planCorrectionPropose, planCoverageRecord, planSessionOpen, planVisitCreate,
  planVisitCreateSealed, sessionClose, type OwnedPlan,
} from './deviceMutations';
import { directoryCreate, directoryDelete, directoryUpdate } from './directoryMutations';
import { reject, type MutationContext, type Outcome } from './MutationContext';
import { openSealedMutation } from './openSealedMutation';
import type { InsertQueue } from './OwnedInserts';

/**
 * What the server does for one mutation, once its role and arguments are checked:
 * - `plan`: a create of a device record, decided without reading records (it may wait in
 *   the push's OwnedInserts to be inserted with its neighbours);
 * - `apply`: anything that reads records first (a directory edit, closing a session).
 */
type ServerEffect<Args> =
  | { plan: (ctx: MutationContext, args: Args) => OwnedPlan | Promise<OwnedPlan> }
  | { apply: (ctx: MutationContext, args: Args) => Promise<Outcome> };

/**
 * The server's effect of every mutation of the registry (src/shared/sync/mutations.ts),
 * typed by name: a declared mutation without an effect here, a misspelt name or arguments
 * of the wrong type do not compile. Every version a device may still hold stays listed.
 */
export type ServerEffects = { [K in MutationName]: ServerEffect<ArgsOf<K>> };

const EFFECTS: ServerEffects = {
  'visit.create@1': { plan: planVisitCreate },
  'visit.create@2': { plan: planVisitCreateSealed },
  'session.open@1': { plan: planSessionOpen },
  'session.close@1': { apply: sessionClose },
  'coverage.record@1': { plan: planCoverageRecord },
  'correction.propose@1': { plan: planCorrectionPropose },
  'correction.resolve@1': { apply: correctionResolve },
  'place.create@1': { apply: (ctx, args) => directoryCreate(ctx, 'place', args) },
  'place.update@1': { apply: (ctx, args) => directoryUpdate(ctx, 'place', args) },
  'place.delete@1': { apply: (ctx, args) => directoryDelete(ctx, 'place', args) },
  'tour.create@1': { apply: (ctx, args) => directoryCreate(ctx, 'tour', args) },
  'tour.update@1': { apply: (ctx, args) => directoryUpdate(ctx, 'tour', args) },
  'tour.delete@1': { apply: (ctx, args) => directoryDelete(ctx, 'tour', args) },
  'mobility.create@1': { apply: (ctx, args) => directoryCreate(ctx, 'mobility', args) },
  'mobility.update@1': { apply: (ctx, args) => directoryUpdate(ctx, 'mobility', args) },
  'mobility.delete@1': { apply: (ctx, args) => directoryDelete(ctx, 'mobility', args) },
  'checklist.create@1': { apply: (ctx, args) => directoryCreate(ctx, 'checklist', args) },
  'checklist.update@1': { apply: (ctx, args) => directoryUpdate(ctx, 'checklist', args) },
  'checklist.delete@1': { apply: (ctx, args) => directoryDelete(ctx, 'checklist', args) },
};

/** The effect of a known name, with its arguments' type forgotten (they are parsed first). */
function effectOf(name: MutationName): ServerEffect<never> {
  return EFFECTS[name] as ServerEffect<never>;
}

/** applyMutation's answer when the mutation's insert waits in the push's OwnedInserts. */
export const DEFERRED = Symbol('deferred');

/**
 * Decides one mutation. Bad input never throws: it becomes a `rejected` outcome, so the
 * id advances and a poison mutation cannot block the queue (I12). Only database errors
 * throw, which aborts the whole push without advancing.
 *
 * With `inserts`, a create of a device record is queued there (DEFERRED; its outcome
 * comes from `inserts.flush()`), and any other mutation first flushes what is queued, so
 * it sees every earlier mutation's effect, in order.
 */
export async function applyMutation(ctx: MutationContext, sent: Mutation, inserts?: InsertQueue): Promise<Outcome | typeof DEFERRED> {
  const declaration = declarationOf(sent.name);
  if (!declaration) {
    return reject('unknown_mutation', `Action inconnue du serveur : ${sent.name}. Mettez l’application à jour.`);
  }
  if (!mayRun(ctx.user.role, sent.name)) return reject('forbidden', 'Votre compte n’a pas le droit de faire cette action.');
  // A change sealed on a shared tablet is opened first, then checked like any other.
  let mutation = sent;
  if (sent.sealed !== undefined) {
    const opened = await openSealedMutation(ctx, sent);
    if ('outcome' in opened) return opened.outcome;
    mutation = opened.mutation;
  }
  const badKey = findForbiddenKey(mutation.args);
  if (badKey !== undefined) return reject('invalid_args', `Clé interdite dans les données : ${badKey.slice(0, 100)}.`);
  const parsed = z.safeParse(declaration.args, mutation.args);
  if (!parsed.success) return reject('invalid_args', `Données invalides : ${describeIssues(parsed.error.issues)}.`);
  if (findUnstorableText(parsed.data) !== undefined) return reject('invalid_text', 'Texte invalide (caractère nul ou non représentable).');
  const effect = effectOf(mutation.name as MutationName);
  if ('plan' in effect) {
    const plan = await effect.plan(ctx, parsed.data as never);
    if (!inserts || 'outcome' in plan) return applyOwnedPlan(ctx, plan);
    inserts.add(ctx.mutationId, plan.insert);
    return DEFERRED;
  }
  if (inserts?.size) throw new Error('applyMutation: flush the queued inserts before a mutation that reads records');
  return effect.apply(ctx, parsed.data as never);
}

/** Whether this mutation only inserts a device record (it may wait in OwnedInserts). */
export function isOwnedCreate(name: string): boolean {
  return declarationOf(name) !== undefined && 'plan' in effectOf(name as MutationName);
}
