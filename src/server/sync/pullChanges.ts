import { DIRECTORY_COLLECTIONS, type Collection } from '../../shared/sync/collections';
import { toNumber, type Database } from '../db/Database';
import { EncodedPage, type PageCache } from './PageCache';
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
  /** Public pulls: answer `unknown_territory` unless the scope's territory exists. */
  checkTerritory?: boolean;
  /** Public pages already read, shared by every public device (see PageCache). */
  cache?: PageCache;
}

/**
 * What a pull answers. A page is already encoded as JSON text (the PullResponse of
 * shared/sync/protocol.ts): record bodies are spliced in as the database prints them,
 * never parsed and re-serialised by Node.
 */
export type PullOutcome =
  | { kind: 'page'; page: EncodedPage }
  | { kind: 'reset' }
  | { kind: 'unknown_territory' };

interface Row {
  horizon: unknown;
  max_seq: unknown;
  last_mutation_id: unknown;
  territory_known: boolean;
  collection: Collection | null;
  id: string | null;
  version: number | null;
  server_seq: unknown;
  deleted: boolean | null;
  data: string | null;
}

/**
 * The directory condition written out, so the planner can use the partial index
 * record_directory_seq (migration 004), which a `= ANY($n)` parameter never matches.
 * The names are constants of the code, never input.
 */
const DIRECTORY_SQL = `collection IN (${DIRECTORY_COLLECTIONS.map((c) => `'${c}'`).join(', ')})`;

/**
 * The rows of the scope after the cursor, in server_seq order, at most $2: each part read
 * through an index in seq order, so the scan stops at the LIMIT (an OR of both conditions
 * made PostgreSQL step over every other aidant's visit log after the cursor).
 */
function scopeRowsSql(scope: PullScope, params: unknown[], ownSince: Date): string {
  params.push(scope.territoryId);
  const cols = 'collection, id, version, server_seq, deleted_at, data';
  const territory = `server_seq > $1 AND territory_id = $${params.length}`;
  if (scope.kind === 'territory') return `SELECT ${cols} FROM record WHERE ${territory} ORDER BY server_seq LIMIT $2`;
  const directory = `SELECT ${cols} FROM record WHERE ${territory} AND ${DIRECTORY_SQL} ORDER BY server_seq LIMIT $2`;
  if (scope.kind === 'public') return directory;
  params.push(scope.userId, ownSince);
  const own = `SELECT ${cols} FROM record WHERE owner_id = $${params.length - 1} AND ${territory} AND created_at >= $${params.length}
                 AND NOT (${DIRECTORY_SQL}) ORDER BY server_seq LIMIT $2`;
  return `SELECT * FROM ((${directory}) UNION ALL (${own})) AS scoped ORDER BY server_seq LIMIT $2`;
}

/** The database state a public page is read in (PageCache). */
const STAMP = '(SELECT max(server_seq) FROM record) AS max_seq';
const stampOf = (r: { max_seq: unknown; horizon: unknown }) => `${String(r.max_seq ?? 0)}:${String(r.horizon ?? 0)}`;

const TERRITORY_EXISTS = "EXISTS (SELECT 1 FROM record WHERE collection = 'territory' AND id = $3 AND deleted_at IS NULL)";

/**
 * One page of changes after the cursor, in server_seq order, read in ONE statement with
 * the tombstone horizon and the client's lastMutationId. A single statement sees a single
 * snapshot (even under READ COMMITTED), so the page, the horizon and lastMutationId agree
 * as they did in the REPEATABLE READ transaction this replaces, and a client never drops
 * an outbox entry whose effect is not yet in the pages it has (I4, I9, I10). One round
 * trip instead of five (BEGIN, horizon, page, client, COMMIT): on PGlite's single
 * connection every round trip queues behind every other request's.
 */
export async function pullChanges(db: Database, req: PullRequest): Promise<PullOutcome> {
  const key = scopeKey(req.scope);
  const after = req.cursor?.seq ?? 0;
  if (req.cursor && req.cursor.scopeKey !== key) {
    if (req.checkTerritory) {
      const known = await db.query<{ territory_known: boolean }>(`SELECT ${TERRITORY_EXISTS.replace('$3', '$1')} AS territory_known`, [req.scope.territoryId]);
      if (!known.rows[0]?.territory_known) return { kind: 'unknown_territory' };
    }
    return { kind: 'reset' };
  }
  const cache = req.scope.kind === 'public' ? req.cache : undefined;
  const cacheKey = `${key}:${after}:${req.limit}`;
  if (cache) {
    const { rows } = await db.query<{ max_seq: unknown; horizon: unknown }>(`SELECT ${STAMP}, (SELECT seq FROM tombstone_horizon WHERE id = 1) AS horizon`);
    const hit = cache.get(cacheKey, stampOf(rows[0]!));
    if (hit) return { kind: 'page', page: hit };
  }
  // $3 is the territory in every scope (scopeRowsSql pushes it first).
  const params: unknown[] = [after, req.limit + 1];
  const scoped = scopeRowsSql(req.scope, params, req.ownSince);
  let lastMutation = 'NULL::bigint';
  if (req.clientId) {
    params.push(req.clientId);
    lastMutation = `COALESCE((SELECT last_mutation_id FROM sync_client WHERE client_id = $${params.length}), 0)`;
  }
  // Public devices never receive a place's `internal` field (staff notes, direct lines).
  // An aidant's tablet never receives a visit's note back in clear: it keeps its own
  // copy sealed under the author's PIN (the replica rests on the tablet's disk).
  const data = req.scope.kind === 'public' ? `CASE WHEN p.collection = 'place' THEN p.data - 'internal' ELSE p.data END`
    : req.scope.kind === 'aidant' ? `CASE WHEN p.collection = 'visit' THEN p.data - 'notes' ELSE p.data END` : 'p.data';
  // The bodies are edited and printed (jsonb → text) only for the rows of the page, above
  // the LIMIT: in the same query level PostgreSQL may compute them for every row after
  // the cursor before sorting (it did without table statistics, 5× slower at cursor 0).
  const { rows } = await db.query<Row>(
    `SELECT h.seq AS horizon, ${cache ? STAMP : 'NULL AS max_seq'}, ${lastMutation} AS last_mutation_id,
            ${req.checkTerritory ? TERRITORY_EXISTS : 'true'} AS territory_known,
            p.collection, p.id, p.version, p.server_seq, p.deleted_at IS NOT NULL AS deleted,
            CASE WHEN p.deleted_at IS NULL THEN (${data})::text END AS data
       FROM tombstone_horizon h
       LEFT JOIN LATERAL (${scoped}) p ON true
      WHERE h.id = 1
      ORDER BY p.server_seq`,
    params,
  );
  const head = rows[0];
  if (!head) throw new Error('tombstone_horizon has no row');
  if (!head.territory_known) return { kind: 'unknown_territory' };
  if (req.cursor && after < toNumber(head.horizon ?? 0)) return { kind: 'reset' };
  const found = head.id === null ? [] : rows;
  const count = Math.min(found.length, req.limit);
  const parts: string[] = new Array<string>(count);
  let lastSeq = after;
  for (let i = 0; i < count; i++) {
    const r = found[i]!;
    const seq = toNumber(r.server_seq);
    lastSeq = seq;
    const headJson = `{"collection":${JSON.stringify(r.collection)},"op":"${r.deleted ? 'delete' : 'put'}","id":${JSON.stringify(r.id)},"version":${r.version},"seq":${seq}`;
    parts[i] = r.deleted ? `${headJson}}` : `${headJson},"record":${r.data}}`;
  }
  const lastMutationId = req.clientId ? toNumber(head.last_mutation_id ?? 0) : null;
  const cursor = encodeCursor({ scopeKey: key, seq: lastSeq });
  const json = `{"changes":[${parts.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${found.length > req.limit},"lastMutationId":${lastMutationId}}`;
  const page = new EncodedPage(json);
  cache?.set(cacheKey, stampOf(head), page);
  return { kind: 'page', page };
}
