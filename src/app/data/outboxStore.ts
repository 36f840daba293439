import type { Mutation, PushResponse } from '../../shared/sync/protocol';
import { targetOf } from '../../shared/sync/mutations';
import { nextPushBatch, planAfterPush, planGap, type GapPlan } from '../replica/outboxRules';
import { META, type EscaleDb, type OutboxEntry } from './db';

// The push's reads and writes of the device database (docs/sync.md, Push), each in ONE Dexie
// transaction; the rules they follow are pure (../replica/outboxRules.ts).

/** The device's id for the server; an error if the database has none (it is made when the store opens). */
export async function readClientId(db: EscaleDb): Promise<string> {
  const clientId = (await db.meta.get(META.clientId))?.value;
  if (typeof clientId !== 'string') throw new Error('no clientId in meta');
  return clientId;
}

/**
 * Read the next batch and mark its entries taken in ONE transaction, before it is sent:
 * an entry the server may have applied must not be edited in place any more (a queued
 * visit's correction checks `takenAt` in its own transaction). Never cleared.
 * `byAuthor`: only the leading run of one author's entries (`author`: that run's).
 */
export async function takePushBatch(db: EscaleDb, size: number, byAuthor: boolean, now: Date): Promise<{ batch: Mutation[]; author: string | undefined }> {
  return db.transaction('rw', db.outbox, async () => {
    const outbox = await db.outbox.orderBy('id').limit(size).toArray();
    const { batch, run, author } = nextPushBatch(outbox, size, byAuthor);
    const at = now.toISOString();
    const ids = new Set(batch.map((m) => m.id));
    for (const e of run) if (ids.has(e.id) && e.takenAt === undefined) await db.outbox.update(e.id, { takenAt: at });
    return { batch, author };
  });
}

/** How many changes wait for the server. */
export function countOutbox(db: EscaleDb): Promise<number> {
  return db.outbox.count();
}

/** What the status line counts: changes waiting, open conflicts and rejections, the last full pull. */
export interface SyncCounts {
  pending: number;
  conflicts: number;
  rejections: number;
  lastSyncedAt?: Date;
}

export async function readSyncCounts(db: EscaleDb): Promise<SyncCounts> {
  const [pending, conflicts, rejections, synced] = await db.transaction('r', [db.outbox, db.conflicts, db.rejections, db.meta], () =>
    Promise.all([
      db.outbox.count(),
      db.conflicts.filter((c) => !c.resolvedAt).count(),
      db.rejections.filter((r) => !r.dismissedAt).count(),
      db.meta.get(META.lastSyncedAt),
    ]),
  );
  return { pending, conflicts, rejections, ...(typeof synced?.value === 'string' ? { lastSyncedAt: new Date(synced.value) } : {}) };
}

export async function readOutbox(db: EscaleDb): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('id').toArray();
}

/**
 * Store a push answer in one transaction: results go to conflicts / rejections (kept,
 * never dropped), the pending edits they concern stop being laid over, applied ones wait
 * for the pull, and the entries `lastMutationId` covers leave the outbox.
 */
export async function storePushAnswer(db: EscaleDb, sent: Mutation[], answer: PushResponse, now: Date): Promise<{ removed: number }> {
  return db.transaction('rw', [db.outbox, db.pendingEdits, db.conflicts, db.rejections, db.meta], async () => {
    const held = await db.outbox.bulkGet(sent.map((m) => m.id));
    const outbox = held.filter((e): e is OutboxEntry => e !== undefined);
    const plan = planAfterPush(outbox, answer.lastMutationId, answer.results);
    const byId = new Map(outbox.map((e) => [e.id, e]));
    const at = now.toISOString();
    for (const c of plan.conflicts) {
      const entry = byId.get(c.id)!;
      const target = targetOf(entry.name, entry.args);
      await db.conflicts.put({
        mutationId: c.id, name: entry.name, args: entry.args,
        ...(target ? { collection: target.collection, recordId: target.id } : {}), ...(c.current ? { current: c.current } : {}), at,
      });
    }
    for (const r of plan.rejections) {
      const entry = byId.get(r.id)!;
      await db.rejections.put({ mutationId: r.id, name: entry.name, args: entry.args, reason: r.reason, at });
    }
    const resolvedAway = [...plan.conflicts, ...plan.rejections].map((r) => r.id);
    if (resolvedAway.length) await db.pendingEdits.bulkDelete(resolvedAway);
    for (const id of plan.applied) await db.pendingEdits.update(id, { status: 'applied' });
    // Entries covered by lastMutationId but without a result in this answer (answered in a
    // lost response earlier) are still covered: they leave too; their edits wait for the pull.
    if (plan.remove.length) await db.outbox.bulkDelete(plan.remove);
    const prev = (await db.meta.get(META.lastMutationId))?.value;
    if (typeof prev !== 'number' || answer.lastMutationId > prev) await db.meta.put({ key: META.lastMutationId, value: answer.lastMutationId });
    return { removed: plan.remove.length };
  });
}

/**
 * Answer a 409 gap, planned inside the transaction so a write made meanwhile is included.
 * `renumber` rewrites the ids of the entries we hold (and of their pending edits), keeping
 * their order, and moves the id counter to follow them (see planGap for when and why).
 */
export async function storeGapAnswer(db: EscaleDb, expected: number): Promise<GapPlan> {
  return db.transaction('rw', [db.outbox, db.pendingEdits, db.meta], async () => {
    const plan = planGap(await db.outbox.toArray(), expected);
    if (plan.kind !== 'renumber') return plan;
    const from = plan.mapping.map(([f]) => f);
    const entries = await db.outbox.bulkGet(from);
    const edits = await db.pendingEdits.bulkGet(from);
    await db.outbox.bulkDelete(from);
    await db.pendingEdits.bulkDelete(from);
    for (let i = 0; i < plan.mapping.length; i++) {
      const to = plan.mapping[i]![1];
      const e = entries[i];
      if (e) await db.outbox.put({ ...e, id: to });
      const p = edits[i];
      if (p) await db.pendingEdits.put({ ...p, mutationId: to });
    }
    console.warn(`[sync] the server expects mutation ${expected}: ${plan.mapping.length} waiting change(s) renumbered`);
    await db.meta.put({ key: META.nextMutationId, value: expected + plan.mapping.length });
    await db.meta.put({ key: META.lastMutationId, value: expected - 1 });
    return plan;
  });
}
