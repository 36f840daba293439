import { performance } from 'node:perf_hooks';
import type { DataLayer } from '../../src/app/composition/createDataLayer';
import type { Timers } from '../../src/app/sync/environment';
import type { FetchLike } from '../../src/app/data/fetchLike';
import { type Bench, fmt, passIf, seededRandom, withTimeout } from './common';
import { startFaultProxy } from './support/faultProxy';
import { generateVisit } from './support/records';
import { startBenchServer, type BenchServer } from './support/startBenchServer';

/**
 * 6. Chaos: 20 simulated devices × 200 visit logs, each device the real client data
 * layer and sync engine (src/app/data + src/app/sync) on its own fake-indexeddb
 * database, syncing with the real server (its own process) over HTTP on 127.0.0.1
 * through a proxy that cuts 30 % of requests (10 % before the server, 10 % after its
 * commit, 10 % mid-body). Then, straight to the server: exactly 4,000 visit logs, none
 * lost, none twice, and every device's replica equal to what the server holds for it.
 * Bounded to 3 minutes of syncing.
 */
const TERRITORY = 'civraisien-en-poitou';
const DEVICES = 20;
const VISITS = 200;
const BOUND_MS = 180_000;

const noTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

interface Change {
  collection: string;
  op: string;
  id: string;
  version: number;
}

/** Everything a session sees, pulled straight from the server: `collection/id → version`. */
async function projection(server: BenchServer, token: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let cursor = '';
  for (let i = 0; i < 10_000; i++) {
    const res = await fetch(`${server.url}/api/sync/pull?limit=5000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`projection pull: HTTP ${res.status}`);
    const page = (await res.json()) as { changes: Change[]; cursor: string; hasMore: boolean };
    for (const c of page.changes) {
      if (c.op === 'delete') out.delete(`${c.collection}/${c.id}`);
      else out.set(`${c.collection}/${c.id}`, c.version);
    }
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
  throw new Error('projection pull did not end');
}

export const chaosBench: Bench = {
  name: 'chaos',
  description: '20 devices × 200 visit logs through a proxy cutting 30 % of requests: exactly 4,000, replicas equal',
  async run(ctx) {
    // In-memory IndexedDB for the devices (and idb-keyval's preferences store).
    const fake = await import('fake-indexeddb');
    Object.assign(globalThis, { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange });
    const { createDataLayer } = await import('../../src/app/composition/createDataLayer');
    const { createStore } = await import('idb-keyval');
    const server = await startBenchServer({ territoryId: TERRITORY, aidants: DEVICES, staff: 1, serverConfig: { aidantHistoryDays: 3650 } });
    const proxy = await startFaultProxy(server.url, seededRandom(4000));
    const devices: Array<{ layer: DataLayer; token: string; ids: string[] }> = [];
    try {
      const fetchLike: FetchLike = (input, init) => fetch(input, init as RequestInit) as ReturnType<FetchLike>;
      for (const [k, account] of server.accounts.entries()) {
        const dbName = `escale-chaos-${process.pid}-${k}`;
        const layer = await createDataLayer({
          dbName,
          territoryId: TERRITORY,
          baseUrl: proxy.url,
          fetch: fetchLike,
          clientId: account.clientId,
          getAuth: () => ({ token: account.token }),
          timers: noTimers,
          random: () => 0.5,
          log: () => undefined,
          preferencesStore: createStore(`${dbName}-prefs`, 'kv'),
          pushBatchSize: 10,
          pullLimit: 100,
          requestTimeoutMs: 15_000,
        });
        if ((await layer.clientId()) !== account.clientId) throw new Error('the device did not take the session’s clientId');
        const ids: string[] = [];
        for (let i = 0; i < VISITS; i++) {
          const visit = generateVisit(TERRITORY, account.userId, k * VISITS + i);
          ids.push(visit.id);
          await layer.writes.createVisit(visit);
        }
        devices.push({ layer, token: account.token, ids });
      }
      ctx.log(`chaos: ${DEVICES} devices hold ${DEVICES * VISITS} visit logs offline; syncing through the proxy`);
      const t0 = performance.now();
      const cycles: number[] = [];
      await withTimeout(
        'chaos sync',
        BOUND_MS,
        Promise.all(
          devices.map(async (d, k) => {
            for (let tries = 1; tries <= 2000; tries++) {
              if ((await d.layer.syncNow()) === 'ok' && (await d.layer.pendingCount()) === 0) {
                cycles[k] = tries;
                return;
              }
            }
            throw new Error(`device ${k} did not settle`);
          }),
        ),
      );
      const syncMs = performance.now() - t0;
      // At rest: one more clean cycle each so every replica has the other pages too.
      for (const d of devices) {
        for (let tries = 0; tries < 50 && (await d.layer.syncNow()) !== 'ok'; tries++);
      }

      const staff = await projection(server, server.staff[0]!.token);
      const visitsOnServer = [...staff.keys()].filter((k) => k.startsWith('visit/'));
      const expected = new Set(devices.flatMap((d) => d.ids.map((id) => `visit/${id}`)));
      const lost = [...expected].filter((k) => !staff.has(k)).length;
      const extra = visitsOnServer.filter((k) => !expected.has(k)).length;
      const duplicated = visitsOnServer.length - new Set(visitsOnServer).size + extra;
      const versionsNot1 = visitsOnServer.filter((k) => staff.get(k) !== 1).length;
      let unequal = 0;
      for (const d of devices) {
        const replica = new Map((await d.layer.db.rows.toArray()).filter((r) => !r.deleted).map((r): [string, number] => [`${r.collection}/${r.id}`, r.version]));
        const server_ = await projection(server, d.token);
        const same = replica.size === server_.size && [...server_].every(([key, version]) => replica.get(key) === version);
        if (!same) unequal++;
      }
      const cut = proxy.stats.droppedBefore + proxy.stats.droppedAfter + proxy.stats.truncated;
      const ok = visitsOnServer.length === DEVICES * VISITS && lost === 0 && duplicated === 0 && unequal === 0 && versionsNot1 === 0;
      return [
        {
          bench: 'chaos',
          figure: `${DEVICES} devices × ${VISITS} visit logs, ${fmt((100 * cut) / proxy.stats.requests)} % of ${proxy.stats.requests} requests cut`,
          value: `${visitsOnServer.length} on server, ${lost} lost, ${duplicated} duplicated, ${unequal} replicas differ`,
          bar: `exactly ${DEVICES * VISITS}, 0 lost, 0 duplicated, all replicas equal`,
          verdict: passIf(ok),
          data: { ...proxy.stats, syncMs, cyclesPerDevice: cycles, lost, duplicated, unequal, versionsNot1 },
          note: `settled in ${fmt(syncMs / 1000, 1)} s; cut before ${proxy.stats.droppedBefore}, after commit ${proxy.stats.droppedAfter}, mid-body ${proxy.stats.truncated}`,
        },
      ];
    } finally {
      for (const d of devices) d.layer.close();
      await proxy.close();
      await server.close();
    }
  },
};
