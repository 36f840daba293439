/**
 * A bench server in its own process (so the load generator and the server do not share
 * one event loop): the real app (createApp) on 127.0.0.1, on a fresh PGlite (from the
 * test template) or a given PostgreSQL database, seeded with the real territory, plus
 * optional generated places and aidant accounts with live sessions. Prints one line
 * `READY {json}` with its URL and the accounts' tokens; SIGTERM closes it.
 *
 * Run by startBenchServer() (./startBenchServer.ts), never by hand.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../src/server/db/migrate';
import { openPglite } from '../../../src/server/db/openPglite';
import { openPostgres } from '../../../src/server/db/openPostgres';
import { insertRecord, lockSyncWrites } from '../../../src/server/sync/store/records';
import { getTerritorySeed } from '../../../src/territories/index';
import { pgliteBackend, type Backend } from '../../server/support/backends';
import { createTestServer } from '../../server/support/createTestServer';
import { generatePlaces } from './records';

export interface BenchServerConfig {
  /** PostgreSQL URL of an existing empty database, or undefined for PGlite in memory. */
  databaseUrl?: string;
  distDir?: string;
  territoryId: string;
  /** Generated places added after the seed (same write path as the seed: insertRecord under the sync lock). */
  extraPlaces?: number;
  aidants?: number;
  /** Staff accounts (they pull every visit log of the territory). */
  staff?: number;
  /** Server config overrides (e.g. aidantHistoryDays). */
  serverConfig?: Record<string, unknown>;
}

/**
 * PGlite on a folder, as `npm start` runs it (ESCALE_DATA_DIR), in a fresh temporary one.
 * ESCALE_BENCH_PGLITE=memory: in memory instead (the tests' template; what the benchmark
 * measured until 2026-12-07), whose file system copies files to grow them and keeps all
 * the data in the process's memory.
 */
const pgliteFolder: Backend = {
  name: 'pglite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'escale-bench-pglite-'));
    const db = await openPglite(join(dir, 'db'));
    await migrate(db);
    return { db, drop: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  },
};

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ESCALE_BENCH_SERVER ?? '{}') as BenchServerConfig;
  const seed = getTerritorySeed(config.territoryId);
  if (!seed) throw new Error(`unknown territory ${config.territoryId}`);
  const backend: Backend = config.databaseUrl
    ? { name: 'postgres', open: async () => { const db = openPostgres(config.databaseUrl!, 20); return { db, drop: () => db.close() }; } }
    : process.env.ESCALE_BENCH_PGLITE === 'memory' ? pgliteBackend : pgliteFolder;
  const server = await createTestServer(backend, { seed, config: { territoryId: config.territoryId, ...(config.distDir ? { distDir: config.distDir } : {}), ...config.serverConfig } });

  const extra = config.extraPlaces ?? 0;
  const now = new Date();
  const places = generatePlaces(extra, config.territoryId);
  for (let i = 0; i < places.length; i += 2000) {
    const batch = places.slice(i, i + 2000);
    await server.db.transaction(async (tx) => {
      await lockSyncWrites(tx);
      for (const p of batch) await insertRecord(tx, { collection: 'place', id: p.id, territoryId: config.territoryId, data: p, now });
    });
  }
  // A database in service has planner statistics (PostgreSQL's autovacuum; PGlite's
  // autoAnalyze in openPglite.ts): take them now rather than measure the first minute of
  // a database loaded a second ago.
  await server.db.exec('ANALYZE');
  const accounts: Array<{ token: string; clientId: string; userId: string; login: string }> = [];
  for (let i = 0; i < (config.aidants ?? 0); i++) {
    const a = await server.createAccount('aidant');
    accounts.push({ token: a.token, clientId: a.clientId, userId: a.user.id, login: a.user.login });
  }

  const staff: Array<{ token: string; clientId: string; userId: string }> = [];
  for (let i = 0; i < (config.staff ?? 0); i++) {
    const a = await server.createAccount('staff');
    staff.push({ token: a.token, clientId: a.clientId, userId: a.user.id });
  }

  const http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
    process.stdout.write(`READY ${JSON.stringify({ url: `http://127.0.0.1:${info.port}`, accounts, staff, extraPlaces: extra })}\n`);
  });
  const shutdown = () => {
    http.close();
    server.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent going away must not leave this process behind.
  process.on('disconnect', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
