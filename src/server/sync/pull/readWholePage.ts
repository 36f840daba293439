import type { Database } from '../../db/Database';
import type { EncodedPage } from './EncodedPage';
import { stampOf } from './directoryStamp';
import { directoryRows, earlyOutcome, ownRowsSql, pageSql, territoryRows, type EarlyOutcome } from './pageSql';
import type { PageSqlRow } from './PageSqlRow';
import { toPageRows } from './PageRows';
import { encodePage } from './pageText';
import type { PullRequest } from './PullRequest';

/**
 * The page read whole in one statement: each part of the scope through an index in seq
 * order, so the scan stops at the LIMIT (an OR of both conditions made PostgreSQL step
 * over every other aidant's visit log after the cursor).
 */
export async function readWholePage(
  db: Database, req: PullRequest, key: string, after: number, stamped: boolean,
): Promise<EarlyOutcome | { kind: 'page'; page: EncodedPage; stamp: string }> {
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  const rows = req.scope.kind === 'territory' ? `${territoryRows} ORDER BY server_seq LIMIT $2`
    : req.scope.kind === 'public' ? directoryRows
    : `SELECT * FROM ((${directoryRows}) UNION ALL (${ownRowsSql(req, params)})) AS scoped ORDER BY server_seq LIMIT $2`;
  const { rows: found } = await db.query<PageSqlRow>(pageSql(req, params, rows, { stamp: stamped }), params, { pagesUnchanged: true });
  const head = found[0]!;
  const early = earlyOutcome(req, head, after);
  if (early) return early;
  return { kind: 'page', page: encodePage(req, key, after, toPageRows(head.id === null ? [] : found), head), stamp: stampOf(head) };
}
