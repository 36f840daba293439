import { DIRECTORY_COLLECTIONS } from '../../../shared/sync/collections';
import { PLAN_EACH_TIME, toNumber } from '../../db/Database';
import { directoryStamp } from './directoryStamp';
import type { PageSqlRow } from './PageSqlRow';
import type { PullRequest } from './PullRequest';
import type { PullScope } from './PullScope';

// The SQL of a pull page: one statement holding the rows and, in the same snapshot, the
// tombstone horizon, the directory stamp, the client's lastMutationId and the territory
// check (see pullChanges.ts), and what its head row answers before any row is encoded.

/**
 * The directory condition written out, so the planner can use the partial index
 * record_directory_seq (migration 004), which a `= ANY($n)` parameter never matches.
 * The names are constants of the code, never input.
 */
const DIRECTORY_SQL = `collection IN (${DIRECTORY_COLLECTIONS.map((c) => `'${c}'`).join(', ')})`;
const COLS = 'collection, id, version, server_seq, deleted_at, data';

/** Whether the territory `$3` exists: a public pull of an unknown one is a 404. */
export const TERRITORY_EXISTS = "EXISTS (SELECT 1 FROM record WHERE collection = 'territory' AND id = $3 AND deleted_at IS NULL)";

/** Public devices never receive a place's `internal` field (staff notes, direct lines).
 * No device receives a visit's note: notes rest apart, encrypted (`visit_note`, migration
 * 006), and the office reads one at a time (GET /api/notes/:visitId); the `- 'notes'` is a
 * second guard behind that (a row of an older version not yet moved). */
function dataSql(scope: PullScope): string {
  return scope.kind === 'public' ? `CASE WHEN p.collection = 'place' THEN p.data - 'internal' ELSE p.data END`
    : `CASE WHEN p.collection = 'visit' THEN p.data - 'notes' ELSE p.data END`;
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

export function pageSql(req: PullRequest, params: unknown[], rowsSql: string, { stamp, dirColumn = false, planEachTime = true }: PageSqlOptions): string {
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
export const territoryRows = `SELECT ${COLS} FROM record WHERE server_seq > $1 AND territory_id = $3`;
export const directoryRows = `${territoryRows} AND ${DIRECTORY_SQL} ORDER BY server_seq LIMIT $2`;

/**
 * The aidant's own device records (visit logs…) after the cursor, below `bound` if any.
 * Written as a range over (owner_id, server_seq) in that index's order, so the only
 * plan is a range scan of record_owner_seq whatever the values: this statement is
 * prepared and its plan reused (an `owner_id = $n AND server_seq > $1` could be read
 * through record_server_seq, stepping over every other aidant's visit logs).
 */
const NO_BOUND = '9223372036854775807';
export function ownRowsSql(req: PullRequest, params: unknown[], bound?: number): string {
  if (req.scope.kind !== 'aidant') throw new Error('own rows belong to the aidant scope');
  const owner = params.push(req.scope.userId);
  const since = params.push(req.ownSince);
  const below = params.push(bound ?? NO_BOUND);
  return `SELECT ${COLS} FROM record
           WHERE owner_id IS NOT NULL AND (owner_id, server_seq) > ($${owner}, $1) AND (owner_id, server_seq) < ($${owner}, $${below})
             AND territory_id = $3 AND created_at >= $${since} AND NOT (${DIRECTORY_SQL})
           ORDER BY owner_id, server_seq LIMIT $2`;
}

/** What a page statement answers before its rows: an unknown territory, or a reset. */
export type EarlyOutcome = { kind: 'reset' } | { kind: 'unknown_territory' };

export function earlyOutcome(req: PullRequest, head: PageSqlRow | undefined, after: number): EarlyOutcome | undefined {
  if (!head) throw new Error('tombstone_horizon has no row');
  if (!head.territory_known) return { kind: 'unknown_territory' };
  if (req.cursor && after < toNumber(head.horizon ?? 0)) return { kind: 'reset' };
  return undefined;
}
