import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadMigrations, migrate } from '../../../src/server/db/migrate';
import type { Database } from '../../../src/server/db/Database';
import { wrapPglite } from '../../../src/server/db/openPglite';
import { openPostgres } from '../../../src/server/db/openPostgres';

/**
 * The databases every server test runs on: PGlite in memory always, and real PostgreSQL
 * when reachable (set ESCALE_TEST_PG=0 to skip it, ESCALE_TEST_PG_URL to point elsewhere).
 * Each `open()` makes a brand-new database (PostgreSQL: `CREATE DATABASE escale_t_<random>`,
 * dropped on close), so tests never share state.
 *
 *   describe.each(backends)('push on $name', (backend) => { … });
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** `url`: the PostgreSQL database's address, for a command run in another process. */
  open(): Promise<{ db: Database; drop: () => Promise<void>; url?: string }>;
}

const MAINTENANCE_URL = process.env.ESCALE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  if (process.env.ESCALE_TEST_PG === '0') return false;
  const client = new pg.Client({ connectionString: MAINTENANCE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function maintenance<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PGlite costs 5–15 s here (initdb in WebAssembly); loading a dump of an already
 * initialised and migrated data dir costs 1–3 s. The dump is cached in the temp folder,
 * keyed by the migrations' text, and shared by test processes (written then renamed, so
 * a concurrent reader never sees half a file).
 */
let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const key = createHash('sha256').update(JSON.stringify(loadMigrations())).digest('hex').slice(0, 16);
    const file = join(tmpdir(), `escale-pglite-template-${key}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const fresh = await PGlite.create('memory://');
    await migrate(wrapPglite(fresh));
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    return dump;
  })();
  return template;
}

export const pgliteBackend: Backend = {
  name: 'pglite',
  async open() {
    const db = wrapPglite(await PGlite.create({ loadDataDir: await pgliteTemplate() }));
    return { db, drop: () => db.close() };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async open() {
    const name = `escale_t_${randomBytes(6).toString('hex')}`;
    await maintenance((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(MAINTENANCE_URL);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 30);
    return {
      db,
      url: url.toString(),
      async drop() {
        await db.close();
        await maintenance((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  },
};

export const postgresAvailable = await postgresReachable();

/** PGlite, then PostgreSQL when reachable. */
export const backends: Backend[] = postgresAvailable ? [pgliteBackend, postgresBackend] : [pgliteBackend];
