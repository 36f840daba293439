import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVisit, prng, seededUuid } from './support/fixtures';
import { freshDbName, openClient } from './support/clients';
import { faultyFetch } from './support/faultyFetch';
import { serverProjection, startTestServer, type TestServer } from './support/testServer';

// A smaller cut of docs/quality.md's chaos bar (20 devices × 200 visits, 30 % of requests cut):
// 5 devices × 20 visits logged offline, then all sync at once through a network that cuts
// about 30 % of requests (before the server, after its commit, mid-body).

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const DEVICES = 5;
const VISITS = 20;

describe('chaos sync', () => {
  it(`${DEVICES} devices × ${VISITS} visits through a cut network: exactly ${DEVICES * VISITS} on the server, replicas equal`, async () => {
    const random = prng(2026);
    const uuid = seededUuid(2026);
    const devices = await Promise.all(Array.from({ length: DEVICES }, async (_, k) => {
      const fetch = faultyFetch(server.fetch, random, { dropBefore: 0.1, dropAfter: 0.1, truncate: 0.1 });
      const client = await openClient({ fetch, dbName: freshDbName(`chaos-${k}`), pushBatchSize: 7, pullLimit: 10 });
      const account = await server.account('aidant', await client.clientId());
      client.setToken(account.token);
      return { client, account, fetch };
    }));
    for (const d of devices) {
      for (let i = 0; i < VISITS; i++) await d.client.writes.createVisit(makeVisit(uuid(), d.account.userId));
    }
    // Everyone syncs concurrently until at rest.
    await Promise.all(devices.map(async (d) => {
      for (let tries = 0; tries < 300; tries++) {
        if ((await d.client.syncNow()) === 'ok' && (await d.client.pendingCount()) === 0) return;
      }
    }));
    const { rows } = await server.db.query<{ total: number; distinct: number }>(
      "SELECT count(*)::int AS total, count(DISTINCT id)::int AS distinct FROM record WHERE collection = 'visit'",
    );
    expect(rows[0]).toEqual({ total: DEVICES * VISITS, distinct: DEVICES * VISITS });
    for (const d of devices) {
      expect(await d.client.pendingCount()).toBe(0);
      const replica = new Map((await d.client.db.rows.toArray()).filter((r) => !r.deleted).map((r) => [`${r.collection}/${r.id}`, r.version]));
      expect(replica).toEqual(await serverProjection(server.db, { role: 'aidant', userId: d.account.userId }));
      d.client.close();
    }
    const cut = devices.reduce((n, d) => n + d.fetch.stats.droppedBefore + d.fetch.stats.droppedAfter + d.fetch.stats.truncated, 0);
    const requests = devices.reduce((n, d) => n + d.fetch.stats.requests, 0);
    expect(cut / requests).toBeGreaterThan(0.15);
  });
});
