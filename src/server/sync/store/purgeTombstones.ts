import { toNumber, type Database } from '../../db/Database';
import { lockSyncWrites } from './records';

/**
 * Deletes tombstones older than the retention and raises the horizon to the highest seq
 * removed: a device whose cursor is below it may have missed a deletion, so its next
 * pull answers `reset` (I9). Returns the number of rows purged.
 */
export async function purgeTombstones(db: Database, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const { rows } = await tx.query<{ server_seq: unknown }>(
      'DELETE FROM record WHERE deleted_at IS NOT NULL AND deleted_at < $1 RETURNING server_seq', [before],
    );
    if (!rows.length) return 0;
    const max = rows.reduce((m, r) => Math.max(m, toNumber(r.server_seq)), 0);
    await tx.query('UPDATE tombstone_horizon SET seq = GREATEST(seq, $1) WHERE id = 1', [max]);
    return rows.length;
  });
}
