import type { Database } from '../../db/Database';
import { TERRITORY_EXISTS } from './pageSql';
import type { PullOutcome, PullRequest } from './PullRequest';
import { scopeKey } from './PullScope';
import { readAidantPage } from './readAidantPage';
import { readWholePage } from './readWholePage';

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
      const known = await db.query<{ territory_known: boolean }>(`SELECT ${TERRITORY_EXISTS.replace('$3', '$1')} AS territory_known`, [req.scope.territoryId], { pagesUnchanged: true });
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
  const devicePages = req.clientId ? caches?.devicePages : undefined;
  const deviceKey = `${req.clientId}:${key}:${after}:${req.limit}`;
  // Read before the page's own statement: see DevicePages.
  const snapshot = await devicePages?.snapshot();
  const hit = snapshot === undefined ? undefined : devicePages!.get(deviceKey, snapshot, req.ownSince);
  if (hit) return { kind: 'page', page: hit };
  const outcome = caches && req.scope.kind === 'aidant'
    ? await readAidantPage(db, req, caches, key, after)
    : await readWholePage(db, req, key, after, false);
  if (outcome.kind !== 'page') return outcome;
  if (snapshot !== undefined) devicePages!.set(deviceKey, snapshot, req.ownSince, outcome.page);
  return { kind: 'page', page: outcome.page };
}
