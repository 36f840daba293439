import { Hono } from 'hono';
import * as z from 'zod/mini';
import { territoryIdSchema } from '../../shared/domain/common';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_BYTES, pushRequestSchema } from '../../shared/sync/protocol';
import { PullCaches } from '../sync/pull/PullCaches';
import { pullChanges } from '../sync/pull/pullChanges';
import { decodeCursor } from '../sync/pull/pullCursor';
import { scopeOf } from '../sync/pull/PullScope';
import { applyPush } from '../sync/push/applyPush';
import { PushBatcher } from '../sync/push/PushBatcher';
import { ensureNoteKey } from '../sync/push/noteKey';
import { ApiFailure } from './ApiFailure';
import { pickEncoding } from './compression';
import { optionalUser, requestTerritory, requireUser, servesByHost, type AppContext } from './AppContext';
import { readJsonBody } from './readJsonBody';

export function syncRoutes(app: AppContext): Hono {
  const r = new Hono();
  // Concurrent pushes share one transaction (group commit); a test hook inside the
  // transaction needs each push alone.
  const batcher = app.hooks.beforeCommit ? undefined : new PushBatcher(app.db, app.notes);

  r.post('/push', async (c) => {
    const user = await requireUser(app, c);
    const push = await readJsonBody(c, pushRequestSchema, { limit: MAX_PUSH_BYTES, checkText: false });
    // The outbox of one device is pushed only with that device's own session.
    if (push.clientId !== user.clientId) throw new ApiFailure('client_mismatch', 'Cet envoi ne vient pas de l’appareil de cette session.');
    const outcome = batcher
      ? await batcher.apply(user, push, app.now())
      : await applyPush(app.db, user, push, app.now(), app.notes, app.hooks);
    if (outcome.kind === 'revoked') throw new ApiFailure('device_revoked', 'Cet appareil a été révoqué par un administrateur.');
    if (outcome.kind === 'gap') {
      return c.json({
        code: 'mutation_gap',
        message: `Des modifications manquent avant la n° ${outcome.expected + 1} : renvoyez à partir de la n° ${outcome.expected}.`,
        expected: outcome.expected,
        details: outcome.body,
      }, 409);
    }
    return c.json(outcome.body);
  });

  /**
   * The server's public key for sealing visit notes (public: it only seals), and the
   * waiting changes of a shared tablet: `sealedMutations: 1` says this server opens them.
   */
  r.get('/note-key', async (c) => c.json({ ...(await ensureNoteKey(app.db, app.notes)), sealedMutations: 1 }));

  // "Last seen" and the reported outbox count are written at most once a minute per
  // device by this process (the SQL keeps the same rule across instances): a caught-up
  // poll then costs one statement after authentication instead of three.
  const seenWritten = new Map<string, number>();
  const caches = new PullCaches(app.db, app.config.pullCacheMb);
  const pendingWritten = new Map<string, { count: number; at: number }>();

  r.get('/pull', async (c) => {
    const user = await optionalUser(app, c);
    const q = c.req.query();
    let territory = user?.territoryId;
    if (!user) {
      // Several territories by address: the address's, which `territory` may repeat only.
      const byHost = servesByHost(app);
      const t = z.safeParse(territoryIdSchema, q.territory ?? (byHost ? requestTerritory(app, c) : ''));
      if (!t.success) throw new ApiFailure('invalid_query', 'Paramètre « territory » manquant ou invalide.');
      if (byHost && t.data !== requestTerritory(app, c)) throw new ApiFailure('unknown_territory', 'Territoire inconnu à cette adresse.');
      territory = t.data;
    }
    let limit = DEFAULT_PULL_LIMIT;
    if (q.limit !== undefined) {
      limit = Number(q.limit);
      if (!/^\d{1,6}$/.test(q.limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
        throw new ApiFailure('invalid_query', `Paramètre « limit » invalide (de 1 à ${MAX_PULL_LIMIT}).`);
      }
    }
    let cursor;
    if (q.cursor !== undefined && q.cursor !== '') {
      cursor = decodeCursor(q.cursor);
      if (!cursor) throw new ApiFailure('invalid_query', 'Paramètre « cursor » invalide.');
    }
    const now = app.now();
    const outcome = await pullChanges(app.db, {
      scope: scopeOf(user, territory!),
      cursor,
      limit,
      clientId: user?.clientId,
      ownSince: new Date(now.getTime() - app.config.aidantHistoryDays * 86_400_000),
      // The territory of a public pull is checked in the same statement as the page.
      checkTerritory: !user,
      caches,
    });
    if (outcome.kind === 'unknown_territory') throw new ApiFailure('unknown_territory', 'Territoire inconnu.');
    if (user) {
      const at = now.getTime();
      const seen = seenWritten.get(user.clientId);
      if (seen === undefined || at - seen >= 60_000 || at < seen) {
        // Cheap "last seen" for the devices screen: at most one write per device per minute.
        await app.db.query(
          `UPDATE sync_client SET last_seen = $2 WHERE client_id = $1 AND (last_seen IS NULL OR last_seen < $2::timestamptz - interval '1 minute')`,
          [user.clientId, now],
          { pagesUnchanged: true },
        );
        remember(seenWritten, user.clientId, at);
      }
      // What the device still holds (its outbox), as it says: shown to the office only.
      const pending = c.req.header('x-escale-pending');
      if (pending !== undefined && /^\d{1,7}$/.test(pending)) {
        const count = Number(pending);
        const last = pendingWritten.get(user.clientId);
        if (!last || last.count !== count || at - last.at >= 60_000 || at < last.at) {
          await app.db.query(
            'UPDATE sync_client SET pending_count = $2, pending_reported_at = $3 WHERE client_id = $1 AND pending_count IS DISTINCT FROM $2',
            [user.clientId, count, now],
            { pagesUnchanged: true },
          );
          remember(pendingWritten, user.clientId, { count, at });
        }
      }
    }
    if (outcome.kind === 'reset') return c.json({ reset: true });
    const { page } = outcome;
    const encoding = page.bytes >= 1024 ? pickEncoding(c.req.header('accept-encoding'), outcome.kept ? 'br' : 'gzip') : undefined;
    if (!encoding) return c.body(page.utf8, 200, { 'Content-Type': 'application/json' });
    // Compressed here, once per page kept in the cache (the middleware skips encoded answers).
    const body = await page.encoded(encoding);
    return c.body(body, 200, {
      'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': String(body.byteLength), Vary: 'Accept-Encoding',
    });
  });

  return r;
}

/** Bounded memo: forgets everything past 10,000 devices rather than growing forever. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= 10_000 && !map.has(key)) map.clear();
  map.set(key, value);
}
