import { describe, expect, it } from 'vitest';
import { META } from '../../../src/app/data/db';
import type { NetworkWatch } from '../../../src/app/sync/environment';
import type { FetchLike } from '../../../src/app/data/fetchLike';
import { makeVisit, put, seededUuid } from './support/fixtures';
import { freshDbName, manualTimers, openClient, until } from './support/clients';

// The engine against a scripted server: time, network events and locks are injected.

const uuid = seededUuid(5);
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A scripted server: pulls answer from a queue of pages (then an empty page), pushes apply everything. */
function scripted(pages: unknown[] = []) {
  const calls: string[] = [];
  let last = 0;
  let failing = false;
  let answer401: string | undefined;
  const fetch: FetchLike = async (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${input}`);
    if (failing) throw new TypeError('Failed to fetch');
    if (answer401) return json(answer401 === 'device_revoked' ? 403 : 401, { code: answer401, message: 'non' });
    if (input.startsWith('/api/sync/push')) {
      const body = JSON.parse(init!.body!) as { mutations: Array<{ id: number }> };
      const results = body.mutations.filter((m) => m.id > last).map((m) => ({ id: m.id, status: 'applied' }));
      last = Math.max(last, ...body.mutations.map((m) => m.id));
      return json(200, { lastMutationId: last, results });
    }
    const page = pages.shift() ?? { changes: [], cursor: 'end', hasMore: false, lastMutationId: last };
    return json(200, page);
  };
  return {
    fetch, calls,
    fail(on: boolean) { failing = on; },
    deny(code: string | undefined) { answer401 = code; },
  };
}

function fakeNetwork() {
  const listeners = { online: new Set<() => void>(), offline: new Set<() => void>(), visible: new Set<() => void>() };
  let online = true;
  const sub = (set: Set<() => void>) => (fn: () => void) => { set.add(fn); return () => set.delete(fn); };
  const net: NetworkWatch & { go(on: boolean): void; show(): void } = {
    isOnline: () => online,
    onOnline: sub(listeners.online),
    onOffline: sub(listeners.offline),
    onVisible: sub(listeners.visible),
    go(on) { online = on; for (const l of on ? listeners.online : listeners.offline) l(); },
    show() { for (const l of listeners.visible) l(); },
  };
  return net;
}


describe('sync engine, scripted', () => {
  it('backs off with jitter on failures, then returns to the periodic timer', async () => {
    const server = scripted();
    const timers = manualTimers();
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('backoff'), timers, token: 't'.repeat(30), random: () => 1, periodicMs: 60_000 });
    client.engine.start();
    await client.engine.whenIdle();
    server.fail(true);
    expect(await client.syncNow()).toBe('retry');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push(...timers.due());
      expect(await client.syncNow()).toBe('retry');
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(client.syncStatus.value.kind).toBe('offline');
    server.fail(false);
    expect(await client.syncNow()).toBe('ok');
    expect(timers.due()).toEqual([60_000]);
    expect(client.syncStatus.value.kind).toBe('upToDate');
    client.close();
  });

  it('syncs on start, when the network comes back, when the page becomes visible, and soon after a write', async () => {
    const server = scripted();
    const timers = manualTimers();
    const network = fakeNetwork();
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('triggers'), timers, network, token: 't'.repeat(30), afterWriteMs: 250 });
    client.engine.start();
    await client.engine.whenIdle();
    const pulls = () => server.calls.filter((c) => c.startsWith('GET')).length;
    expect(pulls()).toBe(1);
    network.go(false);
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    expect(timers.due()).toContain(250);
    expect(await client.syncNow()).toBe('offline');
    expect(client.syncStatus.value).toMatchObject({ kind: 'offline', pending: 1 });
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(0);
    network.go(true);
    await client.engine.whenIdle();
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(await client.pendingCount()).toBe(0);
    network.show();
    await client.engine.whenIdle();
    expect(pulls()).toBe(3);
    client.close();
  });

  it('takes the Web Lock "escale-push" when the browser has one', async () => {
    const server = scripted();
    const names: string[] = [];
    const locks = { request: <T>(name: string, cb: () => Promise<T>) => { names.push(name); return cb(); } };
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('locks'), locks });
    await client.syncNow();
    expect(names).toEqual(['escale-push']);
    client.close();
  });

  it('one push at a time per database: concurrent syncNow calls are coalesced', async () => {
    const server = scripted();
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('coalesce'), token: 't'.repeat(30) });
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    await Promise.all([client.syncNow(), client.syncNow(), client.syncNow()]);
    expect(server.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    client.close();
  });

  it('a reset clears the replicated rows, never the outbox, and pulls from zero', async () => {
    const server = scripted([
      { changes: [put('a', 1, 1), put('b', 1, 2)], cursor: 'p1', hasMore: false, lastMutationId: null },
      { reset: true },
      { changes: [put('b', 2, 7)], cursor: 'p7', hasMore: false, lastMutationId: null },
    ]);
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('reset') });
    await client.syncNow();
    expect((await client.directory.places()).map((p) => p.id)).toEqual(['a', 'b']);
    await client.db.outbox.add({ id: 1, name: 'visit.create@1', args: makeVisit(uuid(), 'x'), createdAt: '2026-11-22T10:00:00Z' });
    await client.syncNow();
    expect((await client.directory.places()).map((p) => p.id)).toEqual(['b']);
    expect(await client.db.outbox.count()).toBe(1);
    const gets = server.calls.filter((c) => c.startsWith('GET'));
    expect(gets[1]).toContain('cursor=p1');
    expect(gets[2]).not.toContain('cursor=');
    expect(gets[2]).toContain('territory=civraisien-en-poitou');
    client.close();
  });

  /**
   * Pulls `pages` with the store of row 'b' (page p2) failing: the pull stops with the
   * cursor on p1 and `kept` checks the rows; once the store works, the next pull resumes
   * from p1.
   */
  async function pullWithFailingB(pages: Parameters<typeof scripted>[0], name: string, kept: (client: Awaited<ReturnType<typeof openClient>>) => Promise<void>) {
    const server = scripted(pages);
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName(name) });
    let crash = true;
    client.db.rows.hook('creating', (_key, row) => { if (crash && row.id === 'b') throw new Error('crash while storing'); });
    expect(await client.syncNow()).toBe('retry');
    expect((await client.db.meta.get(META.cursor))?.value).toEqual({ scope: 'public:civraisien-en-poitou', cursor: 'p1' });
    await kept(client);
    crash = false;
    server.calls.length = 0;
    expect(await client.syncNow()).toBe('ok');
    expect(server.calls[0]).toContain('cursor=p1');
    client.close();
  }

  it('a page and its cursor are stored together: a failure stores neither', async () => {
    await pullWithFailingB([
      { changes: [put('a', 1, 1)], cursor: 'p1', hasMore: true, lastMutationId: null },
      { changes: [put('b', 1, 2)], cursor: 'p2', hasMore: false, lastMutationId: null },
    ], 'atomic', async (client) => {
      expect(await client.db.rows.count()).toBe(1);
    });
  });

  it('a page whose store fails stops the pull there: the page after it, stored without waiting, is aborted too', async () => {
    await pullWithFailingB([
      { changes: [put('a', 1, 1)], cursor: 'p1', hasMore: true, lastMutationId: null },
      { changes: [put('b', 1, 2)], cursor: 'p2', hasMore: true, lastMutationId: null },
      { changes: [put('c', 1, 3)], cursor: 'p3', hasMore: true, lastMutationId: null },
      { changes: [put('d', 1, 4)], cursor: 'p4', hasMore: false, lastMutationId: null },
    ], 'pipelined', async (client) => {
      expect((await client.db.rows.toArray()).map((r) => r.id)).toEqual(['a']);
    });
  });

  it('a revoked device: action needed, then it wipes itself once (a lost tablet), no retry timer', async () => {
    const server = scripted();
    const timers = manualTimers();
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('revoked'), timers, token: 't'.repeat(30) });
    client.engine.start();
    await client.engine.whenIdle();
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    server.deny('device_revoked');
    timers.fireAll();
    expect(await client.syncNow()).toBe('auth');
    // The wipe (wipeRevokedDevice.test.ts): the waiting change goes with the rest.
    await until(() => client.wiped.value !== undefined);
    expect(client.wiped.value?.dropped).toBe(1);
    await client.engine.whenIdle();
    expect(await client.pendingCount()).toBe(0);
    // Still refused (this test's token is fixed): said, not retried, not wiped again.
    expect(client.syncStatus.value).toEqual({ kind: 'actionNeeded', reason: 'deviceRevoked', count: 0 });
    expect(timers.due()).toEqual([]);
    const notice = client.wiped.value;
    await client.syncNow();
    expect(client.wiped.value).toBe(notice);
    client.close();
  });

  it('an expired session: action needed, the outbox kept, no retry timer; a sign-in sends it', async () => {
    const server = scripted();
    const timers = manualTimers();
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('expired'), timers, token: 't'.repeat(30) });
    client.engine.start();
    await client.engine.whenIdle();
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    server.deny('token_expired');
    timers.fireAll();
    expect(await client.syncNow()).toBe('auth');
    expect(client.syncStatus.value).toEqual({ kind: 'actionNeeded', reason: 'sessionExpired', count: 1 });
    expect(timers.due()).toEqual([]);
    expect(await client.pendingCount()).toBe(1);
    server.deny(undefined);
    client.loggedIn();
    await client.engine.whenIdle();
    expect(await client.pendingCount()).toBe(0);
    client.close();
  });

  /** A sync whose request waits on the 30 s deadline: that one timer is due, fired, and the run's outcome. */
  async function syncPastDeadline(client: Awaited<ReturnType<typeof openClient>>, timers: ReturnType<typeof manualTimers>) {
    const run = client.syncNow();
    await until(() => timers.due().length > 0);
    expect(timers.due()).toEqual([30_000]);
    timers.fireAll();
    return run;
  }

  it('abandons a request that never ends, so the push lock is released', async () => {
    const timers = manualTimers();
    const hanging: FetchLike = (_input, init) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const client = await openClient({ fetch: hanging, dbName: freshDbName('deadline'), timers, requestTimeoutMs: 30_000 });
    expect(await syncPastDeadline(client, timers)).toBe('retry');
    client.close();
  });

  it('abandons an answer whose body stalls after its headers (the deadline covers the body)', async () => {
    const timers = manualTimers();
    const stalling: FetchLike = async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"changes":['));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = await openClient({ fetch: stalling, dbName: freshDbName('stalled-body'), timers, requestTimeoutMs: 30_000 });
    expect(await syncPastDeadline(client, timers)).toBe('retry');
    expect(await client.db.rows.count()).toBe(0);
    client.close();
  });

  it('a pull of several pages tells the screens once, at its end, with every page stored', async () => {
    const server = scripted([
      { changes: [put('a', 1, 1)], cursor: 'c1', hasMore: true, lastMutationId: null },
      { changes: [put('b', 1, 2)], cursor: 'c2', hasMore: true, lastMutationId: null },
      { changes: [put('c', 1, 3)], cursor: 'c3', hasMore: false, lastMutationId: null },
    ]);
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('told-once') });
    const seen: number[] = [];
    client.directory.onChange(() => { void client.db.rows.count().then((n) => seen.push(n)); });
    expect(await client.syncNow()).toBe('ok');
    await until(() => seen.length > 0);
    expect(seen).toEqual([3]);
    expect((await client.directory.places()).map((p) => p.id).sort()).toEqual(['a', 'b', 'c']);
    client.close();
  });

  it('a full disk while storing a pulled page shows storageFull', async () => {
    const server = scripted([{ changes: [put('a', 1, 1)], cursor: 'p1', hasMore: false, lastMutationId: null }]);
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('pullQuota') });
    client.db.rows.hook('creating', () => { throw new DOMException('full', 'QuotaExceededError'); });
    expect(await client.syncNow()).toBe('retry');
    expect(client.storage.storageFull.value).toBe(true);
    expect(client.syncStatus.value).toMatchObject({ kind: 'actionNeeded', reason: 'storageFull' });
    client.close();
  });
});
