import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/Database';
import { MAX_AGE_MS } from '../../../src/server/sync/pull/DevicePages';
import { PullCaches } from '../../../src/server/sync/pull/PullCaches';
import { pullChanges } from '../../../src/server/sync/pull/pullChanges';
import type { PullRequest } from '../../../src/server/sync/pull/PullRequest';
import { backends, pgliteBackend } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makePlace, makeVisit } from '../support/fixtures';
import { push } from '../support/syncClient';

/** The server's database, recording each statement's text. */
function counting(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: { ...db, query: (sql, params, options) => (statements.push(sql), db.query(sql, params, options)) } as Database,
  };
}

// A device's whole page is kept and served again while no writing transaction has ended
// (DevicePages: the database's snapshot). Every write, from any code path, must make the
// next ask read again, and a kept page must be the page read whole.

describe.each(backends)('device pages kept while nothing is written, on $name', (backend) => {
  let server: TestServer;
  let staff: TestAccount;
  let aidant: TestAccount;
  let staffIds = 0;
  let visitIds = 0;
  beforeAll(async () => {
    server = await createTestServer(backend);
    staff = await server.createAccount('staff');
    aidant = await server.createAccount('aidant');
  });
  afterAll(() => server.close());

  const request = (a: TestAccount, caches: PullCaches | undefined, since: Date, scope: PullRequest['scope'] = { kind: 'aidant', territoryId: server.territoryId, userId: a.user.id }): PullRequest =>
    ({ scope, limit: 1000, clientId: a.clientId, ownSince: since, caches });
  const pageOf = async (db: Database, req: PullRequest) => {
    const outcome = await pullChanges(db, req);
    if (outcome.kind !== 'page') throw new Error(outcome.kind);
    return JSON.parse(outcome.page.json) as { changes: Array<{ collection: string; id: string }>; lastMutationId: number | null };
  };
  const pageStatements = (statements: string[]) => statements.filter((s) => !s.includes('pg_current_snapshot'));

  it('serves the same page again without its statement, the page read whole', async () => {
    const { db, statements } = counting(server.db);
    const caches = new PullCaches(db, 16);
    expect(caches.devicePages).toBeDefined();
    const since = new Date(0);
    const first = await pageOf(db, request(aidant, caches, since));
    const read = pageStatements(statements).length;
    expect(read).toBeGreaterThan(0);
    const again = await pageOf(db, request(aidant, caches, since));
    expect(again).toEqual(first);
    expect(pageStatements(statements)).toHaveLength(read);
    expect(again).toEqual(await pageOf(server.db, request(aidant, undefined, since)));
  });

  it('reads again after any write: the device\'s own push, a staff edit, a statement no sync code knows', async () => {
    const { db, statements } = counting(server.db);
    const caches = new PullCaches(db, 16);
    const since = new Date(0);
    const ask = async () => {
      const before = pageStatements(statements).length;
      const page = await pageOf(db, request(aidant, caches, since));
      expect(page).toEqual(await pageOf(server.db, request(aidant, undefined, since)));
      return { page, read: pageStatements(statements).length > before };
    };
    expect((await ask()).read).toBe(true);
    expect((await ask()).read).toBe(false);

    await push(server, aidant, [{ id: ++visitIds, name: 'visit.create@1', args: makeVisit(server.territoryId, aidant.user.id) }]);
    const afterPush = await ask();
    expect(afterPush.read).toBe(true);
    expect(afterPush.page.lastMutationId).toBe(visitIds);
    expect(afterPush.page.changes.filter((c) => c.collection === 'visit')).toHaveLength(visitIds);
    expect((await ask()).read).toBe(false);

    const placeId = `${server.territoryId}-kept-${++staffIds}`;
    await push(server, staff, [{ id: staffIds, name: 'place.create@1', args: { record: makePlace(server.territoryId, placeId) } }]);
    const afterEdit = await ask();
    expect(afterEdit.read).toBe(true);
    expect(afterEdit.page.changes.some((c) => c.id === placeId)).toBe(true);

    // A write no sync code knows about, straight to the database.
    expect((await ask()).read).toBe(false);
    await server.db.query('UPDATE sync_client SET last_seen = now() WHERE client_id = $1', [aidant.clientId]);
    expect((await ask()).read).toBe(true);
  });

  it('reads again once the history window has moved a minute, and per device', async () => {
    const { db, statements } = counting(server.db);
    const caches = new PullCaches(db, 16);
    const other = await server.createAccount('aidant');
    const t0 = new Date('2026-01-01T00:00:00Z');
    await pageOf(db, request(aidant, caches, t0));
    const count = () => pageStatements(statements).length;
    const n = count();
    await pageOf(db, request(aidant, caches, new Date(t0.getTime() + MAX_AGE_MS - 1)));
    expect(count()).toBe(n);
    await pageOf(db, request(aidant, caches, new Date(t0.getTime() + MAX_AGE_MS)));
    expect(count()).toBe(n + 1);
    // Another device of another aidant never gets this one's page.
    const theirs = await pageOf(db, request(other, caches, t0));
    expect(count()).toBe(n + 2);
    expect(theirs).toEqual(await pageOf(server.db, request(other, undefined, t0)));
  });

  it('keeps the office\'s pages too (the territory scope)', async () => {
    const { db, statements } = counting(server.db);
    const caches = new PullCaches(db, 16);
    const scope = { kind: 'territory' as const, territoryId: server.territoryId };
    const first = await pageOf(db, request(staff, caches, new Date(0), scope));
    const n = pageStatements(statements).length;
    expect(await pageOf(db, request(staff, caches, new Date(0), scope))).toEqual(first);
    expect(pageStatements(statements)).toHaveLength(n);
  });

  it.skipIf(backend.name !== 'postgres')('never vouch for a page read while another session\'s write was under way', async () => {
    // PostgreSQL only: PGlite has one session, a transaction is whole before any read.
    const { db, statements } = counting(server.db);
    const caches = new PullCaches(db, 16);
    const since = new Date(0);
    await pageOf(db, request(aidant, caches, since));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const writer = server.db.transaction(async (tx) => {
      await tx.query('UPDATE sync_client SET last_seen = now() WHERE client_id = $1', [aidant.clientId]);
      wrote();
      await held;
    });
    await written;
    await pageOf(db, request(aidant, caches, since)); // read (and kept) while the write is open
    release();
    await writer;
    const n = pageStatements(statements).length;
    await pageOf(db, request(aidant, caches, since));
    expect(pageStatements(statements)).toHaveLength(n + 1);
  });
});

describe('PGlite\'s write count, what kept pages trust there', () => {
  it('moves with every statement, transaction or script not promised read-only, and only then', async () => {
    const { db, drop } = await pgliteBackend.open();
    try {
      const count = () => db.writeCount!();
      const start = count();
      await db.query('SELECT 1', [], { pagesUnchanged: true });
      expect(count()).toBe(start);
      await db.query('SELECT 1');
      expect(count()).toBe(start + 1);
      await db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await tx.query('SELECT 2');
      });
      expect(count()).toBe(start + 2);
      await db.exec('SELECT 1');
      expect(count()).toBe(start + 3);
      // A failed write counts too: it may have changed something before failing.
      await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow();
      expect(count()).toBe(start + 4);
    } finally {
      await drop();
    }
  });

  it('spares the public pages\' stamp statement while nothing is written', async () => {
    const server = await createTestServer(pgliteBackend);
    try {
      const { db, statements } = counting(server.db);
      const caches = new PullCaches(db, 16);
      const first = await caches.stamp(server.territoryId);
      expect(statements).toHaveLength(1);
      expect(await caches.stamp(server.territoryId)).toBe(first);
      expect(statements).toHaveLength(1);
      const staff = await server.createAccount('staff');
      await push(server, staff, [{ id: 1, name: 'place.create@1', args: { record: makePlace(server.territoryId, `${server.territoryId}-stamp-1`) } }]);
      const after = await caches.stamp(server.territoryId);
      expect(statements).toHaveLength(2);
      expect(after).not.toBe(first);
    } finally {
      await server.close();
    }
  });
});
