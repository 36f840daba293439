import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { TerritorySeed } from '../../../src/shared/domain/territorySeed';
import type { User } from '../../../src/shared/domain/user';
import type { Role } from '../../../src/shared/domain/vocabularies';
import { createApp } from '../../../src/server/app';
import { ACCOUNT_COLUMNS, toUser, type AccountRow } from '../../../src/server/auth/accounts';
import { hashPassword } from '../../../src/server/auth/password';
import { hashToken, newSessionToken } from '../../../src/server/auth/sessionToken';
import { defaultConfig, type ServerConfig } from '../../../src/server/config';
import type { Database } from '../../../src/server/db/Database';
import { migrate } from '../../../src/server/db/migrate';
import { seedTerritory } from '../../../src/server/seed/seedTerritory';
import type { PushHooks } from '../../../src/server/sync/push/applyPush';
import { pgliteBackend, type Backend } from './backends';
import { makeSeed, TEST_TERRITORY } from './fixtures';

/** Password of every account made by `createAccount` (for tests that log in for real). */
export const TEST_PASSWORD = 'mot-de-passe-de-test';

export interface TestAccount {
  user: User;
  /** Bearer token of a session bound to `clientId`. */
  token: string;
  /** The device (sync client) id the session is bound to. */
  clientId: string;
  password: string;
  /** `{ authorization: 'Bearer …' }`, ready for fetch. */
  headers: Record<string, string>;
}

export interface TestServer {
  app: Hono;
  db: Database;
  config: ServerConfig;
  /** The seeded territory (`test-territoire` unless `seed` says otherwise). */
  territoryId: string;
  /** A fetch over the app in-process: `fetch('/api/health')` or a full URL (the host is ignored). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** A new account with a live session on a new device. Territory defaults to `territoryId`. */
  createAccount(role: Role, territoryId?: string, options?: { login?: string; clientId?: string }): Promise<TestAccount>;
  /** Seeds another territory (for cross-territory scope tests). */
  seed(seed: TerritorySeed): Promise<number>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Injected clock; default the real one. */
  now?: () => Date;
  hooks?: PushHooks;
  config?: Partial<ServerConfig>;
  /** Territory seed to load; default a small fixture (`makeSeed()`); false for none. */
  seed?: TerritorySeed | false;
}

let passwordHash: Promise<string> | undefined;

/**
 * A fresh server on a fresh database (migrated, seeded), called in-process: no port.
 * Other suites (client sync tests) use it as their `fetch`:
 *
 *   const server = await createTestServer(pgliteBackend);
 *   const { token, clientId } = await server.createAccount('aidant');
 *   const res = await server.fetch('/api/sync/pull', { headers: { authorization: `Bearer ${token}` } });
 *   await server.close();
 */
export async function createTestServer(backend: Backend = pgliteBackend, options: TestServerOptions = {}): Promise<TestServer> {
  const { db, drop } = await backend.open();
  await migrate(db);
  const seed = options.seed === undefined ? makeSeed() : options.seed;
  const now = options.now ?? (() => new Date());
  if (seed) await seedTerritory(db, seed, now());
  const territoryId = seed ? seed.territory.id : TEST_TERRITORY;
  const config = defaultConfig({ territoryId, distDir: '/nonexistent-escale-dist', ...options.config });
  const app = createApp({ db, config, now, hooks: options.hooks });
  let counter = 0;

  return {
    app,
    db,
    config,
    territoryId,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://escale.test'), init);
      return app.fetch(request);
    },
    async createAccount(role, territory = territoryId, opts = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const login = opts.login ?? `${role}-${++counter}-${randomUUID().slice(0, 8)}`;
      const { rows } = await db.query<AccountRow>(
        `INSERT INTO account (id, login, display_name, role, territory_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ACCOUNT_COLUMNS}`,
        [randomUUID(), login, `Compte ${login}`, role, territory, await passwordHash],
      );
      const user = toUser(rows[0]!);
      const clientId = opts.clientId ?? randomUUID();
      const token = newSessionToken();
      const at = now();
      await db.query(
        `INSERT INTO sync_client (client_id, user_id, last_seen) VALUES ($1, $2, $3)
         ON CONFLICT (client_id) DO UPDATE SET user_id = EXCLUDED.user_id`,
        [clientId, user.id, at],
      );
      await db.query(
        'INSERT INTO session_token (token_hash, user_id, client_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [hashToken(token), user.id, clientId, at, new Date(at.getTime() + config.sessionDays * 86_400_000)],
      );
      return { user, token, clientId, password: TEST_PASSWORD, headers: { authorization: `Bearer ${token}` } };
    },
    seed: (s) => seedTerritory(db, s, now()),
    close: drop,
  };
}
