import type { Change, PullResponse } from '../../shared/sync/protocol';
import { DIRECTORY_COLLECTIONS, type Collection } from '../../shared/sync/collections';
import { toNumber, type Database } from '../db/Database';
import type { PullCursor } from './pullCursor';
import { encodeCursor } from './pullCursor';
import { scopeKey, type PullScope } from './PullScope';

export interface PullRequest {
  scope: PullScope;
  cursor?: PullCursor;
  limit: number;
  /** The caller's device, for lastMutationId; absent for public pulls. */
  clientId?: string;
  /** Own device records created after this instant (aidant scope). */
  ownSince: Date;
}

interface Row {
  collection: Collection;
  id: string;
  version: number;
  server_seq: unknown;
  deleted: boolean;
  data: unknown;
}

function scopeSql(scope: PullScope, params: unknown[], ownSince: Date): string {
  params.push(scope.territoryId);
  const territory = `territory_id = $${params.length}`;
  if (scope.kind === 'territory') return territory;
  params.push([...DIRECTORY_COLLECTIONS]);
  const directory = `collection = ANY($${params.length}::text[])`;
  if (scope.kind === 'public') return `${territory} AND ${directory}`;
  params.push(scope.userId, ownSince);
  return `${territory} AND (${directory} OR (owner_id = $${params.length - 1} AND created_at >= $${params.length}))`;
}

/**
 * One page of changes after the cursor, in server_seq order, in one REPEATABLE READ
 * snapshot with the tombstone horizon and the client's lastMutationId, so that a client
 * never drops an outbox entry whose effect is not yet in the pages it has (I4, I9, I10).
 */
export async function pullChanges(db: Database, req: PullRequest): Promise<PullResponse> {
  const key = scopeKey(req.scope);
  return db.transaction(async (tx) => {
    const after = req.cursor?.seq ?? 0;
    if (req.cursor) {
      if (req.cursor.scopeKey !== key) return { reset: true as const };
      const horizon = await tx.query<{ seq: unknown }>('SELECT seq FROM tombstone_horizon WHERE id = 1');
      if (after < toNumber(horizon.rows[0]?.seq ?? 0)) return { reset: true as const };
    }
    const params: unknown[] = [after, req.limit + 1];
    const where = scopeSql(req.scope, params, req.ownSince);
    // Public devices never receive a place's `internal` field (staff notes, direct lines).
    // An aidant's tablet never receives a visit's note back in clear: it keeps its own
    // copy sealed under the author's PIN (the replica rests on the tablet's disk).
    const data = req.scope.kind === 'public' ? `CASE WHEN collection = 'place' THEN data - 'internal' ELSE data END`
      : req.scope.kind === 'aidant' ? `CASE WHEN collection = 'visit' THEN data - 'notes' ELSE data END` : 'data';
    const { rows } = await tx.query<Row>(
      `SELECT collection, id, version, server_seq, deleted_at IS NOT NULL AS deleted, ${data} AS data
         FROM record WHERE server_seq > $1 AND ${where} ORDER BY server_seq LIMIT $2`,
      params,
    );
    const page = rows.slice(0, req.limit);
    const changes: Change[] = page.map((r) =>
      r.deleted
        ? { collection: r.collection, op: 'delete', id: r.id, version: r.version, seq: toNumber(r.server_seq) }
        : { collection: r.collection, op: 'put', id: r.id, version: r.version, seq: toNumber(r.server_seq), record: r.data },
    );
    let lastMutationId: number | null = null;
    if (req.clientId) {
      const c = await tx.query<{ last_mutation_id: unknown }>('SELECT last_mutation_id FROM sync_client WHERE client_id = $1', [req.clientId]);
      lastMutationId = c.rows[0] ? toNumber(c.rows[0].last_mutation_id) : 0;
    }
    const lastSeq = changes.length ? changes[changes.length - 1]!.seq : after;
    return { changes, cursor: encodeCursor({ scopeKey: key, seq: lastSeq }), hasMore: rows.length > req.limit, lastMutationId };
  }, { isolation: 'repeatable read' });
}
