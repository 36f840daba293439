import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES, type Mutation, type MutationResult } from '../../shared/sync/protocol';
import type { OutboxEntry } from './rows';

// The rules of the outbox, as pure functions over plain data (docs/sync.md, Push).

/**
 * The next push batch: entries in id order, as many as fit under the server's limits
 * (count and body size). Always at least one entry, so a large entry is still sent (and
 * rejected by the server if really too large, which advances the queue).
 */
export function takeBatch(
  outbox: readonly OutboxEntry[],
  maxCount: number = MAX_MUTATIONS_PER_PUSH,
  maxBytes: number = MAX_PUSH_BYTES - 4096,
): Mutation[] {
  const sorted = [...outbox].sort((a, b) => a.id - b.id);
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const entry of sorted) {
    const mutation: Mutation = entry.sealed
      ? { id: entry.id, name: entry.name, sealed: entry.sealed }
      : { id: entry.id, name: entry.name, args: entry.args };
    const size = JSON.stringify(mutation).length + 1;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) break;
    // Ids must be consecutive: a hole would be a gap (409) on the server.
    const last = batch[batch.length - 1];
    if (last && entry.id !== last.id + 1) break;
    batch.push(mutation);
    bytes += size;
  }
  return batch;
}

/**
 * The next push request: `takeBatch` of the outbox's first entries (`outbox` in id order);
 * `byAuthor` (a shared tablet, one token per aidant): only the leading run of entries made
 * by one author, `author` (undefined: the device's account). `run` is the part the batch
 * was taken from (its entries are the ones marked taken).
 */
export function nextPushBatch(
  outbox: readonly OutboxEntry[], size: number, byAuthor: boolean,
): { batch: Mutation[]; run: readonly OutboxEntry[]; author: string | undefined } {
  const author = outbox[0]?.authorId;
  const run = byAuthor ? outbox.slice(0, sameAuthorRun(outbox, author)) : outbox;
  return { batch: takeBatch(run, size), run, author };
}

/** How many leading entries share the first one's author. */
function sameAuthorRun(outbox: ReadonlyArray<{ authorId?: string }>, author: string | undefined): number {
  const i = outbox.findIndex((e) => e.authorId !== author);
  return i === -1 ? outbox.length : i;
}

export interface PushOutcome {
  /** Outbox entries the server's lastMutationId covers: they leave the outbox. */
  remove: number[];
  applied: number[];
  conflicts: Extract<MutationResult, { status: 'conflict' }>[];
  rejections: Extract<MutationResult, { status: 'rejected' }>[];
}

/**
 * What a push answer does to the outbox. Only entries covered by `lastMutationId` leave;
 * a result for an id we no longer hold (a replayed answer) is ignored.
 */
export function planAfterPush(outbox: readonly OutboxEntry[], lastMutationId: number, results: readonly MutationResult[]): PushOutcome {
  const held = new Set(outbox.map((e) => e.id));
  const outcome: PushOutcome = { remove: [], applied: [], conflicts: [], rejections: [] };
  for (const entry of outbox) if (entry.id <= lastMutationId) outcome.remove.push(entry.id);
  for (const result of results) {
    if (!held.has(result.id) || result.id > lastMutationId) continue;
    if (result.status === 'applied') outcome.applied.push(result.id);
    else if (result.status === 'conflict') outcome.conflicts.push(result);
    else outcome.rejections.push(result);
  }
  return outcome;
}

export type GapPlan =
  /** Push again starting at `expected` (entries below it are covered and leave). */
  | { kind: 'resendFrom'; expected: number }
  /**
   * The server expects an id lower than anything we hold: it lost what it had acknowledged
   * for this client (a database restored from backup, or reset). Entries we still hold were
   * never applied there, so they are renumbered from `expected`, keeping their order, and
   * pushed again. Visits and sessions carry their own UUIDs, so the server's second guard
   * (ON CONFLICT DO NOTHING on the UUID) still prevents a duplicate effect.
   */
  | { kind: 'renumber'; expected: number; mapping: Array<[from: number, to: number]> }
  /** Nothing left to send (the server already covers every entry). */
  | { kind: 'nothing' };

/** How to answer a 409 `mutation_gap` whose `expected` id is given. */
export function planGap(outbox: readonly OutboxEntry[], expected: number): GapPlan {
  const ids = outbox.map((e) => e.id).sort((a, b) => a - b);
  const first = ids[0];
  if (first === undefined) return { kind: 'nothing' };
  if (ids.includes(expected)) return { kind: 'resendFrom', expected };
  if (expected < first) return { kind: 'renumber', expected, mapping: ids.map((id, i) => [id, expected + i]) };
  // expected beyond every id we hold: all of them are covered.
  if (expected > ids[ids.length - 1]!) return { kind: 'nothing' };
  // A hole in our own outbox should not exist (entries leave only from the front); renumber
  // the rest so the queue can move rather than stay stuck.
  const rest = ids.filter((id) => id >= expected);
  return { kind: 'renumber', expected, mapping: rest.map((id, i) => [id, expected + i]) };
}
