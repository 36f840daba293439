import { Dexie } from 'dexie';
import type { Collection } from '../../shared/sync/collections';
import { META, type EscaleDb, type ReplicaRow } from './db';

// A shared tablet, one aidant at a time (issue 17, docs/privacy.md): the device records
// pulled for an aidant (their visit logs, sessions, the coverage observed, their
// corrections) are kept only while that aidant is at the tablet. When another aidant
// opens it, the rows that are not theirs leave the replica, and the cursor with them, so
// the next pull (under the new aidant's own token) starts over in their scope. The
// directory stays: it is the territory's, not an aidant's.

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

/**
 * One transaction: every pulled device row that is not `userId`'s is deleted, and when
 * one was, the cursor too (the next pull starts from zero; pages already held are skipped
 * row by row). Returns how many rows left. The outbox and pending edits are untouched:
 * another aidant's waiting changes are still pushed, exactly once, with their own token.
 */
export async function forgetOtherAidants(db: EscaleDb, userId: string): Promise<number> {
  return db.transaction('rw', [db.rows, db.meta], async () => {
    const gone: Array<[Collection, string]> = [];
    for (const collection of DEVICE_COLLECTIONS) {
      await db.rows.where(':id').between([collection, Dexie.minKey], [collection, Dexie.maxKey]).each((row) => {
        if (!isOwnRecord(row, userId)) gone.push([collection, row.id]);
      });
    }
    if (gone.length === 0) return 0;
    await db.rows.bulkDelete(gone);
    await db.meta.delete(META.cursor);
    return gone.length;
  });
}
