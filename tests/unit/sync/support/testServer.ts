import { createApp } from '../../../../src/server/app';
import { createAccount } from '../../../../src/server/auth/accounts';
import { defaultConfig } from '../../../../src/server/config';
import { migrate } from '../../../../src/server/db/migrate';
import { openPglite } from '../../../../src/server/db/openPglite';
import type { Database } from '../../../../src/server/db/Database';
import { seedTerritory } from '../../../../src/server/seed/seedTerritory';
import type { Role } from '../../../../src/shared/domain/vocabularies';
import type { FetchLike } from '../../../../src/app/sync/syncHttp';
import { makePlace, makeTerritory, TERRITORY_ID } from './fixtures';

// The real server in-process: Hono's app.fetch over PGlite in memory, no port
// (STYLE.md #9). Seeded with a small territory.

export interface TestServer {
  db: Database;
  fetch: FetchLike;
  /** A new account; `login(clientId)` opens a session bound to that device. */
  account(role: Exclude<Role, 'admin'> | 'admin'): Promise<{ userId: string; login(clientId: string): Promise<string> }>;
  close(): Promise<void>;
}

let accounts = 0;

export async function startTestServer(places = 5): Promise<TestServer> {
  const db = await openPglite('memory://');
  await migrate(db);
  await seedTerritory(db, {
    territory: makeTerritory(),
    places: Array.from({ length: places }, (_, i) => makePlace(`lieu-${i + 1}`)),
    tours: [], mobility: [], checklists: [],
  }, new Date());
  const app = createApp({ db, config: defaultConfig({ aidantHistoryDays: 3650 }) });
  const fetch: FetchLike = async (input, init) => app.fetch(new Request(`http://escale.test${input}`, init));
  return {
    db,
    fetch,
    async account(role) {
      const login = `${role}${++accounts}`;
      const password = 'motdepasse-tres-long';
      const user = await createAccount(db, { login, displayName: login, role, territoryId: TERRITORY_ID, password });
      return {
        userId: user.id,
        async login(clientId: string) {
          const res = await fetch('/api/auth/login', {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password, clientId }),
          });
          if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
          return ((await res.json()) as { token: string }).token;
        },
      };
    },
    close: () => db.close(),
  };
}

/** What the server holds for a scope, as `collection/id → version` (tombstones left out). */
export async function serverProjection(db: Database, scope: { userId?: string; role: 'aidant' | 'staff' | 'public' }): Promise<Map<string, number>> {
  const directory = ['territory', 'place', 'tour', 'mobility', 'checklist'];
  const { rows } = await db.query<{ collection: string; id: string; version: number; owner_id: string | null }>(
    'SELECT collection, id, version, owner_id FROM record WHERE deleted_at IS NULL AND territory_id = $1', [TERRITORY_ID],
  );
  const out = new Map<string, number>();
  for (const r of rows) {
    const inScope = directory.includes(r.collection)
      || scope.role === 'staff'
      || (scope.role === 'aidant' && r.owner_id === scope.userId);
    if (inScope) out.set(`${r.collection}/${r.id}`, r.version);
  }
  return out;
}
