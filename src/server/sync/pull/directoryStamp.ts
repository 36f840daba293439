import type { Database } from '../../db/Database';

/**
 * The directory state of a territory, for the caches (PageCache): its highest directory
 * seq, kept by a trigger in directory_stamp (migration 005: one primary-key read, whatever
 * the plan), and the tombstone horizon. Visit logs pushed all day do not change it, so
 * pages stay valid while the directory does. `t` is the territory's parameter.
 */
export const directoryStamp = (t: string) => `(SELECT max_seq FROM directory_stamp WHERE territory_id = ${t})`;
export const stampOf = (r: { max_seq: unknown; horizon: unknown }) => `${String(r.max_seq ?? 0)}:${String(r.horizon ?? 0)}`;

/** The stamp alone: what a cache hit costs (PullCaches shares it between callers). */
export async function readDirectoryStamp(db: Database, territoryId: string): Promise<string> {
  const { rows } = await db.query<{ max_seq: unknown; horizon: unknown }>(
    `SELECT ${directoryStamp('$1')} AS max_seq, (SELECT seq FROM tombstone_horizon WHERE id = 1) AS horizon`,
    [territoryId],
    { pagesUnchanged: true },
  );
  return stampOf(rows[0]!);
}
