import * as z from 'zod/mini';
import { describeIssues } from '../../shared/domain/formatIssues';
import { territorySeedSchema, type TerritorySeed } from '../../shared/domain/territorySeed';
import type { Collection } from '../../shared/sync/collections';
import type { Database } from '../db/Database';
import { insertRecord, lockSyncWrites } from '../sync/store/records';

/**
 * Loads a territory's seed when the database does not have that territory yet. It goes
 * through the same write path as mutations (version 1, a server_seq each, under the sync
 * write lock), so seeded records replicate like any other. Idempotent: a second start
 * finds the territory and writes nothing. Returns the number of records written.
 */
export async function seedTerritory(db: Database, input: TerritorySeed, now: Date): Promise<number> {
  const parsed = z.safeParse(territorySeedSchema, input);
  if (!parsed.success) throw new Error(`Invalid territory seed: ${describeIssues(parsed.error.issues, 'en', 10)}`);
  const seed = parsed.data;
  const territoryId = seed.territory.id;
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const existing = await tx.query("SELECT 1 FROM record WHERE collection = 'territory' AND id = $1", [territoryId]);
    if (existing.rows.length) return 0;
    const batches: Array<[Collection, Array<{ id: string; territoryId?: string }>]> = [
      ['territory', [seed.territory]],
      ['place', seed.places],
      ['tour', seed.tours],
      ['mobility', seed.mobility],
      ['checklist', seed.checklists],
    ];
    let count = 0;
    for (const [collection, records] of batches) {
      for (const record of records) {
        const recordTerritory = collection === 'territory' ? record.id : record.territoryId;
        if (recordTerritory !== territoryId) throw new Error(`Seed ${collection} ${record.id} belongs to ${recordTerritory}, not ${territoryId}`);
        if (await insertRecord(tx, { collection, id: record.id, territoryId, data: record, now })) count++;
      }
    }
    return count;
  });
}
