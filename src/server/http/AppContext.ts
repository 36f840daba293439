import type { Context } from 'hono';
import type { Role } from '../../shared/domain/vocabularies';
import { authenticate } from '../auth/authenticate';
import type { LoginRateLimiter } from '../auth/LoginRateLimiter';
import type { SessionCache } from '../auth/SessionCache';
import type { SessionUser } from '../auth/SessionUser';
import { territoryForHost, type ServerConfig } from '../config';
import type { Database } from '../db/Database';
import type { PushHooks } from '../sync/push/applyPush';
import type { NoteCipher } from '../sync/store/NoteCipher';
import { ApiFailure } from './ApiFailure';

/** What every route needs, passed explicitly (time is injected for tests). */
export interface AppContext {
  db: Database;
  config: ServerConfig;
  now: () => Date;
  limiter: LoginRateLimiter;
  /** Valid sessions seen lately; `forget()` after ending any session, device or account. */
  sessions: SessionCache;
  hooks: PushHooks;
  /** Seals and opens visit notes at rest (visit_note). */
  notes: NoteCipher;
}

/** The territory served at this request's address (ESCALE_TERRITORIES; else the one territory). */
export function requestTerritory(app: AppContext, c: Context): string {
  return territoryForHost(app.config, c.req.header('host'));
}

/** Several territories on this server, chosen by the address (ESCALE_TERRITORIES set). */
export function servesByHost(app: AppContext): boolean {
  return Object.keys(app.config.territoryHosts).length > 0;
}

/**
 * Refuses an account of another territory than the address's: a session opened at one
 * territory's address never reads or writes at another's, even though the data checks
 * below (the account's own territory) would already keep it to its own records.
 */
export function checkTerritory(app: AppContext, c: Context, accountTerritory: string): void {
  if (servesByHost(app) && accountTerritory !== requestTerritory(app, c)) {
    throw new ApiFailure('wrong_territory', 'Ce compte appartient à un autre territoire que celui de cette adresse.');
  }
}

/** The caller, or undefined when no Authorization header was sent. */
export async function optionalUser(app: AppContext, c: Context): Promise<SessionUser | undefined> {
  const user = await authenticate(app.db, c.req.header('authorization'), app.now(), app.sessions);
  if (user) checkTerritory(app, c, user.territoryId);
  return user;
}

export async function requireUser(app: AppContext, c: Context, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await optionalUser(app, c);
  if (!user) throw new ApiFailure('auth_required', 'Connexion requise.');
  if (roles && !roles.includes(user.role)) throw new ApiFailure('forbidden', 'Votre compte n’a pas accès à cette action.');
  return user;
}

/** The peer address from @hono/node-server; "unknown" in-process (app.request). */
/**
 * The caller's address for the login limiter. With `trustedProxies` hops in front
 * (ESCALE_TRUSTED_PROXIES), the address the outermost of them saw: each proxy appends the
 * address it received from to X-Forwarded-For, so the entry that many places from the end
 * was written by a trusted proxy, while anything before it may be the caller's invention.
 */
export function clientIp(c: Context, trustedProxies = 0): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return hops[hops.length - trustedProxies] ?? peer;
}
