import { Dexie } from 'dexie';
import type { Collection } from '../../shared/sync/collections';
import { isPacked, keepNewest, latestRows, packsHolding, rowsOfPack, type PackedPlan } from '../replica/packs';
import { rowKey } from '../replica/rowKey';
import type { EscaleDb, ReplicaRow } from './db';

// The replica's rows wherever they are held: one value per record in `rows`, or many in a
// pack (../replica/packs.ts). Each function runs inside the caller's transaction, which
// must include `db.replicaTables`.
//
// Written as chains of Dexie's own promises (then, Dexie.Promise.all), not as native async
// functions: Dexie follows its transaction through its promises, and through native
// `await`s only a few levels deep; a lookup nested one level more inside a write
// (localEffect.ts → readVisibleRaw → here) lost it, and the write's transaction committed
// before its last query (PrematureCommitError).

const range = (collection: Collection): [[Collection, unknown], [Collection, unknown]] => [[collection, Dexie.minKey], [collection, Dexie.maxKey]];

/** The row of every record of a collection held, its highest version, sorted by id. */
export function heldCollection(db: EscaleDb, collection: Collection): Promise<ReplicaRow[]> {
  const [lo, hi] = range(collection);
  const rows = db.rows.where(':id').between(lo, hi).toArray();
  if (!isPacked(collection)) return rows;
  const packs = db.packs.where(':id').between(lo, hi).toArray();
  return Dexie.Promise.all([rows, packs]).then(([single, packed]) => (packed.length ? latestRows([single, ...packed.map(rowsOfPack)]) : single));
}

/** The held row of each key (highest version), by rowKey; keys not held are absent. */
export function heldRowsOf(db: EscaleDb, keys: ReadonlyArray<readonly [Collection, string]>): Promise<Map<string, ReplicaRow>> {
  const out = new Map<string, ReplicaRow>();
  const keep = (row: ReplicaRow | undefined) => row && keepNewest(out, row);
  const reads: Array<Promise<unknown>> = [db.rows.bulkGet(keys.map(([c, id]) => [c, id] as [Collection, string])).then((rows) => rows.forEach(keep))];
  const wanted = new Map<Collection, Set<string>>();
  for (const [c, id] of keys) if (isPacked(c)) wanted.set(c, (wanted.get(c) ?? new Set<string>()).add(id));
  for (const [collection, ids] of wanted) {
    const [lo, hi] = range(collection);
    reads.push(db.packIds.where(':id').between(lo, hi).toArray().then((index) => {
      const firsts = packsHolding(index, ids);
      if (!firsts.length) return undefined;
      return db.packs.bulkGet(firsts.map((first) => [collection, first] as [Collection, number])).then((packs) => {
        for (const pack of packs) for (const row of pack ? rowsOfPack(pack) : []) if (ids.has(row.id)) keep(row);
      });
    }));
  }
  return Dexie.Promise.all(reads).then(() => out);
}

/** The held row of one record (highest version), or undefined. */
export function heldRow(db: EscaleDb, collection: Collection, id: string): Promise<ReplicaRow | undefined> {
  return heldRowsOf(db, [[collection, id]]).then((held) => held.get(rowKey(collection, id)));
}

/** Writes packs and their ids; the caller's transaction holds the rest of the page. */
export function putPacks(db: EscaleDb, plan: Pick<PackedPlan, 'packs' | 'ids'>): Promise<unknown> {
  if (!plan.packs.length) return Dexie.Promise.resolve();
  return Dexie.Promise.all([db.packs.bulkPut([...plan.packs]), db.packIds.bulkPut([...plan.ids])]);
}

/** Every replicated row gone, packed or not (a reset, a logout, a wipe, a new format). */
export function clearHeldRows(db: EscaleDb): Promise<unknown> {
  return Dexie.Promise.all(db.replicaTables.map((t) => t.clear()));
}
