import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { scopeKey } from '../../src/server/sync/pull/PullScope';
import { encodeCursor } from '../../src/server/sync/pull/pullCursor';
import { type Bench, type BenchContext, fmt, median, passIf, type Row } from './common';
import { generateVisit } from './support/records';
import { postgresReachable, startBenchServer, type BenchServer } from './support/startBenchServer';

/**
 * 3. Sync server under load, on PGlite and on PostgreSQL: autocannon on 127.0.0.1 with
 * 100 connections for a bounded time per run (ESCALE_BENCH_SECONDS, default 10), three
 * runs per scenario, medians reported. Scenarios:
 *  - public pull: `GET /api/sync/pull?territory=…&limit=100`, each connection cycling
 *    through every page of a directory of the seed + 2,000 generated places;
 *  - public pull, caught up: the cursor at the end (an empty page), what a device that
 *    has synced asks at each poll;
 *  - aidant pull: the same pages, each connection its own Bearer session;
 *  - push: each connection its own aidant session and clientId, batches of 10 visit logs
 *    with increasing mutation ids.
 * Every request says `Accept-Encoding: gzip, deflate, br, zstd`, as every browser does
 * (a phone or a tablet never asks for an uncompressed page); the client decodes nothing,
 * as a browser does in its network thread, off the page.
 * Any non-2xx answer, socket error or timeout counts as an error (bar: 0).
 * Then a push of 1,000 visit logs in one batch, median of 3.
 */
const TERRITORY = 'civraisien-en-poitou';
const CONNECTIONS = 100;
const RUNS = 3;
const SECONDS = Number(process.env.ESCALE_BENCH_SECONDS ?? 10);
const EXTRA_PLACES = 2_000;
const PAGE = 100;
const PUSH_BATCH = 10;
/**
 * ESCALE_BENCH_SERVER_SCENARIOS=aidant,push (default: all four): to profile one scenario
 * alone (with ESCALE_BENCH_SERVER_NODE_ARGS). Aidant pages without the push runs before
 * them carry no own visit logs; the bars are judged on the full run only.
 */
const SCENARIOS = new Set((process.env.ESCALE_BENCH_SERVER_SCENARIOS ?? 'public,caughtUp,aidant,push').split(',').map((s) => s.trim()));
/** What Chromium sends (docs/quality.md's devices are browsers). */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

interface LoadResult {
  /** Share of the machine's CPU time used by the load generator and by the server process. */
  cpu?: { generator: number; server: number };
  /** The server process's resident memory during the run (VmRSS, MB): highest and last sample. */
  rssMb?: { peak: number; end: number };
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  statusCodes: Record<string, number>;
}

/** CPU seconds (user + system) of a process, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MB, from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One autocannon run. The load generator runs in this process and shares the machine's
 * cores with the server (and PostgreSQL): their CPU shares are recorded with the figures.
 */
async function load(opts: autocannon.Options, serverPid?: number): Promise<LoadResult> {
  const t0 = performance.now();
  const self0 = process.cpuUsage();
  const server0 = cpuSeconds(serverPid);
  const rss: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(serverPid);
    if (mb !== undefined) rss.push(mb);
  }, 250);
  // autocannon's answer is a thenable without finally().
  const r = await Promise.resolve(autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...opts })).finally(() => clearInterval(sampler));
  const wall = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const server1 = cpuSeconds(serverPid);
  const capacity = wall * cpus().length;
  const cpu = server0 !== undefined && server1 !== undefined
    ? { generator: Number(((self.user + self.system) / 1e6 / capacity).toFixed(2)), server: Number(((server1 - server0) / capacity).toFixed(2)) }
    : undefined;
  return {
    ...(cpu ? { cpu } : {}),
    ...(rss.length ? { rssMb: { peak: Math.round(Math.max(...rss)), end: Math.round(rss[rss.length - 1]!) } } : {}),
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors + r.timeouts,
    requests: r.requests.total,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

/**
 * Waits until the server has worked off what an earlier run left queued (requests that
 * timed out on the client side still run on the server): a caught-up pull must answer in
 * under 100 ms, three times in a row, or 60 s pass. Without this, one scenario's backlog
 * is measured as the next one's latency.
 */
async function drain(server: BenchServer, path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${server.url}${path}`).then((r) => r.arrayBuffer(), () => undefined);
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pageCursors(server: BenchServer): Promise<string[]> {
  const cursors = [''];
  for (let i = 0; i < 1000; i++) {
    const res = await fetch(`${server.url}/api/sync/pull?territory=${TERRITORY}&limit=${PAGE}${cursors.at(-1) ? `&cursor=${cursors.at(-1)}` : ''}`);
    const body = (await res.json()) as { cursor: string; hasMore: boolean };
    if (!body.hasMore) break;
    cursors.push(body.cursor);
  }
  return cursors;
}

function pushBody(clientId: string, userId: string, firstId: number, count: number): string {
  const mutations = Array.from({ length: count }, (_, i) => ({ id: firstId + i, name: 'visit.create@1', args: generateVisit(TERRITORY, userId, firstId + i) }));
  return JSON.stringify({ protocol: PROTOCOL_VERSION, clientId, mutations });
}

async function scenarios(ctx: BenchContext, backend: 'pglite' | 'postgres'): Promise<Row[]> {
  ctx.log(`server/${backend}: starting (seed + ${EXTRA_PLACES} places, ${CONNECTIONS + 1} aidant sessions)`);
  const server = await startBenchServer({ territoryId: TERRITORY, extraPlaces: EXTRA_PLACES, aidants: CONNECTIONS + 1, postgres: backend === 'postgres' });
  const rows: Row[] = [];
  try {
    const cursors = await pageCursors(server);
    const publicRequests = cursors.map((c) => ({ method: 'GET' as const, path: `/api/sync/pull?territory=${TERRITORY}&limit=${PAGE}${c ? `&cursor=${c}` : ''}`, headers: BROWSER_HEADERS }));
    // Warm-up (JIT, connection pools, PostgreSQL caches), not counted.
    await autocannon({ url: server.url, connections: 20, duration: 2, requests: publicRequests });

    // Aidant cursors carry a digest of the aidant's scope: re-key the public page
    // boundaries for each aidant (same seqs; their own visit logs add rows later).
    const aidantPaths = (userId: string) =>
      cursors.map((c) => {
        const seq = c ? Number(c.split('.')[2]) : undefined;
        const cursor = seq === undefined ? '' : encodeCursor({ scopeKey: scopeKey({ kind: 'aidant', territoryId: TERRITORY, userId }), seq });
        return `/api/sync/pull?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
      });
    const end = await fetch(`${server.url}/api/sync/pull?territory=${TERRITORY}&limit=${PAGE}&cursor=${cursors.at(-1)}`).then((r) => r.json() as Promise<{ cursor: string }>);
    const caughtUp = [{ method: 'GET' as const, path: `/api/sync/pull?territory=${TERRITORY}&limit=${PAGE}&cursor=${end.cursor}`, headers: BROWSER_HEADERS }];

    const results: Record<string, LoadResult[]> = { public: [], caughtUp: [], aidant: [], push: [] };
    let pushAccount = 0;
    const nextIds = new Map<string, number>();
    const pushAccounts = server.accounts.slice(0, CONNECTIONS);
    for (let run = 0; run < RUNS; run++) {
      ctx.log(`server/${backend}: run ${run + 1}/${RUNS} (public pages, public caught up, aidant pages, push), ${SECONDS} s each`);
      const settle = () => drain(server, caughtUp[0]!.path);
      await settle();
      if (SCENARIOS.has('public')) results.public!.push(await load({ url: server.url, requests: publicRequests }, server.pid));
      await settle();
      if (SCENARIOS.has('caughtUp')) results.caughtUp!.push(await load({ url: server.url, requests: caughtUp }, server.pid));
      await settle();
      let a = 0;
      if (SCENARIOS.has('aidant')) results.aidant!.push(
        await load({
          url: server.url,
          setupClient: (client) => {
            // Each connection is one aidant device with its own session.
            const account = server.accounts[a++ % CONNECTIONS]!;
            const headers = { ...BROWSER_HEADERS, authorization: `Bearer ${account.token}` };
            client.setRequests(aidantPaths(account.userId).map((path) => ({ method: 'GET', path, headers })));
          },
        }, server.pid),
      );
      // autocannon stops with a batch prepared but maybe not sent: start each run from the
      // server's lastMutationId of each device, as a real client would.
      await Promise.all(
        pushAccounts.map(async (account) => {
          const end = encodeCursor({ scopeKey: scopeKey({ kind: 'aidant', territoryId: TERRITORY, userId: account.userId }), seq: 1e12 });
          const res = await fetch(`${server.url}/api/sync/pull?limit=1&cursor=${end}`, { headers: { authorization: `Bearer ${account.token}` } });
          const body = (await res.json()) as { lastMutationId?: number | null };
          nextIds.set(account.clientId, (body.lastMutationId ?? 0) + 1);
        }),
      );
      await settle();
      if (SCENARIOS.has('push')) results.push!.push(
        await load({
          url: server.url,
          setupClient: (client) => {
            // Each connection is one device: its own session, clientId and mutation ids.
            const account = pushAccounts[pushAccount++ % pushAccounts.length]!;
            const headers = { ...BROWSER_HEADERS, authorization: `Bearer ${account.token}`, 'content-type': 'application/json' };
            const next = () => {
              const id = nextIds.get(account.clientId) ?? 1;
              nextIds.set(account.clientId, id + PUSH_BATCH);
              return [{ method: 'POST' as const, path: '/api/sync/push', headers, body: pushBody(account.clientId, account.userId, id, PUSH_BATCH) }];
            };
            client.setRequests(next());
            client.on('response', () => client.setRequests(next()));
          },
        }, server.pid),
      );
    }
    await drain(server, caughtUp[0]!.path);
    // One push of 1,000 visit logs in a single batch, median of 3 (a fresh device).
    const big = server.accounts[CONNECTIONS]!;
    const bigTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const body = pushBody(big.clientId, big.userId, 1 + run * 1000, 1000);
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${big.token}`, 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as { lastMutationId?: number };
      bigTimes.push(performance.now() - t0);
      if (res.status !== 200 || answer.lastMutationId !== (run + 1) * 1000) throw new Error(`push of 1,000: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    }

    const summarize = (name: string, label: string, list: LoadResult[], isPull: boolean) => {
      const rps = median(list.map((r) => r.rps));
      const p50 = median(list.map((r) => r.p50));
      const p99 = median(list.map((r) => r.p99));
      const errors = list.reduce((s, r) => s + r.errors, 0);
      const shares = list.map((r) => r.cpu).filter((c): c is NonNullable<typeof c> => c !== undefined);
      const cpuNote = shares.length
        ? `CPU share of the ${cpus().length} cores: load generator ${fmt(100 * median(shares.map((c) => c.generator)))} %, server process ${fmt(100 * median(shares.map((c) => c.server)))} %`
        : undefined;
      const ok = errors === 0 && (!isPull || (rps >= 1000 && p99 < 100));
      rows.push({
        bench: 'server',
        figure: `${backend}: ${label}`,
        value: `${fmt(rps)} req/s, p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, ${errors} errors`,
        bar: isPull ? '≥ 1,000 req/s, p99 < 100 ms, 0 errors' : '0 errors',
        verdict: isPull ? passIf(ok) : errors === 0 ? 'INFO' : 'FAIL',
        data: { runs: list, connections: CONNECTIONS, seconds: SECONDS },
        note: [name === 'push' ? `${PUSH_BATCH} visit logs per request: ${fmt(rps * PUSH_BATCH)} visit logs/s` : '', cpuNote ?? ''].filter(Boolean).join('; ') || undefined,
      });
    };
    if (SCENARIOS.has('public')) summarize('public', `public pull, ${PAGE}/page, ${CONNECTIONS} conns`, results.public!, true);
    if (SCENARIOS.has('caughtUp')) summarize('caughtUp', `public pull, caught up (empty page), ${CONNECTIONS} conns`, results.caughtUp!, true);
    if (SCENARIOS.has('aidant')) summarize('aidant', `aidant pull, ${PAGE}/page, ${CONNECTIONS} conns`, results.aidant!, true);
    if (SCENARIOS.has('push')) summarize('push', `push ${PUSH_BATCH} visit logs/request, ${CONNECTIONS} devices`, results.push!, false);
    // Reported with no bar (docs/performance.md): what the server holds in memory under the push load.
    const rssRuns = results.push!.map((r) => r.rssMb).filter((m): m is NonNullable<typeof m> => m !== undefined);
    if (rssRuns.length) {
      rows.push({
        bench: 'server',
        figure: `${backend}: server resident memory under the push load`,
        value: `peak ${fmt(Math.max(...rssRuns.map((m) => m.peak)))} MB`,
        reference: `at the end of each run: ${rssRuns.map((m) => fmt(m.end)).join(', ')} MB`,
        verdict: 'INFO',
        data: { runs: rssRuns },
      });
    }
    const bigMs = median(bigTimes);
    rows.push({
      bench: 'server',
      figure: `${backend}: push of 1,000 visit logs in one batch`,
      value: `${fmt(bigMs)} ms`,
      bar: '< 1 s',
      verdict: passIf(bigMs < 1000),
      data: { runsMs: bigTimes },
    });
  } finally {
    await server.close();
  }
  return rows;
}

export const serverBench: Bench = {
  name: 'server',
  description: 'sync server under 100 connections (autocannon, loopback) on PGlite and PostgreSQL; push of 1,000',
  async run(ctx) {
    // ESCALE_BENCH_BACKENDS=pglite (or postgres) runs one of the two.
    const only = process.env.ESCALE_BENCH_BACKENDS?.split(',').map((s) => s.trim());
    const rows = !only || only.includes('pglite') ? await scenarios(ctx, 'pglite') : [];
    if (only && !only.includes('postgres')) return rows;
    if (await postgresReachable()) rows.push(...(await scenarios(ctx, 'postgres')));
    else rows.push({ bench: 'server', figure: 'postgres', value: 'not reachable', verdict: 'SKIP', note: 'PostgreSQL not reachable at ESCALE_TEST_PG_URL or 127.0.0.1:5432' });
    return rows;
  },
};
