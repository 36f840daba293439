import * as z from 'zod/mini';
import { describeIssues } from '../../shared/domain/formatIssues';
import type { Role } from '../../shared/domain/vocabularies';
import { EDITABLE_COLLECTIONS } from '../../shared/sync/collections';
import { MUTATION_ARGS } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/protocol';
import { findForbiddenKey, findUnstorableText } from '../http/findUnstorableText';
import {
  applyOwnedPlan, correctionResolve, planCorrectionPropose, planCoverageRecord, planSessionOpen, planVisitCreate,
  planVisitCreateSealed, sessionClose, type OwnedPlan,
} from './deviceMutations';
import { directoryCreate, directoryDelete, directoryUpdate } from './directoryMutations';
import { reject, type MutationContext, type Outcome } from './MutationContext';
import type { OwnedInserts } from './OwnedInserts';

type Handler = (ctx: MutationContext, args: never) => Promise<Outcome>;
/** A create of a device record: decided without reading records, inserted later or at once. */
type Planner = (ctx: MutationContext, args: never) => OwnedPlan | Promise<OwnedPlan>;

const EVERYONE: readonly Role[] = ['aidant', 'staff', 'admin'];
const OFFICE: readonly Role[] = ['staff', 'admin'];

/**
 * Who may run each mutation name, and its handler. A name missing here is refused as
 * unknown; every version a device may still hold after months offline stays listed.
 */
const HANDLERS: Record<string, { roles: readonly Role[]; apply?: Handler; plan?: Planner }> = {
  'visit.create@1': { roles: EVERYONE, plan: planVisitCreate },
  'visit.create@2': { roles: EVERYONE, plan: planVisitCreateSealed },
  'session.open@1': { roles: EVERYONE, plan: planSessionOpen },
  'session.close@1': { roles: EVERYONE, apply: sessionClose },
  'coverage.record@1': { roles: EVERYONE, plan: planCoverageRecord },
  'correction.propose@1': { roles: EVERYONE, plan: planCorrectionPropose },
  'correction.resolve@1': { roles: OFFICE, apply: correctionResolve },
  ...Object.fromEntries(
    EDITABLE_COLLECTIONS.flatMap((c) => [
      [`${c}.create@1`, { roles: OFFICE, apply: ((ctx, args) => directoryCreate(ctx, c, args)) as Handler }],
      [`${c}.update@1`, { roles: OFFICE, apply: ((ctx, args) => directoryUpdate(ctx, c, args)) as Handler }],
      [`${c}.delete@1`, { roles: OFFICE, apply: ((ctx, args) => directoryDelete(ctx, c, args)) as Handler }],
    ]),
  ),
};

export function mayRun(role: Role, name: string): boolean {
  return Object.hasOwn(HANDLERS, name) && HANDLERS[name]!.roles.includes(role);
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
export async function applyMutation(ctx: MutationContext, mutation: Mutation, inserts?: OwnedInserts): Promise<Outcome | typeof DEFERRED> {
  if (!Object.hasOwn(HANDLERS, mutation.name) || !Object.hasOwn(MUTATION_ARGS, mutation.name)) {
    return reject('unknown_mutation', `Action inconnue du serveur : ${mutation.name}. Mettez l’application à jour.`);
  }
  const handler = HANDLERS[mutation.name]!;
  if (!handler.roles.includes(ctx.user.role)) return reject('forbidden', 'Votre compte n’a pas le droit de faire cette action.');
  const badKey = findForbiddenKey(mutation.args);
  if (badKey !== undefined) return reject('invalid_args', `Clé interdite dans les données : ${badKey.slice(0, 100)}.`);
  const parsed = z.safeParse(MUTATION_ARGS[mutation.name]!, mutation.args);
  if (!parsed.success) return reject('invalid_args', `Données invalides : ${describeIssues(parsed.error.issues)}.`);
  if (findUnstorableText(parsed.data) !== undefined) return reject('invalid_text', 'Texte invalide (caractère nul ou non représentable).');
  if (handler.plan) {
    const plan = await handler.plan(ctx, parsed.data as never);
    if (!inserts || 'outcome' in plan) return applyOwnedPlan(ctx, plan);
    inserts.add(ctx.mutationId, plan.insert);
    return DEFERRED;
  }
  if (inserts?.size) throw new Error('applyMutation: flush the queued inserts before a mutation that reads records');
  return handler.apply!(ctx, parsed.data as never);
}

/** Whether this mutation only inserts a device record (it may wait in OwnedInserts). */
export function isOwnedCreate(name: string): boolean {
  return Object.hasOwn(HANDLERS, name) && HANDLERS[name]!.plan !== undefined;
}
