import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import type { Database, Queryable } from '../../../src/server/db/Database';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makePlace, makeVisit } from '../support/fixtures';
import { push } from '../support/syncClient';

// A database failure in the middle of a push (connection lost) aborts the whole push:
// 503, no effect, the client's last mutation id not advanced; the retry applies it once.

/** The same database, but the `failAt`-th query inside a transaction throws a connection error. */
function flaky(db: Database, failAt: number): Database & { arm(): void } {
  let armed = false;
  const wrap = (tx: Queryable): Queryable => {
    let n = 0;
    return {
      exec: (sql) => tx.exec(sql),
      query: async (sql, params) => {
        if (armed && ++n === failAt) {
          armed = false;
          throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        }
        return tx.query(sql, params);
      },
    };
  };
  return {
    ...db,
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn, options) => db.transaction((tx) => fn(wrap(tx)), options),
    close: () => db.close(),
    arm: () => {
      armed = true;
    },
  };
}

describe.each(backends)('transient failure during a push on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  // A push of three visit logs is five statements: the write lock, the client row, the
  // three visits in one INSERT, their stored results, the new last mutation id.
  it.each([2, 3, 4, 5])('failing at query %i: 503, nothing applied, retry applies once', async (failAt) => {
    const aidant = await server.createAccount('aidant');
    const db = flaky(server.db, failAt);
    const app = createApp({ db, config: server.config });
    const visits = [1, 2, 3].map(() => makeVisit(server.territoryId, aidant.user.id));
    const body = JSON.stringify({ protocol: 1, clientId: aidant.clientId, mutations: visits.map((args, i) => ({ id: i + 1, name: 'visit.create@1', args })) });
    db.arm();
    const res = await app.request('/api/sync/push', { method: 'POST', headers: { ...aidant.headers, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'database_unavailable' });
    const count = async () => Number((await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [aidant.user.id])).rows[0]!.n);
    expect(await count()).toBe(0);
    const { rows } = await server.db.query<{ last: unknown }>('SELECT last_mutation_id AS last FROM sync_client WHERE client_id = $1', [aidant.clientId]);
    expect(Number(rows[0]!.last)).toBe(0);
    const retry = await push(server, aidant, visits.map((args, i) => ({ id: i + 1, name: 'visit.create@1', args })));
    expect(retry.lastMutationId).toBe(3);
    expect(await count()).toBe(3);
  });
  // A directory edit is seven: the lock, the client row, reading the record, replacing it,
  // its audit line (writeAudit, same transaction), the stored result, the last id. A failure
  // at any of them leaves neither the edit nor its audit line; the retry writes one of each.
  it.each([3, 4, 5, 6, 7])('directory edit failing at query %i: no edit and no audit line; the retry writes one', async (failAt) => {
    const staff = await server.createAccount('staff');
    const id = `${server.territoryId}-flaky-${failAt}`;
    await push(server, staff, [{ id: 1, name: 'place.create@1', args: { record: makePlace(server.territoryId, id) } }]);
    const db = flaky(server.db, failAt);
    const app = createApp({ db, config: server.config });
    const mutations = [{ id: 2, name: 'place.update@1', args: { id, baseVersion: 1, patch: { name: `Nom ${failAt}` } } }];
    db.arm();
    const res = await app.request('/api/sync/push', {
      method: 'POST', headers: { ...staff.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, clientId: staff.clientId, mutations }),
    });
    expect(res.status).toBe(503);
    const audit = async () => Number((await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE action = 'place.update' AND target = $1", [id])).rows[0]!.n);
    const version = async () => (await server.db.query<{ v: number }>("SELECT version AS v FROM record WHERE collection = 'place' AND id = $1", [id])).rows[0]!.v;
    expect(await audit()).toBe(0);
    expect(await version()).toBe(1);
    expect((await push(server, staff, mutations)).results[0]?.status).toBe('applied');
    expect((await push(server, staff, mutations)).results[0]?.status).toBe('applied');
    expect(await audit()).toBe(1);
    expect(await version()).toBe(2);
  });
});
