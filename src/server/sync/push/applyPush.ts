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

/** One device's push, as the route received it. */
export interface PushItem {
  user: SessionUser;
  push: PushRequest;
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
    const [outcome] = await db.transaction((tx) => pushesIn(tx, [{ user, push }], { now, notes }, hooks));
    return outcome!;
  } catch (error) {
    if (error instanceof DeviceRevoked) return { kind: 'revoked' };
    throw error;
  }
}

/**
 * Applies the pushes of several devices in ONE transaction, in order, each with exactly
 * the outcome it would have had alone after the ones before it (PushBatcher: pushes that
 * arrive while a transaction runs are written together: one lock, one client upsert, one
 * INSERT of every device's visit logs, one INSERT of the results). At most one push per
 * device. Throws DeviceRevoked when one of the devices is revoked, rolling all back: the
 * caller then applies each alone.
 */
export async function applyPushes(db: Database, items: readonly PushItem[], now: Date, notes: NoteCipher): Promise<PushOutcome[]> {
  return db.transaction((tx) => pushesIn(tx, items, { now, notes }, {}));
}

export { DeviceRevoked };

/** One push's progress inside the transaction. */
interface PushState extends PushItem {
  start: number;
  last: number;
  /** Results in push order; a deferred create's slot (its id) is filled when flushed. */
  results: Array<MutationResult | number>;
  /** Results decided by this transaction, stored in one statement at the end. */
  fresh: Map<number, MutationResult>;
  gap?: number;
}

/** The pushes' transaction: `tx` is already open, and committed when this resolves. */
async function pushesIn(tx: Queryable, items: readonly PushItem[], at: { now: Date; notes: NoteCipher }, hooks: PushHooks): Promise<PushOutcome[]> {
  const { now, notes } = at;
  // Taken first: it also serializes pushes of one client, so "last" cannot move under us.
  await lockSyncWrites(tx);
  const { rows } = await tx.query<{ client_id: string; last_mutation_id: unknown; revoked_at: Date | null }>(
    `INSERT INTO sync_client (client_id, user_id, last_seen)
       SELECT c, u, $3 FROM unnest($1::uuid[], $2::text[]) AS x(c, u)
       ON CONFLICT (client_id) DO UPDATE SET user_id = EXCLUDED.user_id, last_seen = EXCLUDED.last_seen
       RETURNING client_id, last_mutation_id, revoked_at`,
    [items.map((i) => i.push.clientId), items.map((i) => i.user.id), now],
  );
  const clients = new Map(rows.map((r) => [r.client_id, r]));
  const states: PushState[] = items.map((item) => {
    const row = clients.get(item.push.clientId)!;
    if (row.revoked_at) throw new DeviceRevoked();
    const last = toNumber(row.last_mutation_id);
    return { ...item, start: last, last, results: [], fresh: new Map() };
  });
  const byClient = new Map(states.map((s) => [s.push.clientId, s]));
  // Consecutive creates of device records (visit logs…) go in one INSERT (OwnedInserts),
  // across the devices of the batch.
  const inserts = new OwnedInserts(tx, { now, notes });
  const flush = async () => {
    for (const { clientId, mutationId, outcome } of await inserts.flush()) {
      byClient.get(clientId)!.fresh.set(mutationId, withId(mutationId, outcome));
    }
  };
  for (const state of states) {
    const { user, push } = state;
    const queue = inserts.forOwner({ userId: user.id, clientId: push.clientId });
    for (const mutation of push.mutations) {
      if (mutation.id <= state.last) {
        if (inserts.size) await flush();
        state.results.push(state.fresh.get(mutation.id) ?? (await storedResult(tx, push.clientId, mutation.id)));
        continue;
      }
      if (mutation.id > state.last + 1) {
        state.gap = state.last + 1;
        break;
      }
      if (inserts.size && !isOwnedCreate(mutation.name)) await flush();
      const outcome = await applyMutation({ tx, user, clientId: push.clientId, mutationId: mutation.id, now, notes }, mutation, queue);
      if (outcome === DEFERRED) {
        state.results.push(mutation.id);
      } else {
        const result = withId(mutation.id, outcome);
        state.fresh.set(mutation.id, result);
        state.results.push(result);
      }
      state.last = mutation.id;
    }
  }
  await flush();
  const stored = states.flatMap((s) => [...s.fresh.values()].sort((a, b) => a.id - b.id).map((r) => ({ clientId: s.push.clientId, r })));
  if (stored.length) {
    await tx.query(
      `INSERT INTO mutation_result (client_id, mutation_id, status, result)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::jsonb[])`,
      [stored.map((x) => x.clientId), stored.map((x) => x.r.id), stored.map((x) => x.r.status), stored.map((x) => JSON.stringify(x.r))],
    );
  }
  const moved = states.filter((s) => s.last !== s.start);
  if (moved.length) {
    await tx.query(
      `UPDATE sync_client SET last_mutation_id = m.last
         FROM unnest($1::uuid[], $2::bigint[]) AS m(client_id, last) WHERE sync_client.client_id = m.client_id`,
      [moved.map((s) => s.push.clientId), moved.map((s) => s.last)],
    );
  }
  for (const s of states) await hooks.beforeCommit?.({ clientId: s.push.clientId, lastMutationId: s.last });
  return states.map((s) => {
    const body = { lastMutationId: s.last, results: s.results.map((r) => (typeof r === 'number' ? s.fresh.get(r)! : r)) };
    return s.gap === undefined ? { kind: 'ok', body } : { kind: 'gap', expected: s.gap, body };
  });
}
