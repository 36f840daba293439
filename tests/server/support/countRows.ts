import type { Database } from '../../../src/server/db/Database';

/** Number of live records of a collection (optionally of one territory). */
export async function countRecords(db: Database, collection: string, territoryId?: string): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM record WHERE collection = $1 AND deleted_at IS NULL ${territoryId ? 'AND territory_id = $2' : ''}`,
    territoryId ? [collection, territoryId] : [collection],
  );
  return Number(rows[0]!.n);
}
