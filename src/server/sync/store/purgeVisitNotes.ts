import type { Database } from '../../db/Database';
import { lockSyncWrites } from './records';

/**
 * Visit notes are the only personal field of a visit log (docs/quality.md): after the
 * retention they are removed from the server copy. The change is a normal write
 * (version + 1, new seq) so devices in scope replace their copy too.
 * Returns the number of visits changed.
 */
export async function purgeVisitNotes(db: Database, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const { rows } = await tx.query(
      `UPDATE record SET data = data - 'notes', version = version + 1, server_seq = nextval('sync_seq'), updated_at = $2
        WHERE collection = 'visit' AND deleted_at IS NULL AND data ? 'notes' AND created_at < $1 RETURNING 1`,
      [before, now],
    );
    return rows.length;
  });
}
