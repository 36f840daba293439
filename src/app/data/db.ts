import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Collection } from '../../shared/sync/collections';
import type { MutationResult, Rejection } from '../../shared/sync/protocol';
import type { Pack, PackIds } from '../replica/packs';
import type { OutboxEntry, PendingEdit, ReplicaRow } from '../replica/rows';
import { META } from './dbLayout';

// The device database: its versioned schema lives in this ONE file (docs/style.md #3).
//
// Hazards this file guards against (docs/sync.md):
// - An upgrade must never drop the outbox: the outbox holds writes the server has not yet
//   acknowledged, and they exist nowhere else. Every `db.version(n)` step below keeps the
//   `outbox` store and, when it changes the shape of an entry, rewrites it in `upgrade()`.
// - Rows read back after an upgrade are parsed again with the shared schemas by the
//   repositories (a row that fails goes to `quarantine`, it never crashes a screen).

// The rows the replica rules work on are plain data, declared with them (../replica/rows.ts);
// re-exported here with the tables that hold them.
export type { OutboxEntry, PendingEdit, ReplicaRow } from '../replica/rows';

/** A stale edit the server refused to apply; kept until staff resolve it (never dropped). */
export interface ConflictRow {
  mutationId: number;
  name: string;
  args: unknown;
  collection?: Collection;
  recordId?: string;
  /** The server's record when it answered (absent when it was deleted). */
  current?: Extract<MutationResult, { status: 'conflict' }>['current'];
  at: string;
  resolvedAt?: string;
}

/** A mutation the server refused (invalid or forbidden); kept for the user to see. */
export interface RejectionRow {
  mutationId: number;
  name: string;
  args: unknown;
  reason: Rejection;
  at: string;
  dismissedAt?: string;
}

/** A row that did not parse with the shared schemas: kept aside for diagnosis. */
export interface QuarantineRow {
  key?: number;
  collection: string;
  id: string;
  raw: unknown;
  problem: string;
  at: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class EscaleDb extends Dexie {
  rows!: Table<ReplicaRow, [Collection, string]>;
  packs!: Table<Pack, [Collection, number]>;
  packIds!: Table<PackIds, [Collection, number]>;
  pendingEdits!: EntityTable<PendingEdit, 'mutationId'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'mutationId'>;
  rejections!: EntityTable<RejectionRow, 'mutationId'>;
  quarantine!: EntityTable<QuarantineRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this);
  }

  /** The stores that hold the replica's rows (one value per record, or packed): cleared together. */
  get replicaTables(): [Table<ReplicaRow, [Collection, string]>, Table<Pack, [Collection, number]>, Table<PackIds, [Collection, number]>] {
    return [this.rows, this.packs, this.packIds];
  }
}

/** The current schema version, for tests that define a v+1 on top of it. */
export const SCHEMA_VERSION = 3;

/** The stores of the current version, for a later `db.version(n + 1)` to build upon. */
export const CURRENT_STORES = {
  // [collection+id] is the key, and no index: a collection is a range of the key
  // ([c] .. [c, []]), and the newest seq held is kept in meta (META.newestSeq). Each index
  // was one more B-tree write per record on a first sync (v2).
  rows: '&[collection+id]',
  // Many places of one pull page as one value, keyed by [collection + its lowest seq], and
  // their ids apart (../replica/packs.ts): a first sync writes 20 values, not 10,000 (v3).
  packs: '&[collection+first]',
  packIds: '&[collection+first]',
  // Keyed by mutation id; [collection+id] finds the edits laid over one record.
  pendingEdits: '&mutationId, [collection+id], collection, status',
  // Keyed by mutation id, so iteration order is push order.
  outbox: '&id',
  conflicts: '&mutationId, resolvedAt',
  rejections: '&mutationId, dismissedAt',
  quarantine: '++key, collection',
  meta: '&key',
} as const;

function declareVersions(db: Dexie): void {
  // v1 (2026-11-22): first schema. Replicated rows, pending edits, outbox, conflicts,
  // rejections, quarantine and meta (clientId, nextMutationId, cursor, lastMutationId,
  // lastSyncedAt).
  const { packs: _packs, packIds: _packIds, ...v2 } = CURRENT_STORES;
  db.version(1).stores({ ...v2, rows: '&[collection+id], collection, seq' });
  // v2 (2026-11-22): `rows` loses its `collection` and `seq` indexes (a first sync wrote
  // three B-trees per record where one is needed). A collection is read as a range of the
  // key; the newest seq held moves to meta, computed here once from the rows. The outbox
  // and its entries are untouched.
  db.version(2).stores(v2).upgrade(async (tx) => {
    let newest = 0;
    await tx.table('rows').each((row: ReplicaRow) => {
      if (typeof row.seq === 'number' && row.seq > newest) newest = row.seq;
    });
    await tx.table('meta').put({ key: META.newestSeq, value: newest });
  });
  // v3 (2026-12-07): `packs` and `packIds`, empty; the rows held stay where they are (a
  // record's copies are compared by version wherever they are held, replicaStore.ts).
  db.version(3).stores(CURRENT_STORES);
  // 2026-12-07, no step: an outbox entry may be `sealed` (its `args` then absent, see
  // ../replica/rows.ts). No store or index changes, and this build reads both forms. An
  // older build would push a sealed entry without its arguments (the server rejects it):
  // going back to an older app on a tablet holding another aidant's waiting changes loses
  // them, which docs/sync.md says.
  // A new database holds no row: its newest seq is 0 (absent would mean unknown: every pull
  // page would read the rows it touches).
  db.on('populate', (tx) => {
    void tx.table('meta').put({ key: META.newestSeq, value: 0 });
  });
  // A later step looks like:
  //   db.version(4).stores({ ...CURRENT_STORES, rows: '…' }).upgrade(async (tx) => {
  //     // rewrite entries if their shape changes; NEVER clear `outbox`.
  //   });
}

// REPLICA_FORMAT and META live in dbLayout.ts (read by the first-paint reader without
// Dexie); bump REPLICA_FORMAT there, with its history.
export { META, REPLICA_FORMAT } from './dbLayout';
