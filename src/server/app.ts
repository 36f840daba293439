import { Hono } from 'hono';
import { LoginRateLimiter } from './auth/LoginRateLimiter';
import { SessionCache } from './auth/SessionCache';
import type { ServerConfig } from './config';
import type { Database } from './db/Database';
import { adminRoutes } from './http/adminRoutes';
import { ApiFailure } from './http/ApiFailure';
import { requestTerritory, type AppContext } from './http/AppContext';
import { authRoutes } from './http/authRoutes';
import { compression } from './http/compression';
import { errorResponse } from './http/errorResponse';
import { metaRoutes } from './http/metaRoutes';
import { securityHeaders } from './http/securityHeaders';
import { syncRoutes } from './http/syncRoutes';
import { serveStatic } from './static';
import { TerritoryNames } from './territoryPages';
import type { PushHooks } from './sync/push/applyPush';
import { NoteCipher, parseNotesKey } from './sync/store/NoteCipher';
import { randomBytes } from 'node:crypto';
import { noteRoutes } from './http/noteRoutes';
import { importRoutes } from './http/importRoutes';

export interface AppDeps {
  db: Database;
  config: ServerConfig;
  /** Injected clock (token expiry, aidant history window, audit times). */
  now?: () => Date;
  /** Test-only hooks into the push transaction; see PushHooks. */
  hooks?: PushHooks;
  /** Shared login limiter; one per app by default. */
  limiter?: LoginRateLimiter;
  /**
   * The notes cipher (main.ts: notesKeys.ts). Absent: ESCALE_NOTES_KEY of `config`, else
   * a key of this process only (tests; a note sealed under it dies with the process).
   */
  notes?: NoteCipher;
}

/**
 * The whole HTTP surface, without a port: `app.fetch` serves in-process (tests, other
 * engineers' client sync tests), and main.ts binds it to a socket.
 */
export function createApp(deps: AppDeps): Hono {
  const ctx: AppContext = {
    db: deps.db,
    config: deps.config,
    now: deps.now ?? (() => new Date()),
    limiter: deps.limiter ?? new LoginRateLimiter(),
    sessions: new SessionCache(),
    hooks: deps.hooks ?? {},
    notes: deps.notes ?? new NoteCipher(deps.config.notesKey ? parseNotesKey(deps.config.notesKey)! : randomBytes(32)),
  };
  const app = new Hono();
  app.use('*', securityHeaders(deps.config.tileUrl));
  // After the security headers in the chain, so they land on the compressed answer too.
  app.use('*', compression());
  app.onError(errorResponse);
  app.route('/api', metaRoutes(ctx));
  app.route('/api/auth', authRoutes(ctx));
  app.route('/api/admin', adminRoutes(ctx));
  app.route('/api/sync', syncRoutes(ctx));
  app.route('/api/notes', noteRoutes(ctx));
  app.route('/api/import', importRoutes(ctx));
  app.all('/api/*', () => {
    throw new ApiFailure('not_found', 'Adresse d’API inconnue.');
  });
  // The entry points name the territory of the address (territoryPages.ts).
  const names = new TerritoryNames(deps.db);
  app.on(['GET', 'HEAD'], '*', async (c) => {
    const res = await serveStatic(c, deps.config.distDir, () => names.get(requestTerritory(ctx, c)));
    if (!res) throw new ApiFailure('not_found', 'Page introuvable.');
    return res;
  });
  app.notFound((c) => errorResponse(new ApiFailure('not_found', 'Page introuvable.'), c));
  return app;
}
