import { upgradeChecklistSlugs, upgradePlaceSlugs } from '../../shared/datainclusion/upgradeRecordSlugs';
import type { Database } from '../db/Database';
import { lockSyncWrites } from '../sync/store/records';

/**
 * Rewrites places and checklists stored with pre-v1 data·inclusion slugs (see
 * upgradeRecordSlugs). Each change is a normal write (version + 1, new seq) so every
 * device in scope pulls the upgraded record. Run at start, after the migrations; a second
 * run changes nothing. Returns the number of records rewritten.
 */
export async function upgradeVocabularies(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const { rows } = await tx.query<{ collection: string; id: string; data: Record<string, unknown> }>(
      "SELECT collection, id, data FROM record WHERE collection IN ('place', 'checklist') AND deleted_at IS NULL",
    );
    let changed = 0;
    for (const row of rows) {
      const next = row.collection === 'place' ? upgradePlaceSlugs(row.data) : upgradeChecklistSlugs(row.data);
      if (!next) continue;
      await tx.query(
        `UPDATE record SET data = $3::jsonb, version = version + 1, server_seq = nextval('sync_seq'), updated_at = $4
          WHERE collection = $1 AND id = $2`,
        [row.collection, row.id, JSON.stringify(next), now],
      );
      changed++;
    }
    return changed;
  });
}
