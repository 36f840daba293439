import { Dexie } from 'dexie';
import type { NoteServerKey } from '../../shared/domain/sealedNote';
import type { Collection } from '../../shared/sync/collections';
import type { SealedMutation } from '../../shared/sync/sealedMutation';
import { META, type EscaleDb, type OutboxEntry, type PendingEdit, type ReplicaRow } from './db';
import { sealMutation } from './sealMutation';

// A shared tablet, one aidant at a time (issue 17, docs/privacy.md): what the tablet holds
// of an aidant is readable only while that aidant is at it. When another aidant opens it:
// - the device records pulled for the others (their visit logs, sessions, the coverage
//   observed, their corrections) leave the replica, and the cursor with them, so the next
//   pull (under the new aidant's own token) starts over in their scope;
// - the others' changes still waiting stop being laid over the replica (their pending
//   edits are deleted), and their outbox entries are sealed for the server
//   (sealOtherAidants): they keep in clear only what the push needs (id, name, author),
//   so they are still pushed exactly once, with their author's token, and the server
//   applies them as their author's. The tablet cannot read them back, their author neither.
// The directory stays: it is the territory's, not an aidant's.

const DEVICE_COLLECTIONS: readonly Collection[] = ['visit', 'session', 'coverage', 'correction'];

/** Whether a pulled device record is `userId`'s own (coverage has no author: never kept). */
export function isOwnRecord(row: Pick<ReplicaRow, 'collection' | 'record'>, userId: string): boolean {
  const r = row.record as Record<string, unknown> | undefined;
  if (!r) return false;
  switch (row.collection) {
    case 'visit': return r.aidantId === userId;
    case 'session': return Array.isArray(r.aidantIds) && r.aidantIds.includes(userId);
    case 'correction': return r.proposedBy === userId;
    default: return false;
  }
}

/** An entry made by another aidant than `userId` (an entry without an author is the device's account's: left as it is). */
const isOthers = (entry: Pick<OutboxEntry, 'authorId'>, userId: string): boolean => entry.authorId !== undefined && entry.authorId !== userId;

/**
 * Whether a pending edit is another aidant's: its outbox entry's author says so; without
 * an entry (applied, waiting for the pull), a device record that is not `userId`'s.
 */
function isOthersEdit(edit: PendingEdit, entry: OutboxEntry | undefined, userId: string): boolean {
  if (entry) return isOthers(entry, userId);
  return DEVICE_COLLECTIONS.includes(edit.collection) && !isOwnRecord(edit, userId);
}

export interface Forgotten {
  /** Replica rows and pending edits that left. */
  forgotten: number;
  /** The other aidants' outbox entries still in clear, as read in the same transaction: to seal. */
  toSeal: OutboxEntry[];
}

/**
 * One transaction: every pulled device row that is not `userId`'s is deleted, and when
 * one was, the cursor too (the next pull starts from zero; pages already held are skipped
 * row by row); so is every pending edit of another aidant's change. Started at once by the
 * caller, before the new aidant's screens read: their reads wait for it. Returns what
 * left, and the other aidants' outbox entries still in clear (the outbox itself is not
 * changed here: sealOtherAidants does it, after the crypto, which cannot run inside an
 * IndexedDB transaction).
 */
export async function forgetOtherAidants(db: EscaleDb, userId: string): Promise<Forgotten> {
  return db.transaction('rw', [db.rows, db.meta, db.pendingEdits, db.outbox], async () => {
    const gone: Array<[Collection, string]> = [];
    for (const collection of DEVICE_COLLECTIONS) {
      await db.rows.where(':id').between([collection, Dexie.minKey], [collection, Dexie.maxKey]).each((row) => {
        if (!isOwnRecord(row, userId)) gone.push([collection, row.id]);
      });
    }
    const outbox = new Map((await db.outbox.toArray()).map((e) => [e.id, e]));
    const edits = (await db.pendingEdits.toArray()).filter((p) => isOthersEdit(p, outbox.get(p.mutationId), userId)).map((p) => p.mutationId);
    if (gone.length) {
      await db.rows.bulkDelete(gone);
      await db.meta.delete(META.cursor);
    }
    if (edits.length) await db.pendingEdits.bulkDelete(edits);
    const toSeal = [...outbox.values()].filter((e) => isOthers(e, userId) && e.sealed === undefined);
    return { forgotten: gone.length + edits.length, toSeal };
  });
}

/** Why entries were left in clear (the caller logs it; docs/privacy.md says what it means). */
export type SealSkip = 'no_key' | 'server_cannot_open';

/**
 * The other aidants' waiting entries sealed for the server (src/shared/sync/sealedMutation.ts):
 * each box made outside any transaction, then, in ONE transaction, each entry replaced by
 * its sealed form if it is still there, still in clear and still the same (a push answer
 * may have removed it meanwhile; nothing else changes another aidant's entry). An entry a
 * push has already taken may be sealed too: its id does not change, so if the server
 * applied the clear form, the sealed one sent again gets that stored result.
 * Returns how many were sealed, or why none could be: no note key kept on the tablet, or a
 * key from a server that does not open sealed changes (an older server: they stay in clear).
 */
export async function sealOtherAidants(
  db: EscaleDb, entries: readonly OutboxEntry[], key: NoteServerKey | undefined, clientId: string,
): Promise<number | SealSkip> {
  if (entries.length === 0) return 0;
  if (!key) return 'no_key';
  if (key.sealedMutations !== 1) return 'server_cannot_open';
  const sealed: Array<{ before: OutboxEntry; json: string; box: SealedMutation }> = [];
  for (const entry of entries) {
    const box = await sealMutation(key, { clientId, mid: entry.id, name: entry.name, authorId: entry.authorId! }, entry.args);
    sealed.push({ before: entry, json: JSON.stringify(entry.args), box });
  }
  return db.transaction('rw', db.outbox, async () => {
    let n = 0;
    for (const { before, json, box } of sealed) {
      const held = await db.outbox.get(before.id);
      if (!held || held.sealed !== undefined || held.name !== before.name || held.authorId !== before.authorId || JSON.stringify(held.args) !== json) continue;
      // The entry as held now (a push may have marked it taken meanwhile), without its arguments.
      const { args: _clear, ...kept } = held;
      await db.outbox.put({ ...kept, sealed: box });
      n++;
    }
    return n;
  });
}
