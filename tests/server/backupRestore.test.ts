import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { REBASE_MARGIN } from '../../src/server/cli/afterRestoreSql';
import type { Database } from '../../src/server/db/Database';
import { wrapPglite } from '../../src/server/db/openPglite';
import { openPostgres } from '../../src/server/db/openPostgres';
import { postgresAvailable } from './support/backends';
import { killLeftoverServers, pullAll, pushMutations, runScript, signIn, startEscale, type EscaleProcess } from './support/escaleProcess';
import { makeVisit } from './support/fixtures';
import { snapshotForRestore, type RestoreSnapshot } from './support/snapshotForRestore';

// The backup and restore commands (`npm run db:backup -- <file>`, `npm run db:restore --
// <file> [--force]`, src/server/cli/) run for real, as docs/deploy.md tells an operator to
// run them, between real starts of the server: data written through the real HTTP API
// (an account made by the admin API, a visit log and a directory edit pushed), backed up,
// more written after the backup, then restored into a fresh target and over the old one.
// Checked: every row comes back, the records keep their order, a device holding a cursor
// from before or after the backup is told to reset (and then syncs without a loop), and
// every refusal writes nothing.

const TERRITORY = 'civraisien-en-poitou';
const ADMIN_PASSWORD = 'mot-de-passe-admin-sauvegarde';
const AIDANT_PASSWORD = 'mot-de-passe-de-marie-42';
const PG_URL = process.env.ESCALE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const work = mkdtempSync(join(tmpdir(), 'escale-backup-'));
afterAll(() => {
  killLeftoverServers();
  rmSync(work, { recursive: true, force: true });
});

interface Device { clientId: string; login: string; password: string }

/** An aidant account made by the admin, one visit log pushed by its tablet, one directory edit by the admin. */
async function writeActivity(url: string): Promise<Device> {
  const adminClient = randomUUID();
  const admin = await signIn(url, 'admin', ADMIN_PASSWORD, adminClient);
  const created = await fetch(`${url}/api/admin/accounts`, {
    method: 'POST', headers: admin.headers,
    body: JSON.stringify({ login: 'marie', displayName: 'Marie D.', role: 'aidant', password: AIDANT_PASSWORD }),
  });
  expect(created.status).toBe(201);
  const device: Device = { clientId: randomUUID(), login: 'marie', password: AIDANT_PASSWORD };
  const aidant = await signIn(url, device.login, device.password, device.clientId);
  const visit = await pushMutations(url, aidant.headers, device.clientId, [{ id: 1, name: 'visit.create@1', args: makeVisit(TERRITORY, aidant.userId) }]);
  expect(visit.body.results).toEqual([{ id: 1, status: 'applied' }]);
  const all = await pullAll(url, admin.headers);
  if ('reset' in all) throw new Error('unexpected reset');
  const place = all.changes.find((c) => c.collection === 'place' && c.op === 'put')!;
  const edit = await pushMutations(url, admin.headers, adminClient, [
    { id: 1, name: 'place.update@1', args: { id: place.id, baseVersion: place.version, patch: { name: 'Lieu renommé avant la sauvegarde' } } },
  ]);
  expect(edit.body.results).toEqual([{ id: 1, status: 'applied' }]);
  return device;
}

/** What the aidant's tablet holds after a full pull: its cursor. */
async function deviceCursor(url: string, device: Device): Promise<string> {
  const { headers } = await signIn(url, device.login, device.password, device.clientId);
  const all = await pullAll(url, headers);
  if ('reset' in all) throw new Error('unexpected reset');
  return all.cursor;
}

/** One more visit log from the same tablet (mutation id 2), after the backup. */
async function writeAfterBackup(url: string, device: Device): Promise<void> {
  const aidant = await signIn(url, device.login, device.password, device.clientId);
  const res = await pushMutations(url, aidant.headers, device.clientId, [{ id: 2, name: 'visit.create@1', args: makeVisit(TERRITORY, aidant.userId) }]);
  expect(res.body.results).toEqual([{ id: 2, status: 'applied' }]);
}

/**
 * On the restored server: both cursors the tablet may hold (from before and after the
 * backup) answer reset; a pull from zero brings the backup's state (one visit log), and
 * the cursor it ends on does not reset again. Its next push (id 3) is a gap that names
 * id 2, the one the restored database expects, which the tablet renumbers to.
 */
async function checkDevicesAfterRestore(url: string, device: Device, cursors: string[]): Promise<void> {
  const aidant = await signIn(url, device.login, device.password, device.clientId);
  for (const cursor of cursors) expect(await pullAll(url, aidant.headers, cursor)).toEqual({ reset: true });
  const fresh = await pullAll(url, aidant.headers);
  if ('reset' in fresh) throw new Error('a pull from zero answered reset');
  expect(fresh.changes.filter((c) => c.collection === 'visit')).toHaveLength(1);
  expect(fresh.changes.find((c) => c.collection === 'place' && c.record?.name === 'Lieu renommé avant la sauvegarde')).toBeDefined();
  const again = await pullAll(url, aidant.headers, fresh.cursor);
  expect(again).toEqual({ changes: [], cursor: fresh.cursor });
  const gap = await pushMutations(url, aidant.headers, device.clientId, [{ id: 3, name: 'visit.create@1', args: makeVisit(TERRITORY, aidant.userId) }]);
  expect(gap.status).toBe(409);
  expect(gap.body).toMatchObject({ code: 'mutation_gap', expected: 2 });
}

/** Same rows, same record order; sequence moved past the old one by the margin, horizon under every row. */
function expectRestoredFrom(restored: RestoreSnapshot, backup: RestoreSnapshot): void {
  expect(restored.rows).toBe(backup.rows);
  expect(restored.order).toEqual(backup.order);
  expect(restored.horizon).toBeGreaterThanOrEqual(backup.maxSeq + REBASE_MARGIN);
  expect(restored.minSeq).toBe(restored.horizon + 1);
  expect(restored.maxSeq).toBe(restored.horizon + restored.order.length);
}

async function withPglite<T>(dir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = wrapPglite(await PGlite.create(dir));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Files of `dir` whose name says a tool left something behind. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => /partial|restoring/.test(f));

describe('db:backup / db:restore on PGlite', () => {
  it('backs up a stopped server, refuses a running one, restores into a new folder and over the old one', async () => {
    const dir = join(work, 'pglite-db');
    const env = { ESCALE_DATA_DIR: dir, ESCALE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const backup = join(work, 'escale.pglite.tar.gz');

    let server: EscaleProcess = await startEscale(env);
    const device = await writeActivity(server.url);
    const held = await runScript('db:backup', [backup], env);
    expect(held.code, held.stderr).toBe(2);
    expect(held.stderr).toContain(`ouvert par un autre programme (processus ${server.pid})`);
    expect(held.stderr).toContain(`open in another program (process ${server.pid})`);
    expect(existsSync(backup)).toBe(false);
    expect(leftovers(work)).toEqual([]);
    const cursorBefore = await deviceCursor(server.url, device);
    expect(await server.stop()).toBe(0);

    const atBackup = await withPglite(dir, snapshotForRestore);
    const made = await runScript('db:backup', [backup], env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Sauvegarde écrite : .*escale\.pglite\.tar\.gz \(.*PGlite, schéma \d+, \d+ enregistrements, 2 comptes\)/);
    expect(made.stdout).toContain('Backup written:');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(leftovers(work)).toEqual([]);
    const again = await runScript('db:backup', [backup], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('une sauvegarde n’est jamais écrasée');

    server = await startEscale(env);
    await writeAfterBackup(server.url, device);
    const cursorAfter = await deviceCursor(server.url, device);
    expect(await server.stop()).toBe(0);
    expect((await withPglite(dir, snapshotForRestore)).visits).toBe(2);

    // Into a new folder.
    const fresh = join(work, 'pglite-fresh');
    const into = await runScript('db:restore', [backup], { ESCALE_DATA_DIR: fresh });
    expect(into.code, into.stderr).toBe(0);
    expect(into.stdout).toContain(`PGlite folder ${fresh} restored from ${backup}`);
    expectRestoredFrom(await withPglite(fresh, snapshotForRestore), atBackup);

    // Over the old folder: refused without --force, then replaced, the old one kept aside.
    const refused = await runScript('db:restore', [backup], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('n’est pas vide : ajoutez --force');
    expect((await withPglite(dir, snapshotForRestore)).visits).toBe(2);
    const forced = await runScript('db:restore', [backup, '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    const aside = readdirSync(work).filter((f) => f.startsWith('pglite-db.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(forced.stdout).toContain(aside[0]);
    expect((await withPglite(join(work, aside[0]!), snapshotForRestore)).visits).toBe(2);
    expectRestoredFrom(await withPglite(dir, snapshotForRestore), atBackup);
    expect(leftovers(work)).toEqual([]);

    server = await startEscale(env);
    expect(server.output()).not.toContain('seeded');
    await checkDevicesAfterRestore(server.url, device, [cursorBefore, cursorAfter]);
    expect(await server.stop()).toBe(0);

    // A backup made by a newer Escale (a migration this code does not know) is refused.
    await withPglite(dir, (db) => db.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999_from_the_future')"));
    const future = join(work, 'future.pglite.tar.gz');
    expect((await runScript('db:backup', [future], env)).code).toBe(0);
    const newer = await runScript('db:restore', [future], { ESCALE_DATA_DIR: join(work, 'pglite-future') });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain('version plus récente d’Escale (schéma 999');
    expect(newer.stderr).toContain('newer Escale (schema 999');
    expect(existsSync(join(work, 'pglite-future'))).toBe(false);
    expect(leftovers(work)).toEqual([]);
  }, 300_000);

  it('bad arguments and bad files: a clear message, a non-zero exit, nothing written', async () => {
    const dir = join(work, 'args');
    const env = { ESCALE_DATA_DIR: join(dir, 'db') };
    const run = (script: string, args: string[]) => runScript(script, args, env);
    const garbage = join(work, 'garbage.bin');
    writeFileSync(garbage, 'ceci n’est pas une sauvegarde');
    const notPglite = join(work, 'not-pglite.tar.gz');
    writeFileSync(notPglite, gzipSync(Buffer.from('pas une base')));
    const pgDump = join(work, 'fake.dump');
    writeFileSync(pgDump, 'PGDMP\u0001\u000e\u0000');

    const cases: Array<[string, string[], 1 | 2, RegExp]> = [
      ['db:backup', [], 2, /Donnez un seul fichier[\s\S]*usage: npm run db:backup/],
      ['db:backup', ['a', 'b'], 2, /Give exactly one file/],
      ['db:backup', ['--bogus', 'x'], 2, /Unknown option '--bogus'/],
      ['db:backup', [join(work, 'out.tar.gz')], 2, /Aucune base PGlite dans .*args\/db[\s\S]*No PGlite database/],
      ['db:backup', [join(work, 'missing-folder', 'out.tar.gz')], 2, /Aucune base PGlite/],
      ['db:restore', [], 2, /usage: npm run db:restore -- <fichier\|file> \[--force\]/],
      ['db:restore', [join(work, 'nope.tar.gz')], 2, /Fichier introuvable[\s\S]*File not found/],
      ['db:restore', [garbage], 2, /n’est pas une sauvegarde Escale[\s\S]*is not an Escale backup/],
      ['db:restore', [pgDump], 2, /sauvegarde PostgreSQL \(pg_dump\)[\s\S]*set DATABASE_URL/],
      ['db:restore', [notPglite], 1, /ne s’ouvre pas comme une base PGlite[\s\S]*does not open as a PGlite database/],
    ];
    for (const [script, args, code, message] of cases) {
      const r = await run(script, args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stderr, 'a refusal is a message, not a stack trace').not.toMatch(/\n\s+at /);
    }
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(join(work, 'out.tar.gz'))).toBe(false);
    expect(leftovers(work)).toEqual([]);
    expect(readFileSync(garbage, 'utf8')).toBe('ceci n’est pas une sauvegarde');
  }, 120_000);
});

describe.skipIf(!postgresAvailable)('db:backup / db:restore on PostgreSQL', () => {
  const made: string[] = [];
  const admin = () => new pg.Client({ connectionString: PG_URL });
  async function createDatabase(): Promise<string> {
    const name = `escale_t_bk_${randomUUID().slice(0, 8)}`;
    const c = admin();
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
    made.push(name);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }
  afterAll(async () => {
    const c = admin();
    await c.connect();
    for (const name of made) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  async function withPostgres<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
    const db = openPostgres(url, 1);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const tableCount = (url: string) => withPostgres(url, async (db) => Number((await db.query<{ n: unknown }>(
    "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0]!.n));

  it('backs up a running server, refuses to restore under it, restores into a new database and over the old one', async () => {
    const url = await createDatabase();
    const env = { DATABASE_URL: url, ESCALE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const backup = join(work, 'escale.dump');

    let server = await startEscale(env);
    const device = await writeActivity(server.url);
    const cursorBefore = await deviceCursor(server.url, device);
    // pg_dump reads one snapshot: no need to stop the servers.
    const dumped = await runScript('db:backup', [backup], env);
    expect(dumped.code, dumped.stderr).toBe(0);
    expect(dumped.stdout).toMatch(/Backup written: .*escale\.dump \(.*PostgreSQL, schema \d+, \d+ records, 2 accounts\)/);
    expect(readFileSync(backup).subarray(0, 5).toString()).toBe('PGDMP');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const atBackup = await withPostgres(url, snapshotForRestore);

    const underServer = await runScript('db:restore', [backup, '--force'], env);
    expect(underServer.code).toBe(2);
    expect(underServer.stderr).toMatch(/\d+ autre\(s\) connexion\(s\) ouverte\(s\)[\s\S]*other connection\(s\) open on this database/);
    await writeAfterBackup(server.url, device);
    const cursorAfter = await deviceCursor(server.url, device);
    expect(await server.stop()).toBe(0);
    const beforeRestore = await withPostgres(url, snapshotForRestore);
    expect(beforeRestore.visits).toBe(2);

    // Into a new database (createdb, then restore).
    const fresh = await createDatabase();
    const into = await runScript('db:restore', [backup], { DATABASE_URL: fresh });
    expect(into.code, into.stderr).toBe(0);
    expect(into.stdout).toContain(`PostgreSQL database restored from ${backup}`);
    expectRestoredFrom(await withPostgres(fresh, snapshotForRestore), atBackup);

    // Over the old database: refused without --force; a damaged archive changes nothing.
    const refused = await runScript('db:restore', [backup], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('La base n’est pas vide : ajoutez --force');
    const truncated = join(work, 'truncated.dump');
    const whole = readFileSync(backup);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = await runScript('db:restore', [truncated, '--force'], env);
    expect(damaged.code, damaged.stdout).toBe(1);
    expect(damaged.stderr).toMatch(/rien n’a été restauré|la base est inchangée/);
    expect(await withPostgres(url, snapshotForRestore)).toEqual(beforeRestore);
    const forced = await runScript('db:restore', [backup, '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expectRestoredFrom(await withPostgres(url, snapshotForRestore), atBackup);

    server = await startEscale(env);
    expect(server.output()).not.toContain('seeded');
    await checkDevicesAfterRestore(server.url, device, [cursorBefore, cursorAfter]);
    expect(await server.stop()).toBe(0);

    // A backup made by a newer Escale is refused, and the target stays empty.
    await withPostgres(url, (db) => db.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999_from_the_future')"));
    const future = join(work, 'future.dump');
    expect((await runScript('db:backup', [future], env)).code).toBe(0);
    const empty = await createDatabase();
    const newer = await runScript('db:restore', [future], { DATABASE_URL: empty });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain('version plus récente d’Escale (schéma 999');
    expect(await tableCount(empty)).toBe(0);

    // The wrong kind of file, and a machine without the PostgreSQL client.
    const pgliteFile = join(work, 'a.pglite.tar.gz');
    writeFileSync(pgliteFile, gzipSync(Buffer.from('x')));
    const wrongKind = await runScript('db:restore', [pgliteFile], { DATABASE_URL: empty });
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('unset DATABASE_URL to restore it into a PGlite folder');
    const noClient = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/backupDatabase.ts', join(work, 'never.dump')], {
      env: { ...process.env, DATABASE_URL: url, PATH: join(work, 'empty-path') }, encoding: 'utf8',
    });
    expect(noClient.status).toBe(1);
    expect(noClient.stderr).toContain('pg_dump est introuvable : installez le client PostgreSQL');
    expect(existsSync(join(work, 'never.dump'))).toBe(false);
    expect(await tableCount(empty)).toBe(0);
    expect(leftovers(work)).toEqual([]);
  }, 300_000);
});
