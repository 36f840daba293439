import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_STORES, EscaleDb, SCHEMA_VERSION, type OutboxEntry } from '../../../src/app/data/db';
import type { FetchLike } from '../../../src/app/data/fetchLike';
import { makeVisit, prng, seededUuid } from './support/fixtures';
import { freshDbName, openClient } from './support/clients';
import { faultyFetch } from './support/faultyFetch';
import { serverProjection, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

async function visitCount(userId: string): Promise<{ total: number; distinct: number }> {
  const { rows } = await server.db.query<{ total: number; distinct: number }>(
    "SELECT count(*)::int AS total, count(DISTINCT id)::int AS distinct FROM record WHERE collection = 'visit' AND owner_id = $1", [userId],
  );
  return rows[0]!;
}

async function replicaVersions(db: EscaleDb): Promise<Map<string, number>> {
  const rows = await db.rows.toArray();
  return new Map(rows.filter((r) => !r.deleted).map((r) => [`${r.collection}/${r.id}`, r.version]));
}

/** v+1 of the schema as a later release would declare it: a new index and a rewrite of every outbox entry. */
class UpgradedDb extends EscaleDb {
  constructor(name: string) {
    super(name);
    this.version(SCHEMA_VERSION + 1)
      .stores({ ...CURRENT_STORES, outbox: '&id, name' })
      .upgrade(async (tx) => {
        await tx.table<OutboxEntry, number>('outbox').toCollection().modify((e) => { e.status = 'pending'; });
      });
  }
}

describe('no lost write across reloads and a schema upgrade (I2)', () => {
  it('every outbox entry ends applied after reloads mid-sync and an upgrade with a full outbox', async () => {
    const uuid = seededUuid(21);
    const dbName = freshDbName('reload');
    const random = prng(2);
    // Answers are lost after the server committed, one time in two: the worst moment to reload.
    let fetch: FetchLike = faultyFetch(server.fetch, random, { dropBefore: 0.1, dropAfter: 0.5, truncate: 0.2 });
    let client = await openClient({ fetch, dbName });
    const clientId = await client.clientId();
    const account = await server.account('aidant', clientId);
    let token = account.token;
    client.setToken(token);
    const created: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 5; i++) {
        const id = uuid();
        created.push(id);
        await client.writes.createVisit(makeVisit(id, account.userId));
      }
      await client.syncNow();
      // "Reload": close the database mid-way and open it again.
      client.close();
      client = await openClient({ fetch, dbName });
      client.setToken(token);
      expect(await client.clientId()).toBe(clientId);
    }
    // More writes, then an app update upgrades the schema with the outbox still full.
    for (let i = 0; i < 5; i++) {
      const id = uuid();
      created.push(id);
      await client.writes.createVisit(makeVisit(id, account.userId));
    }
    const before = await client.db.outbox.toArray();
    expect(before.length).toBeGreaterThan(0);
    client.close();
    fetch = server.fetch;
    client = await openClient({ fetch, dbName, createDb: (name) => new UpgradedDb(name) });
    client.setToken(token);
    expect(client.db.verno).toBe(SCHEMA_VERSION + 1);
    const after = await client.db.outbox.toArray();
    expect(after.map((e) => ({ ...e, status: undefined }))).toEqual(before.map((e) => ({ ...e, status: undefined })));
    expect(after.every((e) => e.status === 'pending')).toBe(true);
    expect(await client.syncNow()).toBe('ok');
    expect(await client.pendingCount()).toBe(0);
    expect(await client.issues.rejections()).toEqual([]);
    expect(await visitCount(account.userId)).toEqual({ total: created.length, distinct: created.length });
    expect((await client.directory.visits()).map((v) => v.id).sort()).toEqual([...created].sort());
    expect(await replicaVersions(client.db)).toEqual(await serverProjection(server.db, { role: 'aidant', userId: account.userId }));
    token = '';
    client.close();
  });
});

describe('a page closed in the middle of a sync (I2)', () => {
  it('closing the database between the server commit and the local store loses nothing', async () => {
    const uuid = seededUuid(77);
    const random = prng(77);
    const dbName = freshDbName('crash');
    let crashNow: (() => void) | undefined;
    // After the server has answered, sometimes "close the page" before the engine stores it.
    const crashing: FetchLike = async (input, init) => {
      const res = await server.fetch(input, init);
      if (crashNow && random() < 0.4) crashNow();
      return res;
    };
    let client = await openClient({ fetch: crashing, dbName, pushBatchSize: 2, pullLimit: 2 });
    const account = await server.account('aidant', await client.clientId());
    const made: string[] = [];
    let crashes = 0;
    for (let round = 0; round < 8; round++) {
      client.setToken(account.token);
      for (let i = 0; i < 3; i++) {
        const id = uuid();
        made.push(id);
        await client.writes.createVisit(makeVisit(id, account.userId));
      }
      const current = client;
      crashNow = () => { crashes++; crashNow = undefined; current.close(); };
      await client.syncNow();
      crashNow = undefined;
      client.close();
      client = await openClient({ fetch: crashing, dbName, pushBatchSize: 2, pullLimit: 2 });
    }
    client.setToken(account.token);
    expect(await client.syncNow()).toBe('ok');
    expect(crashes).toBeGreaterThan(2);
    expect(await client.pendingCount()).toBe(0);
    expect(await visitCount(account.userId)).toEqual({ total: made.length, distinct: made.length });
    expect((await client.directory.visits()).map((v) => v.id).sort()).toEqual([...made].sort());
    expect(await replicaVersions(client.db)).toEqual(await serverProjection(server.db, { role: 'aidant', userId: account.userId }));
    client.close();
  });
});

describe('resumable under faults (I6)', () => {
  async function run(seed: number, faults: boolean) {
    // Same operations in both runs (own PRNG), faults from another PRNG; fresh ids per run.
    const uuid = seededUuid(1000 + seed + (faults ? 500 : 0));
    const random = prng(seed);
    const faultRandom = prng(seed * 7919);
    const clients = [];
    // Three aidants logging visits and one staff device editing the directory.
    for (let k = 0; k < 4; k++) {
      const role = k === 3 ? 'staff' as const : 'aidant' as const;
      const fetch = faultyFetch(server.fetch, faultRandom, faults ? { dropBefore: 0.15, dropAfter: 0.15, truncate: 0.15 } : { dropBefore: 0, dropAfter: 0, truncate: 0 });
      const client = await openClient({ fetch, dbName: freshDbName(`chaos${seed}-${k}`), pullLimit: 3, pushBatchSize: 4 });
      const account = await server.account(role, await client.clientId());
      client.setToken(account.token);
      // A first pull without faults, so both runs start from the same directory.
      fetch.enabled = false;
      await client.syncNow();
      fetch.enabled = true;
      clients.push({ role, client, account, fetch, made: [] as string[], edits: 0 });
    }
    for (let step = 0; step < 50; step++) {
      const c = clients[Math.floor(random() * clients.length)]!;
      const r = random();
      if (c.role === 'staff' && r < 0.5) {
        const places = await c.client.directory.list('place');
        const target = places[Math.floor(random() * places.length)]!;
        await c.client.writes.editRecord('place', target.record.id, target.version, { name: `Modifié ${step}` });
        c.edits++;
      } else if (r < 0.75) {
        const id = uuid();
        c.made.push(id);
        await c.client.writes.createVisit(makeVisit(id, c.account.userId));
      } else {
        await c.client.syncNow();
      }
    }
    // Let every device sync until it is at rest (faults stay on: retries must get there),
    // twice round, so each one pulls what the others pushed.
    for (let round = 0; round < 2; round++) {
      for (const c of clients) {
        for (let tries = 0; tries < 200; tries++) {
          if ((await c.client.syncNow()) === 'ok' && (await c.client.pendingCount()) === 0) break;
        }
      }
    }
    const out = [];
    for (const c of clients) {
      expect(await c.client.pendingCount()).toBe(0);
      expect(await visitCount(c.account.userId)).toEqual({ total: c.made.length, distinct: c.made.length });
      expect(await replicaVersions(c.client.db)).toEqual(
        await serverProjection(server.db, c.role === 'staff' ? { role: 'staff' } : { role: 'aidant', userId: c.account.userId }),
      );
      expect(await c.client.db.pendingEdits.count()).toBe(0);
      // Each mutation has exactly one outcome, and the device recorded the same one.
      const clientId = await c.client.clientId();
      const { rows } = await server.db.query<{ mutation_id: string; status: string }>(
        'SELECT mutation_id::text, status FROM mutation_result WHERE client_id = $1 ORDER BY mutation_id', [clientId],
      );
      expect(rows.length).toBe(c.made.length + c.edits);
      const conflicts = (await c.client.issues.conflicts()).map((x) => x.mutationId);
      expect(conflicts).toEqual(rows.filter((r) => r.status === 'conflict').map((r) => Number(r.mutation_id)));
      expect(rows.filter((r) => r.status === 'rejected')).toEqual([]);
      out.push({ made: c.made.length, edits: c.edits, faults: c.fetch.stats });
      c.client.close();
    }
    return out;
  }

  it('ends like the fault-free run: exact visit counts, no duplicate, replicas equal to the server', async () => {
    const clean = await run(5, false);
    const chaotic = await run(5, true);
    expect(chaotic.map((c) => [c.made, c.edits])).toEqual(clean.map((c) => [c.made, c.edits]));
    const injected = chaotic.reduce((n, c) => n + c.faults.droppedBefore + c.faults.droppedAfter + c.faults.truncated, 0);
    expect(injected).toBeGreaterThan(10);
  });
});
