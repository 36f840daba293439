import type { Collection } from '../../../shared/sync/collections';
import { toNumber, type Queryable } from '../../db/Database';

/**
 * Every transaction that assigns a server_seq takes this lock first, so sequence order
 * equals commit order and a puller never skips a row committed late (docs/sync.md, "the
 * sequence-gap trap"). Transaction-scoped: released at COMMIT or ROLLBACK.
 */
export const SYNC_WRITE_LOCK = 7_431_001;

export async function lockSyncWrites(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SYNC_WRITE_LOCK]);
}

export interface StoredRecord {
  collection: Collection;
  id: string;
  territoryId: string;
  ownerId: string | null;
  version: number;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

interface Row {
  collection: Collection;
  id: string;
  territory_id: string;
  owner_id: string | null;
  version: number;
  server_seq: unknown;
  deleted_at: Date | null;
  data: Record<string, unknown>;
}

export async function getRecord(tx: Queryable, collection: Collection, id: string): Promise<StoredRecord | undefined> {
  const { rows } = await tx.query<Row>(
    'SELECT collection, id, territory_id, owner_id, version, server_seq, deleted_at, data FROM record WHERE collection = $1 AND id = $2',
    [collection, id],
  );
  const r = rows[0];
  return r && {
    collection: r.collection, id: r.id, territoryId: r.territory_id, ownerId: r.owner_id, version: r.version,
    seq: toNumber(r.server_seq), deleted: r.deleted_at !== null, data: r.data,
  };
}

export interface NewRecord {
  collection: Collection;
  id: string;
  territoryId: string;
  ownerId?: string;
  clientId?: string;
  mutationId?: number;
  data: unknown;
  now: Date;
}

/**
 * Inserts at version 1 with a fresh seq. `ON CONFLICT DO NOTHING` is the second guard
 * behind the mutation id: a visit log's device UUID can never be stored twice. Returns
 * whether a row was written. The caller holds the sync write lock.
 */
export async function insertRecord(tx: Queryable, r: NewRecord): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO record (collection, id, territory_id, owner_id, client_id, mutation_id, version, server_seq, created_at, updated_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, 1, nextval('sync_seq'), $7, $7, $8::jsonb)
     ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
    [r.collection, r.id, r.territoryId, r.ownerId ?? null, r.clientId ?? null, r.mutationId ?? null, r.now, JSON.stringify(r.data)],
  );
  return rows.length === 1;
}

/** Replaces the body: version + 1, new seq. The caller holds the sync write lock. */
export async function replaceRecord(tx: Queryable, collection: Collection, id: string, data: unknown, now: Date): Promise<void> {
  await tx.query(
    `UPDATE record SET data = $3::jsonb, version = version + 1, server_seq = nextval('sync_seq'), updated_at = $4
      WHERE collection = $1 AND id = $2`,
    [collection, id, JSON.stringify(data), now],
  );
}

/** A deletion is a tombstone: the row stays (so pullers learn of it), version + 1, new seq. */
export async function tombstoneRecord(tx: Queryable, collection: Collection, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE record SET deleted_at = $3, version = version + 1, server_seq = nextval('sync_seq'), updated_at = $3
      WHERE collection = $1 AND id = $2`,
    [collection, id, now],
  );
}
