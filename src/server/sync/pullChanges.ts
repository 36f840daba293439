import { DIRECTORY_COLLECTIONS, type Collection } from '../../shared/sync/collections';
import { PLAN_EACH_TIME, toNumber, type Database } from '../db/Database';
import type { PullCaches } from './PullCaches';
import { EncodedPage } from './PageCache';
import { PagePrefix } from './PagePrefix';
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
  /** Pages and directory rows already read, shared by every device (see PullCaches). */
  caches?: PullCaches;
}

/**
 * What a pull answers. A page is already encoded as JSON text (the PullResponse of
 * shared/sync/protocol.ts): record bodies are spliced in as the database prints them,
 * never parsed and re-serialised by Node.
 */
export type PullOutcome =
  /** `kept`: the page is shared with other devices (PullCaches), so worth compressing well once. */
  | { kind: 'page'; page: EncodedPage; kept?: boolean }
  | { kind: 'reset' }
  | { kind: 'unknown_territory' };

interface Row {
  horizon: unknown;
  max_seq: unknown;
  last_mutation_id: unknown;
  territory_known: boolean;
  /** Statement of a directory-part read: true for the directory's rows, false for own rows. */
  dir?: boolean | null;
  collection: Collection | null;
  id: string | null;
  version: number | null;
  server_seq: unknown;
  deleted: boolean | null;
  data: string | null;
}

/** Rows of a page as JSON texts (one change each) with their seqs, in seq order. */
export interface PageRows {
  parts: string[];
  seqs: number[];
}

/**
 * The first `limit + 1` directory rows after a cursor, read once for every aidant of the
 * territory (their full records; public devices get theirs as whole pages), with the
 * page text they start when the aidant has no own row among them (`prefix`, compressed
 * once for all). `bytes` sizes it for the cache: rows and prefix.
 */
export interface DirectoryPart extends PageRows {
  bytes: number;
  prefix: PagePrefix;
}

function directoryPart(rows: PageRows, limit: number): DirectoryPart {
  const count = Math.min(rows.seqs.length, limit);
  const prefix = new PagePrefix(pageHead(count === rows.parts.length ? rows.parts : rows.parts.slice(0, count)));
  return { ...rows, prefix, bytes: rows.parts.reduce((n, p) => n + p.length, 0) + prefix.bytes };
}

/**
 * The directory condition written out, so the planner can use the partial index
 * record_directory_seq (migration 004), which a `= ANY($n)` parameter never matches.
 * The names are constants of the code, never input.
 */
const DIRECTORY_SQL = `collection IN (${DIRECTORY_COLLECTIONS.map((c) => `'${c}'`).join(', ')})`;
const COLS = 'collection, id, version, server_seq, deleted_at, data';

/**
 * The directory state of a territory, for the caches (PageCache): its highest directory
 * seq, kept by a trigger in directory_stamp (migration 005: one primary-key read, whatever
 * the plan), and the tombstone horizon. Visit logs pushed all day do not change it, so
 * pages stay valid while the directory does. `t` is the territory's parameter.
 */
const directoryStamp = (t: string) => `(SELECT max_seq FROM directory_stamp WHERE territory_id = ${t})`;
const stampOf = (r: { max_seq: unknown; horizon: unknown }) => `${String(r.max_seq ?? 0)}:${String(r.horizon ?? 0)}`;

/** The stamp alone: what a cache hit costs (PullCaches shares it between callers). */
export async function readDirectoryStamp(db: Database, territoryId: string): Promise<string> {
  const { rows } = await db.query<{ max_seq: unknown; horizon: unknown }>(
    `SELECT ${directoryStamp('$1')} AS max_seq, (SELECT seq FROM tombstone_horizon WHERE id = 1) AS horizon`,
    [territoryId],
  );
  return stampOf(rows[0]!);
}

const TERRITORY_EXISTS = "EXISTS (SELECT 1 FROM record WHERE collection = 'territory' AND id = $3 AND deleted_at IS NULL)";

/**
 * One page of changes after the cursor, in server_seq order. Every database read is ONE
 * statement holding the page (or the rows it lacks), the tombstone horizon, the client's
 * lastMutationId and the directory stamp: a single statement sees a single snapshot (even
 * under READ COMMITTED), so they agree as they did in the REPEATABLE READ transaction this
 * replaces, and a client never drops an outbox entry whose effect is not yet in the pages
 * it has (I4, I9, I10). Rows taken from a cache were read in a snapshot with the same
 * directory stamp, so they are the rows of this one.
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
  const caches = req.caches;
  if (caches && req.scope.kind === 'public') {
    const cacheKey = `${key}:${after}:${req.limit}`;
    const hit = caches.publicPages.get(cacheKey, await caches.stamp(req.scope.territoryId));
    if (hit) return { kind: 'page', page: hit, kept: true };
    const outcome = await readWholePage(db, req, key, after, true);
    if (outcome.kind !== 'page') return outcome;
    caches.publicPages.set(cacheKey, outcome.stamp, outcome.page);
    return { kind: 'page', page: outcome.page, kept: true };
  }
  if (caches && req.scope.kind === 'aidant') return readAidantPage(db, req, caches, key, after);
  const outcome = await readWholePage(db, req, key, after, false);
  return outcome.kind === 'page' ? { kind: 'page', page: outcome.page } : outcome;
}

/** Public devices never receive a place's `internal` field (staff notes, direct lines).
 * An aidant's tablet never receives a visit's note back in clear: it keeps its own copy
 * sealed under the author's PIN (the replica rests on the tablet's disk). */
function dataSql(scope: PullScope): string {
  return scope.kind === 'public' ? `CASE WHEN p.collection = 'place' THEN p.data - 'internal' ELSE p.data END`
    : scope.kind === 'aidant' ? `CASE WHEN p.collection = 'visit' THEN p.data - 'notes' ELSE p.data END` : 'p.data';
}

/**
 * The SELECT list around a LATERAL of rows `p`: horizon, stamp, lastMutationId, territory
 * check, then each row. The bodies are edited and printed (jsonb → text) only for the rows
 * of the page, above the LIMIT: in the same query level PostgreSQL may compute them for
 * every row after the cursor before sorting (it did without table statistics, 5× slower
 * at cursor 0). $3 is always the territory. `stamp`: read the directory stamp too (for
 * the caches); `dirColumn`: the rows carry a `dir` column; `planEachTime`: see
 * PLAN_EACH_TIME (false only for a statement whose plan cannot depend on its values).
 */
interface PageSqlOptions {
  stamp: boolean;
  dirColumn?: boolean;
  planEachTime?: boolean;
}

function pageSql(req: PullRequest, params: unknown[], rowsSql: string, { stamp, dirColumn = false, planEachTime = true }: PageSqlOptions): string {
  let lastMutation = 'NULL::bigint';
  if (req.clientId) {
    params.push(req.clientId);
    lastMutation = `COALESCE((SELECT last_mutation_id FROM sync_client WHERE client_id = $${params.length}), 0)`;
  }
  return `${planEachTime ? PLAN_EACH_TIME : ''}SELECT h.seq AS horizon, ${stamp ? directoryStamp('$3') : 'NULL'} AS max_seq,
            ${lastMutation} AS last_mutation_id,
            ${req.checkTerritory ? TERRITORY_EXISTS : 'true'} AS territory_known,${dirColumn ? ' p.dir,' : ''}
            p.collection, p.id, p.version, p.server_seq, p.deleted_at IS NOT NULL AS deleted,
            CASE WHEN p.deleted_at IS NULL THEN (${dataSql(req.scope)})::text END AS data
       FROM tombstone_horizon h
       LEFT JOIN LATERAL (${rowsSql}) p ON true
      WHERE h.id = 1
      ORDER BY p.server_seq`;
}

/** $1 cursor, $2 limit + 1, $3 territory. */
const territoryRows = `SELECT ${COLS} FROM record WHERE server_seq > $1 AND territory_id = $3`;
const directoryRows = `${territoryRows} AND ${DIRECTORY_SQL} ORDER BY server_seq LIMIT $2`;

/**
 * The aidant's own device records (visit logs…) after the cursor, below `bound` if any.
 * Written as a range over (owner_id, server_seq) in that index's order, so the only
 * plan is a range scan of record_owner_seq whatever the values: this statement is
 * prepared and its plan reused (an `owner_id = $n AND server_seq > $1` could be read
 * through record_server_seq, stepping over every other aidant's visit logs).
 */
const NO_BOUND = '9223372036854775807';
function ownRowsSql(req: PullRequest, params: unknown[], bound?: number): string {
  if (req.scope.kind !== 'aidant') throw new Error('own rows belong to the aidant scope');
  const owner = params.push(req.scope.userId);
  const since = params.push(req.ownSince);
  const below = params.push(bound ?? NO_BOUND);
  return `SELECT ${COLS} FROM record
           WHERE owner_id IS NOT NULL AND (owner_id, server_seq) > ($${owner}, $1) AND (owner_id, server_seq) < ($${owner}, $${below})
             AND territory_id = $3 AND created_at >= $${since} AND NOT (${DIRECTORY_SQL})
           ORDER BY owner_id, server_seq LIMIT $2`;
}

/**
 * The page read whole in one statement: each part of the scope through an index in seq
 * order, so the scan stops at the LIMIT (an OR of both conditions made PostgreSQL step
 * over every other aidant's visit log after the cursor).
 */
async function readWholePage(db: Database, req: PullRequest, key: string, after: number, stamped: boolean) {
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  const rows = req.scope.kind === 'territory' ? `${territoryRows} ORDER BY server_seq LIMIT $2`
    : req.scope.kind === 'public' ? directoryRows
    : `SELECT * FROM ((${directoryRows}) UNION ALL (${ownRowsSql(req, params)})) AS scoped ORDER BY server_seq LIMIT $2`;
  const { rows: found } = await db.query<Row>(pageSql(req, params, rows, { stamp: stamped }), params);
  const head = found[0]!;
  const early = check(req, head, after);
  if (early) return early;
  return { kind: 'page' as const, page: encodePage(req, key, after, toPageRows(head.id === null ? [] : found), head), stamp: stampOf(head) };
}

/**
 * An aidant's page: the directory's rows come from the cache shared by every aidant of
 * the territory (read once per directory state), only the device's own rows and its
 * lastMutationId are read for it, with the stamp in the same statement. The top
 * `limit + 1` of a union is within the top `limit + 1` of each part, so the page is the
 * merge of both; own rows past the cached part's last seq cannot reach it and are not read.
 */
async function readAidantPage(db: Database, req: PullRequest, caches: PullCaches, key: string, after: number): Promise<PullOutcome> {
  const partKey = `${req.scope.territoryId}:${after}:${req.limit}`;
  const known = caches.directoryParts.peek(partKey);
  const full = known && known.value.seqs.length > req.limit;
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  // Primary-key reads and the range of ownRowsSql: one plan whatever the values, prepared.
  const { rows } = await db.query<Row>(pageSql(req, params, ownRowsSql(req, params, full ? known.value.seqs.at(-1) : undefined), { stamp: true, planEachTime: false }), params);
  const head = rows[0]!;
  const early = check(req, head, after);
  if (early) return early;
  const own = toPageRows(head.id === null ? [] : rows);
  const part = known && caches.directoryParts.get(partKey, stampOf(head));
  if (part) return { kind: 'page', page: aidantPage(req, key, after, part, own, head) };
  if (!known) {
    // Nothing kept: the own rows were read without a bound, so the directory rows of any
    // snapshot with this stamp complete the page. Aidants that miss together (a wave of
    // first syncs) share one read of them instead of reading 100 places each.
    const shared = await caches.readOnce(partKey, () => readDirectoryPart(db, req, after, partKey, caches));
    if (shared.stamp === stampOf(head)) return { kind: 'page', page: aidantPage(req, key, after, shared.part, own, head) };
  }

  // Not kept, or read in another directory state: both parts, one statement.
  const again: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  const both = `(SELECT true AS dir, * FROM (${directoryRows}) d) UNION ALL (SELECT false AS dir, * FROM (${ownRowsSql(req, again)}) o)`;
  const { rows: found } = await db.query<Row>(pageSql(req, again, both, { stamp: true, dirColumn: true }), again);
  const first = found[0]!;
  const late = check(req, first, after);
  if (late) return late;
  const rowsOf = (dir: boolean) => toPageRows(first.id === null ? [] : found.filter((r) => r.dir === dir));
  const directory = directoryPart(rowsOf(true), req.limit);
  caches.directoryParts.set(partKey, stampOf(first), directory);
  return { kind: 'page', page: aidantPage(req, key, after, directory, rowsOf(false), first) };
}

/** The directory rows of an aidant page alone, with their stamp, kept for every aidant. */
async function readDirectoryPart(db: Database, req: PullRequest, after: number, partKey: string, caches: PullCaches): Promise<{ stamp: string; part: DirectoryPart }> {
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  const { rows } = await db.query<Row>(pageSql({ ...req, clientId: undefined, checkTerritory: false }, params, directoryRows, { stamp: true }), params);
  const head = rows[0]!;
  const part = directoryPart(toPageRows(head.id === null ? [] : rows), req.limit);
  caches.directoryParts.set(partKey, stampOf(head), part);
  return { stamp: stampOf(head), part };
}

/** Without own rows among the directory's, the page is the shared prefix and its tail. */
function aidantPage(req: PullRequest, key: string, after: number, part: DirectoryPart, own: PageRows, head: Row): EncodedPage {
  if (own.seqs.length === 0 || (part.seqs.length > req.limit && own.seqs[0]! > part.seqs[req.limit - 1]!)) {
    return new EncodedPage(pageTail(req, key, after, part, head), part.prefix);
  }
  return encodePage(req, key, after, merge(part, own, req.limit + 1), head);
}

function check(req: PullRequest, head: Row | undefined, after: number): { kind: 'reset' } | { kind: 'unknown_territory' } | undefined {
  if (!head) throw new Error('tombstone_horizon has no row');
  if (!head.territory_known) return { kind: 'unknown_territory' };
  if (req.cursor && after < toNumber(head.horizon ?? 0)) return { kind: 'reset' };
  return undefined;
}

function toPageRows(rows: Row[]): PageRows {
  const parts = new Array<string>(rows.length);
  const seqs = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const seq = toNumber(r.server_seq);
    seqs[i] = seq;
    const head = `{"collection":${JSON.stringify(r.collection)},"op":"${r.deleted ? 'delete' : 'put'}","id":${JSON.stringify(r.id)},"version":${r.version},"seq":${seq}`;
    parts[i] = r.deleted ? `${head}}` : `${head},"record":${r.data}}`;
  }
  return { parts, seqs };
}

/** The first `max` rows of two seq-ordered lists, in seq order. */
function merge(a: PageRows, b: PageRows, max: number): PageRows {
  if (b.seqs.length === 0) return a.seqs.length <= max ? a : { parts: a.parts.slice(0, max), seqs: a.seqs.slice(0, max) };
  const out: PageRows = { parts: [], seqs: [] };
  let i = 0;
  let j = 0;
  while (out.seqs.length < max && (i < a.seqs.length || j < b.seqs.length)) {
    const fromA = j >= b.seqs.length || (i < a.seqs.length && a.seqs[i]! < b.seqs[j]!);
    const src = fromA ? a : b;
    const k = fromA ? i++ : j++;
    out.parts.push(src.parts[k]!);
    out.seqs.push(src.seqs[k]!);
  }
  return out;
}

/**
 * A page is `pageHead(changes) + pageTail(…)`: the head is the same for every device
 * given the same rows (see PagePrefix), the tail is the device's (cursor, lastMutationId).
 */
function pageHead(changes: string[]): string {
  return `{"changes":[${changes.join(',')}`;
}

/** `found` holds up to limit + 1 rows: the extra one only says there is more. */
function pageTail(req: PullRequest, key: string, after: number, found: PageRows, head: Row): string {
  const count = Math.min(found.seqs.length, req.limit);
  const lastSeq = count > 0 ? found.seqs[count - 1]! : after;
  const cursor = encodeCursor({ scopeKey: key, seq: lastSeq });
  return `],"cursor":${JSON.stringify(cursor)},"hasMore":${found.seqs.length > req.limit},"lastMutationId":${req.clientId ? toNumber(head.last_mutation_id ?? 0) : null}}`;
}

function encodePage(req: PullRequest, key: string, after: number, found: PageRows, head: Row): EncodedPage {
  const count = Math.min(found.seqs.length, req.limit);
  return new EncodedPage(pageHead(count === found.parts.length ? found.parts : found.parts.slice(0, count)) + pageTail(req, key, after, found, head));
}
