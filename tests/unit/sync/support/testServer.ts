import type { Database } from '../../../../src/server/db/Database';
import type { FetchLike } from '../../../../src/app/data/fetchLike';
import { pgliteBackend } from '../../../server/support/backends';
import { createTestServer } from '../../../server/support/createTestServer';
import { makePlace, makeTerritory, TERRITORY_ID } from './fixtures';

// The real server in-process (the server's own test helper: Hono's app.fetch over PGlite
// in memory, no port, docs/style.md #9), seeded with a small territory.

export interface TestServer {
  db: Database;
  fetch: FetchLike;
  /** A new account with a session bound to the device `clientId`. */
  account(role: 'aidant' | 'staff', clientId?: string): Promise<{ userId: string; token: string; login: string; password: string }>;
  close(): Promise<void>;
}

export async function startTestServer(places = 5): Promise<TestServer> {
  const server = await createTestServer(pgliteBackend, {
    seed: {
      territory: makeTerritory(),
      places: Array.from({ length: places }, (_, i) => makePlace(`lieu-${i + 1}`)),
      tours: [], mobility: [], checklists: [],
    },
    config: { aidantHistoryDays: 3650 },
  });
  return {
    db: server.db,
    fetch: (input, init) => server.fetch(input, init),
    async account(role, clientId) {
      const a = await server.createAccount(role, TERRITORY_ID, clientId ? { clientId } : {});
      return { userId: a.user.id, token: a.token, login: a.user.login, password: a.password };
    },
    close: () => server.close(),
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
