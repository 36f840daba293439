import type { Database } from '../../db/Database';
import { directoryPart, type DirectoryPart } from './DirectoryPart';
import { stampOf } from './directoryStamp';
import { EncodedPage } from './EncodedPage';
import { directoryRows, earlyOutcome, ownRowsSql, pageSql } from './pageSql';
import type { PageSqlRow } from './PageSqlRow';
import { mergeRows, toPageRows, type PageRows } from './PageRows';
import { encodePage, pageTail } from './pageText';
import type { PullCaches } from './PullCaches';
import type { PullOutcome, PullRequest } from './PullRequest';

/**
 * An aidant's page: the directory's rows come from the cache shared by every aidant of
 * the territory (read once per directory state), only the device's own rows and its
 * lastMutationId are read for it, with the stamp in the same statement. The top
 * `limit + 1` of a union is within the top `limit + 1` of each part, so the page is the
 * merge of both; own rows past the cached part's last seq cannot reach it and are not read.
 */
export async function readAidantPage(db: Database, req: PullRequest, caches: PullCaches, key: string, after: number): Promise<PullOutcome> {
  const partKey = `${req.scope.territoryId}:${after}:${req.limit}`;
  const known = caches.directoryParts.peek(partKey);
  const full = known && known.value.seqs.length > req.limit;
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  // Primary-key reads and the range of ownRowsSql: one plan whatever the values, prepared.
  const { rows } = await db.query<PageSqlRow>(pageSql(req, params, ownRowsSql(req, params, full ? known.value.seqs.at(-1) : undefined), { stamp: true, planEachTime: false }), params, { pagesUnchanged: true });
  const head = rows[0]!;
  const early = earlyOutcome(req, head, after);
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
  const { rows: found } = await db.query<PageSqlRow>(pageSql(req, again, both, { stamp: true, dirColumn: true }), again, { pagesUnchanged: true });
  const first = found[0]!;
  const late = earlyOutcome(req, first, after);
  if (late) return late;
  const rowsOf = (dir: boolean) => toPageRows(first.id === null ? [] : found.filter((r) => r.dir === dir));
  const directory = directoryPart(rowsOf(true), req.limit);
  caches.directoryParts.set(partKey, stampOf(first), directory);
  return { kind: 'page', page: aidantPage(req, key, after, directory, rowsOf(false), first) };
}

/** The directory rows of an aidant page alone, with their stamp, kept for every aidant. */
async function readDirectoryPart(db: Database, req: PullRequest, after: number, partKey: string, caches: PullCaches): Promise<{ stamp: string; part: DirectoryPart }> {
  const params: unknown[] = [after, req.limit + 1, req.scope.territoryId];
  const { rows } = await db.query<PageSqlRow>(pageSql({ ...req, clientId: undefined, checkTerritory: false }, params, directoryRows, { stamp: true }), params, { pagesUnchanged: true });
  const head = rows[0]!;
  const part = directoryPart(toPageRows(head.id === null ? [] : rows), req.limit);
  caches.directoryParts.set(partKey, stampOf(head), part);
  return { stamp: stampOf(head), part };
}

/** Without own rows among the directory's, the page is the shared prefix and its tail. */
function aidantPage(req: PullRequest, key: string, after: number, part: DirectoryPart, own: PageRows, head: PageSqlRow): EncodedPage {
  if (own.seqs.length === 0 || (part.seqs.length > req.limit && own.seqs[0]! > part.seqs[req.limit - 1]!)) {
    return new EncodedPage(pageTail(req, key, after, part, head), part.prefix);
  }
  return encodePage(req, key, after, mergeRows(part, own, req.limit + 1), head);
}
