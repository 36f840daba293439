import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../bench/common';
import { planFromEnv, runScale, SMALL_PLAN } from '../bench/scale';
import { COLLECTION_SCHEMAS } from '../../src/shared/sync/collections';
import { growTo } from '../bench/support/scaleData';
import { postgresAvailable, postgresBackend } from './support/backends';
import { migrate } from '../../src/server/db/migrate';

// The code of `npm run bench -- scale` (tests/bench/scale.ts), run in its small mode
// (ESCALE_BENCH_SCALE=small): the same data generator, server process, load scenarios and
// table on a few hundred rows. Checks what it wrote and reported, never a timing.

const MAINTENANCE_URL = process.env.ESCALE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function scaleDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'escale_scale_%'");
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresAvailable)('the scale benchmark’s data generator', () => {
  it('writes records every shared schema accepts, each territory’s own, in time order', async () => {
    const { db, drop } = await postgresBackend.open();
    try {
      await migrate(db);
      // The generator takes a URL: the backend's database, found by name.
      const { rows: [me] } = await db.query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(MAINTENANCE_URL);
      url.pathname = `/${me!.name}`;
      await growTo(url.toString(), 0, 2, { placesPerTerritory: 5, devicesPerTerritory: 2, visitsPerDevice: 6 });
      const { rows } = await db.query<{ collection: string; territory_id: string; created_at: Date; data: Record<string, unknown> }>(
        'SELECT collection, territory_id, created_at, data FROM record ORDER BY server_seq',
      );
      expect(rows.filter((r) => r.collection === 'territory').map((r) => r.territory_id)).toEqual(['scale-001', 'scale-002']);
      expect(rows.filter((r) => r.collection === 'place').length).toBe(10);
      const visits = rows.filter((r) => r.collection === 'visit');
      expect(visits.length).toBe(2 * 2 * 6);
      for (const r of rows) {
        const checked = COLLECTION_SCHEMAS[r.collection as keyof typeof COLLECTION_SCHEMAS].safeParse(r.data);
        expect(checked.success, `${r.collection} ${JSON.stringify(checked.error?.issues)}`).toBe(true);
        expect(r.collection === 'territory' ? r.data.id : r.data.territoryId).toBe(r.territory_id);
      }
      // Seq order is time order within a territory, over one year.
      for (const t of ['scale-001', 'scale-002']) {
        const times = visits.filter((v) => v.territory_id === t).map((v) => v.created_at.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(times.at(-1)! - times[0]!).toBeGreaterThan(300 * 86_400_000);
      }
      const { rows: counts } = await db.query<{ results: number; devices: number; sessions: number }>(
        'SELECT (SELECT count(*)::int FROM mutation_result) AS results, (SELECT count(*)::int FROM sync_client) AS devices, (SELECT count(*)::int FROM session_token) AS sessions',
      );
      expect(counts[0]).toEqual({ results: 24, devices: 6, sessions: 6 });
    } finally {
      await drop();
    }
  });
});

describe.skipIf(!postgresAvailable)('the scale benchmark, small mode, on PostgreSQL', () => {
  let rows: Row[];
  let tmp: string;
  let before: string[];
  const logs: string[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'escale-scale-'));
    before = await scaleDatabases();
    rows = await runScale({ tmp, log: (m) => logs.push(m), distDir: () => Promise.reject(new Error('no build needed')) }, SMALL_PLAN, true);
  }, 240_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('ESCALE_BENCH_SCALE=small chooses the small plan; steps can be named', () => {
    expect(planFromEnv({ ESCALE_BENCH_SCALE: 'small' })).toEqual(SMALL_PLAN);
    expect(planFromEnv({}).steps).toEqual([1, 10, 100]);
    expect(planFromEnv({}).sizes).toEqual({ placesPerTerritory: 500, devicesPerTerritory: 10, visitsPerDevice: 1000 });
    expect(planFromEnv({ ESCALE_BENCH_SCALE_STEPS: '10,1,x,10' }).steps).toEqual([1, 10]);
  });

  it('writes each step’s data: territories, places, devices and a year of visit logs, plus the pushes it measured', () => {
    const { placesPerTerritory, devicesPerTerritory, visitsPerDevice } = SMALL_PLAN.sizes;
    for (const n of SMALL_PLAN.steps) {
      const data = rows.find((r) => r.figure === `${n} territor${n === 1 ? 'y' : 'ies'}: data`)!;
      expect(data, `data row of step ${n}`).toBeDefined();
      // One staff device per territory besides the aidants'.
      expect(data.data).toMatchObject({ places: n * placesPerTerritory, devices: n * (devicesPerTerritory + 1) });
      const visits = data.data!.visits as number;
      // The generated year, plus what the push runs of this step and the earlier ones added.
      expect(visits).toBeGreaterThan(n * devicesPerTerritory * visitsPerDevice);
      expect(data.data!.mutationResults).toBe(visits);
    }
  });

  it('reports every figure of every step, with no error and no failed request', () => {
    expect(rows.filter((r) => r.verdict === 'ERROR' || r.verdict === 'FAIL')).toEqual([]);
    for (const n of SMALL_PLAN.steps) {
      const at = `${n} territor${n === 1 ? 'y' : 'ies'}`;
      const figures = rows.filter((r) => r.figure.startsWith(`${at}:`)).map((r) => r.figure.slice(at.length + 2).split(',')[0]);
      expect(figures).toEqual(['data', 'database size', 'public pull', 'aidant pull', 'push 10 visit logs/request', "staff indicators (the newest territory's whole pull + computeIndicators", 'retention jobs (hold the sync write lock)']);
      const staff = rows.find((r) => r.figure.startsWith(`${at}: staff indicators`))!;
      // The staff pulled its whole territory, the step's newest, before any push reached it:
      // exactly the visit logs written for its devices, at every step and in every run.
      const runs = staff.data!.runs as Array<{ visits: number; records: number }>;
      expect(runs.map((r) => r.visits)).toEqual(runs.map(() => SMALL_PLAN.sizes.devicesPerTerritory * SMALL_PLAN.sizes.visitsPerDevice));
      const run = runs[0]!;
      expect(run.records).toBeGreaterThan(run.visits + SMALL_PLAN.sizes.placesPerTerritory);
      for (const kind of ['public pull', 'aidant pull', 'push']) {
        const load = rows.find((r) => r.figure.startsWith(`${at}: ${kind}`))!;
        const runs = load.data!.runs as Array<{ requests: number; errors: number }>;
        expect(runs.length).toBe(SMALL_PLAN.runs);
        expect(runs[0]!.requests, `${at} ${kind}`).toBeGreaterThan(0);
      }
    }
    expect(rows.at(-1)!.figure).toBe('growth 1 → 3 territories');
  });

  it('drops its database at the end', async () => {
    expect((await scaleDatabases()).filter((d) => !before.includes(d))).toEqual([]);
  });
});
