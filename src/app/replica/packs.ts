import type { Collection } from '../../shared/sync/collections';
import type { ReplicaRow } from './rows';
import { rowKey } from './rowKey';

// Packs: many rows of one collection held as ONE IndexedDB value, with the list of their
// ids as a second, small value (docs/performance.md, "First sync: packs").
//
// Why: IndexedDB's cost is per value. In Chromium, 10,000 rows of ~660 bytes written one
// `put` each took 1.4-2.0 s; the same rows as 20 values of 500 took 0.1-0.15 s, and read
// back in 0.04-0.09 s instead of 0.32-0.37 s. A first sync on the bus's link was mostly
// that per-value cost.
//
// The rules: a pull page stored the fast way (newer than every row held, replicaStore.ts)
// writes the places it carries as a pack when they are at least PACK_MIN; anything else
// (a small page, a page stored the careful way, a local write's row) goes to the `rows`
// store, one value per record, as before. A record may then be held twice, in a pack and
// in `rows`, or in two packs: the highest version is the record (`latestRows`). Seq and
// version grow together on the server, so the newer copy is always the higher version.

/** Collections whose rows may be packed: the directory's places, the one that is large. */
export const PACKED_COLLECTIONS: readonly Collection[] = ['place'];

/** Fewer rows than this go to `rows`: a pack saves little and is read whole on a lookup. */
export const PACK_MIN = 100;

/**
 * Rows of one collection stored as one value; `first` is the lowest seq among them. Held
 * either as rows, or as the pull page's own JSON text (`page`) when that page's changes of
 * the collection are exactly the rows (all checked, none skipped): storing a string is a
 * copy, where IndexedDB serialises an object graph field by field (a third of a first
 * sync's main thread in Chromium at 10,000 places, as rows).
 */
export interface Pack {
  collection: Collection;
  first: number;
  rows?: ReplicaRow[];
  page?: string;
}

/** A pack's ids, stored apart so that finding one record does not read every pack. */
export interface PackIds {
  collection: Collection;
  first: number;
  ids: string[];
}

export interface PackedPlan {
  packs: Pack[];
  /** Each pack's ids, in the same order. */
  ids: PackIds[];
  /** What goes to `rows`, one value per record. */
  rows: ReplicaRow[];
}

export const isPacked = (collection: Collection): boolean => PACKED_COLLECTIONS.includes(collection);

/**
 * Split a page's rows (at most one per record, as planPage returns them) into packs and
 * single rows. A page's packs never share a key with a pack already held: the page is
 * newer than every row held, so its lowest seq is above every pack's `first`. `pageText`:
 * the page's JSON as it came, given when its rows are exactly its changes; packs then
 * hold it instead of their rows.
 */
export function packRows(put: readonly ReplicaRow[], pageText?: string): PackedPlan {
  const byCollection = new Map<Collection, ReplicaRow[]>();
  const rows: ReplicaRow[] = [];
  for (const row of put) {
    if (!isPacked(row.collection)) {
      rows.push(row);
      continue;
    }
    const group = byCollection.get(row.collection);
    if (group) group.push(row);
    else byCollection.set(row.collection, [row]);
  }
  const packs: Pack[] = [];
  const ids = new Map<number, string[]>();
  for (const [collection, group] of byCollection) {
    if (group.length < PACK_MIN) {
      rows.push(...group);
      continue;
    }
    let first = Infinity;
    for (const r of group) if (r.seq < first) first = r.seq;
    packs.push(pageText === undefined ? { collection, first, rows: group } : { collection, first, page: pageText });
    ids.set(first, group.map((r) => r.id));
  }
  return { packs, rows, ids: packs.map((p) => ({ collection: p.collection, first: p.first, ids: ids.get(p.first)! })) };
}

/** A pack's rows, from the rows it holds or from its page's changes of its collection. */
export function rowsOfPack(pack: Pack): ReplicaRow[] {
  if (pack.rows) return pack.rows;
  const out: ReplicaRow[] = [];
  const changes = (JSON.parse(pack.page ?? '{}') as { changes?: PageChange[] }).changes ?? [];
  for (const c of changes) {
    if (c.collection !== pack.collection) continue;
    out.push(c.op === 'delete'
      ? { collection: c.collection, id: c.id, version: c.version, seq: c.seq, deleted: true }
      : { collection: c.collection, id: c.id, version: c.version, seq: c.seq, record: c.record });
  }
  return out;
}

/** A change as the page's JSON holds it (checked when the page was stored). */
interface PageChange {
  collection: Collection;
  op: 'put' | 'delete';
  id: string;
  version: number;
  seq: number;
  record?: unknown;
}

/**
 * The record of each key among several copies: the highest version wins (a tombstone too,
 * so a deleted record stays deleted). `sources` in any order. Sorted by id, as a range of
 * the `rows` store is, so screens list records in the same order whatever holds them.
 */
export function latestRows(sources: ReadonlyArray<readonly ReplicaRow[]>): ReplicaRow[] {
  if (sources.length === 1 && isSorted(sources[0]!)) return [...sources[0]!];
  const latest = new Map<string, ReplicaRow>();
  for (const source of sources) for (const row of source) keepNewest(latest, row);
  return [...latest.values()].sort(byKey);
}

/** Keeps `row` in `latest` (by rowKey) unless a copy of a version as high is there. */
export function keepNewest(latest: Map<string, ReplicaRow>, row: ReplicaRow): void {
  const key = rowKey(row.collection, row.id);
  const held = latest.get(key);
  if (!held || held.version < row.version) latest.set(key, row);
}

function isSorted(rows: readonly ReplicaRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (byKey(rows[i - 1]!, rows[i]!) >= 0) return false;
  return true;
}

function byKey(a: ReplicaRow, b: ReplicaRow): number {
  if (a.collection !== b.collection) return a.collection < b.collection ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The `first` of every pack whose ids include one of `ids` (a lookup reads only those). */
export function packsHolding(index: readonly PackIds[], ids: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const entry of index) if (entry.ids.some((id) => ids.has(id))) out.push(entry.first);
  return out;
}
