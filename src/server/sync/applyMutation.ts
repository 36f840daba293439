import * as z from 'zod/mini';
import { describeIssues } from '../../shared/domain/formatIssues';
import type { Role } from '../../shared/domain/vocabularies';
import { EDITABLE_COLLECTIONS } from '../../shared/sync/collections';
import { MUTATION_ARGS } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/protocol';
import { findForbiddenKey, findUnstorableText } from '../http/findUnstorableText';
import {
  correctionPropose, correctionResolve, coverageRecord, sessionClose, sessionOpen, visitCreate, visitCreateSealed,
} from './deviceMutations';
import { directoryCreate, directoryDelete, directoryUpdate } from './directoryMutations';
import { reject, type MutationContext, type Outcome } from './MutationContext';

type Handler = (ctx: MutationContext, args: never) => Promise<Outcome>;

const EVERYONE: readonly Role[] = ['aidant', 'staff', 'admin'];
const OFFICE: readonly Role[] = ['staff', 'admin'];

/**
 * Who may run each mutation name, and its handler. A name missing here is refused as
 * unknown; every version a device may still hold after months offline stays listed.
 */
const HANDLERS: Record<string, { roles: readonly Role[]; apply: Handler }> = {
  'visit.create@1': { roles: EVERYONE, apply: visitCreate },
  'visit.create@2': { roles: EVERYONE, apply: visitCreateSealed },
  'session.open@1': { roles: EVERYONE, apply: sessionOpen },
  'session.close@1': { roles: EVERYONE, apply: sessionClose },
  'coverage.record@1': { roles: EVERYONE, apply: coverageRecord },
  'correction.propose@1': { roles: EVERYONE, apply: correctionPropose },
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

/**
 * Decides one mutation. Bad input never throws: it becomes a `rejected` outcome, so the
 * id advances and a poison mutation cannot block the queue (I12). Only database errors
 * throw, which aborts the whole push without advancing.
 */
export async function applyMutation(ctx: MutationContext, mutation: Mutation): Promise<Outcome> {
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
  return handler.apply(ctx, parsed.data as never);
}
