import type { MutationResult, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import type { SessionUser } from '../../auth/SessionUser';
import { toNumber, type Database, type Queryable } from '../../db/Database';
import type { NoteCipher } from '../store/NoteCipher';
import { lockSyncWrites } from '../store/records';
import { applyMutation, DEFERRED, isOwnedCreate } from './applyMutation';
import { withId } from './MutationContext';
import { OwnedInserts } from './OwnedInserts';

export interface PushHooks {
  /**
   * Test-only: awaited inside the push transaction just before COMMIT, with the write
   * lock held. The I5 test sleeps here to widen the window in which a sequence gap
   * would show. Never set in production.
   */
  beforeCommit?: (info: { clientId: string; lastMutationId: number }) => Promise<void>;
}

export type PushOutcome =
  | { kind: 'ok'; body: PushResponse }
  | { kind: 'gap'; expected: number; body: PushResponse }
  /** An admin revoked this device: nothing of the push is written (http answers 403). */
  | { kind: 'revoked' };

/**
 * Thrown inside the push transaction when the device is revoked, so that its first write
 * (the sync_client upsert) rolls back; applyPush turns it into the `revoked` outcome.
 */
class DeviceRevoked extends Error {}

async function storedResult(tx: Queryable, clientId: string, id: number): Promise<MutationResult> {
  const { rows } = await tx.query<{ result: MutationResult }>(
    'SELECT result FROM mutation_result WHERE client_id = $1 AND mutation_id = $2', [clientId, id],
  );
  // Ids at or below last_mutation_id always have a stored result; this is a safe answer
  // if one was ever lost (the client drops the entry either way).
  return rows[0]?.result ?? { id, status: 'rejected', reason: { code: 'not_found', message: 'Résultat introuvable.' } };
}

/**
 * Applies a push exactly once per (client, mutation id) (I1, I11). The whole batch is one
 * transaction: each mutation's effect, its stored result and the client's new
 * last_mutation_id commit together, or nothing does (a database failure leaves the ids
 * unadvanced and the client retries).
 */
export async function applyPush(
  db: Database, user: SessionUser, push: PushRequest, now: Date, notes: NoteCipher, hooks: PushHooks = {},
): Promise<PushOutcome> {
  try {
    return await db.transaction((tx) => pushIn(tx, user, push, { now, notes }, hooks));
  } catch (error) {
    if (error instanceof DeviceRevoked) return { kind: 'revoked' };
    throw error;
  }
}

/** The push's transaction: `tx` is already open, and committed when this resolves. */
async function pushIn(tx: Queryable, user: SessionUser, push: PushRequest, at: { now: Date; notes: NoteCipher }, hooks: PushHooks): Promise<PushOutcome> {
  const { now, notes } = at;
  // Taken first: it also serializes pushes of one client, so "last" cannot move under us.
  await lockSyncWrites(tx);
  const { rows } = await tx.query<{ last_mutation_id: unknown; revoked_at: Date | null }>(
    `INSERT INTO sync_client (client_id, user_id, last_seen) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET user_id = EXCLUDED.user_id, last_seen = EXCLUDED.last_seen
       RETURNING last_mutation_id, revoked_at`,
    [push.clientId, user.id, now],
  );
  if (rows[0]!.revoked_at) throw new DeviceRevoked();
  let last = toNumber(rows[0]!.last_mutation_id);
  const start = last;
  // Results in push order; a deferred create's slot is filled when its run is flushed.
  const results: Array<MutationResult | number> = [];
  // Results of this push, stored in one statement at the end (half the round trips).
  const fresh = new Map<number, MutationResult>();
  // Consecutive creates of device records (visit logs…) go in one INSERT (OwnedInserts).
  const inserts = new OwnedInserts(tx, { userId: user.id, clientId: push.clientId, now, notes });
  const flush = async () => {
    for (const [id, outcome] of await inserts.flush()) fresh.set(id, withId(id, outcome));
  };
  let gap: number | undefined;
  for (const mutation of push.mutations) {
    if (mutation.id <= last) {
      if (inserts.size) await flush();
      results.push(fresh.get(mutation.id) ?? (await storedResult(tx, push.clientId, mutation.id)));
      continue;
    }
    if (mutation.id > last + 1) {
      gap = last + 1;
      break;
    }
    if (inserts.size && !isOwnedCreate(mutation.name)) await flush();
    const outcome = await applyMutation({ tx, user, clientId: push.clientId, mutationId: mutation.id, now, notes }, mutation, inserts);
    if (outcome === DEFERRED) {
      results.push(mutation.id);
    } else {
      const result = withId(mutation.id, outcome);
      fresh.set(mutation.id, result);
      results.push(result);
    }
    last = mutation.id;
  }
  await flush();
  if (fresh.size) {
    const stored = [...fresh.values()].sort((a, b) => a.id - b.id);
    await tx.query(
      `INSERT INTO mutation_result (client_id, mutation_id, status, result)
         SELECT $1, id, status, result FROM unnest($2::bigint[], $3::text[], $4::jsonb[]) AS r(id, status, result)`,
      [push.clientId, stored.map((r) => r.id), stored.map((r) => r.status), stored.map((r) => JSON.stringify(r))],
    );
  }
  if (last !== start) {
    await tx.query('UPDATE sync_client SET last_mutation_id = $2 WHERE client_id = $1', [push.clientId, last]);
  }
  await hooks.beforeCommit?.({ clientId: push.clientId, lastMutationId: last });
  const body = { lastMutationId: last, results: results.map((r) => (typeof r === 'number' ? fresh.get(r)! : r)) };
  return gap === undefined ? { kind: 'ok', body } : { kind: 'gap', expected: gap, body };
}
