import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate';
import { openPostgres } from '../../src/server/db/openPostgres';
import { purgeTombstones } from '../../src/server/sync/store/purgeTombstones';
import { purgeVisitNotes } from '../../src/server/sync/store/visitNotes';
import { defaultConfig } from '../../src/server/config';
import { computeIndicators } from '../../src/shared/indicators/computeIndicators';
import type { Territory } from '../../src/shared/domain/territory';
import type { VisitLog } from '../../src/shared/domain/visitLog';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { REPO_ROOT } from '../support/server';
import { type Bench, type BenchContext, fmt, median, type Row } from './common';
import { generateVisit } from './support/records';
import { growTo, type ScaleDevice, type ScaleSizes, territoryOf } from './support/scaleData';
import { PG_MAINTENANCE_URL, postgresReachable } from './support/startBenchServer';

/**
 * `npm run bench -- scale` (issue 19): one PostgreSQL for many territories. The data is
 * written in SQL (support/scaleData.ts), then grown step by step — by default 1, 10 and
 * 100 territories of 500 places, 10 aidant devices and 1,000 visit logs per device over
 * one year each, so 50,000 places, 1,000 devices and 1,000,000 visit logs at the end —
 * and at each step the real server (createApp in its own process, support/scaleServer.ts)
 * is measured with autocannon on 127.0.0.1:
 *  - public pull: pages of 100, each connection one territory's pages (spread over the
 *    territories there are);
 *  - aidant pull: pages of 100, each connection one aidant device (own session, own
 *    visit logs of the last 90 days), spread over the territories;
 *  - push: batches of 10 visit logs, each connection its own device (a fixed number of
 *    devices at every step, so the figures compare);
 *  - the staff indicators: a staff account's whole pull from zero (pages of 2,000, as the
 *    app asks) then computeIndicators over the year, as the office screen does, on the
 *    step's newest territory before the step's pushes (so always a territory of the
 *    written size);
 *  - the retention jobs (purgeTombstones, purgeVisitNotes: they hold the sync write lock,
 *    so every push waits for them), beside the same statements without migration 008's
 *    indexes (dropped inside a transaction that is rolled back);
 *  - the database size.
 * The same territory ids, devices and sessions at every step: a step only adds data.
 * ESCALE_BENCH_SCALE=small runs the same code on a few hundred rows in seconds (the test
 * tests/server/scaleBench.test.ts); no figure of that mode means anything.
 * Not part of `npm run bench` without names: it writes about 2 GB and takes minutes.
 */
export interface ScalePlan {
  steps: number[];
  sizes: ScaleSizes;
  /** Connections of the pull scenarios. */
  connections: number;
  /** Devices pushing at once. */
  pushConnections: number;
  seconds: number;
  runs: number;
}

export const FULL_PLAN: ScalePlan = {
  steps: [1, 10, 100],
  sizes: { placesPerTerritory: 500, devicesPerTerritory: 10, visitsPerDevice: 1000 },
  connections: 100,
  pushConnections: 10,
  seconds: 5,
  runs: 3,
};

export const SMALL_PLAN: ScalePlan = {
  steps: [1, 2, 3],
  sizes: { placesPerTerritory: 30, devicesPerTerritory: 2, visitsPerDevice: 40 },
  connections: 4,
  pushConnections: 2,
  seconds: 1,
  runs: 1,
};

/** ESCALE_BENCH_SCALE=small, ESCALE_BENCH_SCALE_STEPS=1,10,100, ESCALE_BENCH_SECONDS. */
export function planFromEnv(env: NodeJS.ProcessEnv = process.env): ScalePlan {
  const base = env.ESCALE_BENCH_SCALE === 'small' ? SMALL_PLAN : FULL_PLAN;
  const steps = env.ESCALE_BENCH_SCALE_STEPS?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return {
    ...base,
    ...(steps?.length ? { steps: [...new Set(steps)].sort((a, b) => a - b) } : {}),
    ...(env.ESCALE_BENCH_SECONDS && env.ESCALE_BENCH_SCALE !== 'small' ? { seconds: Number(env.ESCALE_BENCH_SECONDS) } : {}),
  };
}

const PAGE = 100;
const STAFF_PAGE = 2000;
const PUSH_BATCH = 10;
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };
/** The indexes migration 008 adds, for the reference run without them. */
export const MIGRATION_008_INDEXES = ['record_tombstone_deleted', 'record_visit_clear_note'];

async function maintenance(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_MAINTENANCE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface ScaleServer { url: string; close(): Promise<void> }

async function startScaleServer(databaseUrl: string, territoryId: string): Promise<ScaleServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/support/scaleServer.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ESCALE_SCALE_SERVER: JSON.stringify({ databaseUrl, territoryId }) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`scale server not ready in 120 s:\n${out.slice(-2000)}`)), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.slice(6).trim());
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scale server exited (${code}):\n${out.slice(-2000)}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 8000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}

interface Load { rps: number; p50: number; p99: number; errors: number; requests: number }

async function load(plan: ScalePlan, opts: autocannon.Options): Promise<Load> {
  const r = await autocannon({ duration: plan.seconds, timeout: 10, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts, requests: r.requests.total };
}

/** Every page path of a pull from zero, as a device walks them (cursor of each answer). */
async function pagePaths(url: string, query: string, token?: string): Promise<string[]> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const paths: string[] = [];
  let cursor = '';
  for (let i = 0; i < 10_000; i++) {
    const path = `/api/sync/pull?${query}limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    paths.push(path);
    const res = await fetch(`${url}${path}`, { headers });
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as { cursor: string; hasMore: boolean };
    if (!body.hasMore) return paths;
    cursor = body.cursor;
  }
  throw new Error('pull did not end');
}

/** `count` devices spread over the first `territories` territories (one per territory in turn). */
function spread(plan: ScalePlan, territories: number, count: number): ScaleDevice[] {
  const out: ScaleDevice[] = [];
  for (let i = 0; i < count; i++) {
    const t = territoryOf((i % territories) + 1, plan.sizes);
    out.push(t.aidants[Math.floor(i / territories) % t.aidants.length]!);
  }
  return out;
}

/** Runs in batches of `size` at once (the paths walk is sequential per device). */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/**
 * Waits until the server has worked off what the previous scenario left queued (requests
 * the load generator gave up on still run on the server): a caught-up public pull must
 * answer in under 100 ms three times in a row, or 60 s pass. Without it, a slow
 * scenario's backlog is measured as the next one's time (as in server.ts).
 */
async function drain(url: string, path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${url}${path}`).then((r) => r.arrayBuffer(), () => undefined);
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface StepFigures {
  territories: number;
  counts: { places: number; devices: number; visits: number; mutationResults: number };
  growSeconds: number;
  public: Load[];
  aidant: Load[];
  push: Load[];
  staff: Array<{ pullMs: number; computeMs: number; records: number; visits: number }>;
  retention: { withMs: number[]; withoutMs: number[] };
  databaseBytes: number;
  recordBytes: number;
}

async function staffIndicators(url: string, staff: ScaleDevice): Promise<StepFigures['staff'][number]> {
  const t0 = performance.now();
  const changes: Array<{ collection: string; record?: unknown }> = [];
  let cursor = '';
  for (let i = 0; i < 10_000; i++) {
    const res = await fetch(`${url}/api/sync/pull?limit=${STAFF_PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { ...BROWSER_HEADERS, authorization: `Bearer ${staff.token}` } });
    if (res.status !== 200) throw new Error(`staff pull: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as { changes: Array<{ collection: string; record?: unknown }>; cursor: string; hasMore: boolean };
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  const pullMs = performance.now() - t0;
  const territory = changes.find((c) => c.collection === 'territory')?.record as Territory | undefined;
  const visits = changes.filter((c) => c.collection === 'visit' && c.record).map((c) => c.record as VisitLog);
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 366 * 86_400_000);
  const t1 = performance.now();
  const indicators = computeIndicators({
    from: yearAgo.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10),
    visits, sessions: [], coverage: [], communes: territory?.communes ?? [], territoryId: staff.territoryId,
  });
  const computeMs = performance.now() - t1;
  if (indicators.totals.visits !== visits.length) throw new Error(`indicators counted ${indicators.totals.visits} of ${visits.length} visit logs`);
  return { pullMs, computeMs, records: changes.length, visits: visits.length };
}

/** The retention statements' time without migration 008's indexes (dropped in a transaction, rolled back). */
async function retentionWithout(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DROP INDEX IF EXISTS ${MIGRATION_008_INDEXES.join(', ')}`);
    const before = new Date(Date.now() - 180 * 86_400_000);
    const t0 = performance.now();
    // The statements of purgeTombstones and purgeVisitNotes (src/server/sync/store/).
    await client.query('DELETE FROM record WHERE deleted_at IS NOT NULL AND deleted_at < $1 RETURNING server_seq', [before]);
    await client.query('DELETE FROM visit_note WHERE created_at < $1 RETURNING visit_id', [before]);
    await client.query("SELECT id FROM record WHERE collection = 'visit' AND deleted_at IS NULL AND data ? 'notes' AND created_at < $1", [before]);
    return performance.now() - t0;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function measureStep(ctx: BenchContext, plan: ScalePlan, databaseUrl: string, territories: number, growSeconds: number): Promise<StepFigures> {
  const db = openPostgres(databaseUrl, 2);
  const server = await startScaleServer(databaseUrl, territoryOf(1, plan.sizes).id);
  try {
    const label = `scale/${territories}`;
    // Public: each connection one territory's pages.
    const publicTerritories = Math.min(territories, plan.connections);
    const publicPaths = await inBatches(Array.from({ length: publicTerritories }, (_, i) => territoryOf(i + 1, plan.sizes).id), 10,
      (id) => pagePaths(server.url, `territory=${id}&`));
    const aidants = spread(plan, territories, Math.min(plan.connections, territories * plan.sizes.devicesPerTerritory));
    const aidantPaths = await inBatches(aidants, 10, (d) => pagePaths(server.url, '', d.token));
    const pushers = spread(plan, territories, plan.pushConnections);
    // The end of territory 1's directory: what a caught-up device asks.
    const lastPage = publicPaths[0]!.at(-1)!;
    const end = ((await (await fetch(`${server.url}${lastPage}`)).json()) as { cursor: string }).cursor;
    const settle = () => drain(server.url, `/api/sync/pull?territory=${territoryOf(1, plan.sizes).id}&limit=${PAGE}&cursor=${end}`);
    // Warm-up (JIT, pools, PostgreSQL's caches), not counted.
    let w = 0;
    await autocannon({ url: server.url, connections: Math.min(20, plan.connections), duration: Math.min(2, plan.seconds), setupClient: (c) => c.setRequests(publicPaths[w++ % publicPaths.length]!.map((path) => ({ method: 'GET', path, headers: BROWSER_HEADERS }))) });

    const figures: StepFigures = {
      territories, growSeconds, public: [], aidant: [], push: [], staff: [], retention: { withMs: [], withoutMs: [] }, databaseBytes: 0, recordBytes: 0,
      counts: { places: 0, devices: 0, visits: 0, mutationResults: 0 },
    };
    // The staff indicators of the step's newest territory, before any push of the step: a
    // territory of the written size at every step (the pushes add to territories 1–10, so
    // territory 1 grows run by run and would make the growth ratio measure the pushes).
    const staff = territoryOf(territories, plan.sizes).staff;
    for (let run = 0; run < plan.runs; run++) figures.staff.push(await staffIndicators(server.url, staff));
    for (let run = 0; run < plan.runs; run++) {
      ctx.log(`${label}: run ${run + 1}/${plan.runs}: public pull, aidant pull, push (${plan.seconds} s each), retention`);
      await settle();
      let p = 0;
      figures.public.push(await load(plan, {
        url: server.url, connections: plan.connections,
        setupClient: (c) => c.setRequests(publicPaths[p++ % publicPaths.length]!.map((path) => ({ method: 'GET', path, headers: BROWSER_HEADERS }))),
      }));
      await settle();
      let a = 0;
      figures.aidant.push(await load(plan, {
        url: server.url, connections: plan.connections,
        setupClient: (c) => {
          const i = a++ % aidants.length;
          const headers = { ...BROWSER_HEADERS, authorization: `Bearer ${aidants[i]!.token}` };
          c.setRequests(aidantPaths[i]!.map((path) => ({ method: 'GET', path, headers })));
        },
      }));
      await settle();
      // Each device goes on from the server's lastMutationId, as a real one would.
      const { rows } = await db.query<{ client_id: string; last_mutation_id: string }>(
        'SELECT client_id::text, last_mutation_id FROM sync_client WHERE client_id = ANY($1::uuid[])', [pushers.map((d) => d.clientId)],
      );
      const next = new Map(rows.map((r) => [r.client_id, Number(r.last_mutation_id) + 1]));
      let q = 0;
      figures.push.push(await load(plan, {
        url: server.url, connections: pushers.length,
        setupClient: (c) => {
          const d = pushers[q++ % pushers.length]!;
          const headers = { ...BROWSER_HEADERS, authorization: `Bearer ${d.token}`, 'content-type': 'application/json' };
          const body = () => {
            const first = next.get(d.clientId) ?? 1;
            next.set(d.clientId, first + PUSH_BATCH);
            const mutations = Array.from({ length: PUSH_BATCH }, (_, i) => ({ id: first + i, name: 'visit.create@1', args: generateVisit(d.territoryId, d.userId, first + i) }));
            return [{ method: 'POST' as const, path: '/api/sync/push', headers, body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId: d.clientId, mutations }) }];
          };
          c.setRequests(body());
          c.on('response', () => c.setRequests(body()));
        },
      }));
      await settle();
      const config = defaultConfig();
      const t0 = performance.now();
      await purgeTombstones(db, new Date(), config.tombstoneRetentionDays);
      await purgeVisitNotes(db, new Date(), config.notesRetentionDays);
      figures.retention.withMs.push(performance.now() - t0);
      figures.retention.withoutMs.push(await retentionWithout(databaseUrl));
    }
    const { rows } = await db.query<Record<string, string>>(
      `SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('record') AS record,
              (SELECT count(*) FROM record WHERE collection = 'place') AS places, (SELECT count(*) FROM sync_client) AS devices,
              (SELECT count(*) FROM record WHERE collection = 'visit') AS visits, (SELECT count(*) FROM mutation_result) AS results`,
    );
    const r = rows[0]!;
    figures.databaseBytes = Number(r.db);
    figures.recordBytes = Number(r.record);
    figures.counts = { places: Number(r.places), devices: Number(r.devices), visits: Number(r.visits), mutationResults: Number(r.results) };
    return figures;
  } finally {
    await server.close();
    await db.close();
  }
}

const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;
const loadText = (l: Load[]) => `${fmt(median(l.map((x) => x.rps)))} req/s, p50 ${fmt(median(l.map((x) => x.p50)))} ms, p99 ${fmt(median(l.map((x) => x.p99)))} ms, ${l.reduce((s, x) => s + x.errors, 0)} errors`;

function rowsOf(plan: ScalePlan, steps: StepFigures[], small: boolean): Row[] {
  const rows: Row[] = [];
  const note = small ? 'ESCALE_BENCH_SCALE=small: a check of the benchmark, not a figure' : undefined;
  for (const s of steps) {
    const at = `${s.territories} territor${s.territories === 1 ? 'y' : 'ies'}`;
    const push = median(s.push.map((x) => x.rps));
    const staffMs = median(s.staff.map((x) => x.pullMs + x.computeMs));
    const retention = median(s.retention.withMs);
    const without = median(s.retention.withoutMs);
    rows.push(
      { bench: 'scale', figure: `${at}: data`, value: `${fmt(s.counts.places)} places, ${fmt(s.counts.devices)} devices, ${fmt(s.counts.visits)} visit logs`, reference: `${fmt(s.territories * plan.sizes.devicesPerTerritory * plan.sizes.visitsPerDevice)} visit logs written in ${fmt(s.growSeconds)} s, the rest pushed by the runs`, verdict: 'INFO', data: { ...s.counts, growSeconds: s.growSeconds }, ...(note ? { note } : {}) },
      { bench: 'scale', figure: `${at}: database size`, value: mb(s.databaseBytes), reference: `record table with its indexes ${mb(s.recordBytes)}`, verdict: 'INFO', data: { databaseBytes: s.databaseBytes, recordBytes: s.recordBytes } },
      { bench: 'scale', figure: `${at}: public pull, ${PAGE}/page, ${plan.connections} conns`, value: loadText(s.public), verdict: s.public.some((x) => x.errors) ? 'FAIL' : 'INFO', data: { runs: s.public } },
      { bench: 'scale', figure: `${at}: aidant pull, ${PAGE}/page, ${plan.connections} conns`, value: loadText(s.aidant), verdict: s.aidant.some((x) => x.errors) ? 'FAIL' : 'INFO', data: { runs: s.aidant } },
      { bench: 'scale', figure: `${at}: push ${PUSH_BATCH} visit logs/request, ${plan.pushConnections} devices`, value: loadText(s.push), reference: `${fmt(push * PUSH_BATCH)} visit logs/s`, verdict: s.push.some((x) => x.errors) ? 'FAIL' : 'INFO', data: { runs: s.push } },
      {
        bench: 'scale', figure: `${at}: staff indicators (the newest territory's whole pull + computeIndicators, one year)`, value: `${fmt(staffMs)} ms`,
        reference: `pull ${fmt(median(s.staff.map((x) => x.pullMs)))} ms (${fmt(s.staff[0]!.records)} records, ${fmt(s.staff[0]!.visits)} visit logs), compute ${fmt(median(s.staff.map((x) => x.computeMs)))} ms`,
        verdict: 'INFO', data: { runs: s.staff },
      },
      {
        bench: 'scale', figure: `${at}: retention jobs (hold the sync write lock)`, value: `${fmt(retention, 1)} ms`,
        reference: `without migration 008's indexes ${fmt(without, 1)} ms`, ratio: retention > 0 ? `${fmt(without / retention, 1)}×` : undefined,
        verdict: 'INFO', data: s.retention,
      },
    );
  }
  if (steps.length >= 2) {
    const [first, last] = [steps[0]!, steps[steps.length - 1]!];
    const p99 = (l: Load[]) => median(l.map((x) => x.p99));
    const ratio = (a: number, b: number) => (a > 0 ? `×${fmt(b / a, 1)}` : 'n/a');
    rows.push({
      bench: 'scale', figure: `growth ${first.territories} → ${last.territories} territories`,
      value: `public p99 ${ratio(p99(first.public), p99(last.public))}, aidant p99 ${ratio(p99(first.aidant), p99(last.aidant))}, push ${ratio(median(first.push.map((x) => x.rps)), median(last.push.map((x) => x.rps)))}, staff indicators ${ratio(median(first.staff.map((x) => x.pullMs + x.computeMs)), median(last.staff.map((x) => x.pullMs + x.computeMs)))}, retention ${ratio(median(first.retention.withMs), median(last.retention.withMs))} (without 008: ${ratio(median(first.retention.withoutMs), median(last.retention.withoutMs))}), database ${ratio(first.databaseBytes, last.databaseBytes)}`,
      verdict: 'INFO',
    });
  }
  return rows;
}

/** The whole benchmark on a fresh database `escale_scale_<random>`, dropped at the end. */
export async function runScale(ctx: BenchContext, plan: ScalePlan, small = false): Promise<Row[]> {
  const name = `escale_scale_${randomBytes(5).toString('hex')}`;
  await maintenance(`CREATE DATABASE ${name}`);
  const url = new URL(PG_MAINTENANCE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    const db = openPostgres(databaseUrl, 1);
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    const steps: StepFigures[] = [];
    let have = 0;
    for (const territories of plan.steps) {
      ctx.log(`scale: writing territories ${have + 1}–${territories} (${plan.sizes.placesPerTerritory} places, ${plan.sizes.devicesPerTerritory} devices, ${fmt(plan.sizes.devicesPerTerritory * plan.sizes.visitsPerDevice)} visit logs each)`);
      const seconds = await growTo(databaseUrl, have, territories, plan.sizes);
      have = territories;
      steps.push(await measureStep(ctx, plan, databaseUrl, territories, seconds));
    }
    return rowsOf(plan, steps, small);
  } finally {
    // ESCALE_BENCH_SCALE_KEEP=1 keeps the database to look at its plans (EXPLAIN ANALYZE) afterwards.
    if (process.env.ESCALE_BENCH_SCALE_KEEP === '1') ctx.log(`scale: database kept: ${databaseUrl}`);
    else await maintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
}

export const scaleBench: Bench = {
  name: 'scale',
  description: 'one PostgreSQL, 1 → 10 → 100 territories (50,000 places, 1,000 devices, 1,000,000 visit logs): pulls, push, staff indicators, retention, size',
  onlyByName: true,
  async run(ctx) {
    if (!(await postgresReachable())) return [{ bench: 'scale', figure: 'postgres', value: 'not reachable', verdict: 'SKIP', note: 'PostgreSQL not reachable at ESCALE_TEST_PG_URL or 127.0.0.1:5432' }];
    return runScale(ctx, planFromEnv(), process.env.ESCALE_BENCH_SCALE === 'small');
  },
};
