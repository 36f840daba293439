import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from './support/backends';

// The real start command (`npm start` = node --import tsx src/server/main.ts) on a
// temporary database and an ephemeral port: first start migrates, seeds the territory
// and creates the first admin; a second start does neither again. The account command
// (src/server/cli/createAccount.ts) runs on the same database in between.

interface Started { child: ChildProcess; url: string; output: () => string }

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ESCALE_SKIP_BUILD: '1', ESCALE_DIST_DIR: join(tmpdir(), 'escale-no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.on('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

async function loginAs(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password, clientId: randomUUID() }),
  });
  return res.status;
}

async function countPublic(url: string): Promise<number> {
  let cursor = '';
  let n = 0;
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?territory=civraisien-en-poitou&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    const body = (await res.json()) as { changes: unknown[]; cursor: string; hasMore: boolean };
    n += body.changes.length;
    cursor = body.cursor;
    if (!body.hasMore) return n;
  }
}

describe('start command', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('PGlite: first start seeds and creates the admin with a printed password; the second start does neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-start-'));
    dirs.push(dir);
    const first = await start({ ESCALE_DATA_DIR: dir });
    const out1 = first.output();
    expect(out1).toMatch(/territory civraisien-en-poitou seeded: \d+ records/);
    expect(out1).toContain('first admin created: login "admin"');
    const password = /shown only now: (\S+)/.exec(out1)?.[1];
    expect(password).toBeDefined();
    expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ ok: true, db: 'pglite' });
    expect(await loginAs(first.url, 'admin', password!)).toBe(200);
    const records = await countPublic(first.url);
    expect(records).toBeGreaterThan(10);
    expect(await stop(first)).toBe(0);

    // The account command, on the same database, while the server is stopped.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/createAccount.ts', '--login', 'marie', '--role', 'aidant', '--name', 'Marie D.'], {
      env: { ...process.env, ESCALE_DATA_DIR: dir, ESCALE_PASSWORD: 'le-mot-de-passe-de-marie' }, encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Compte créé : marie (aidant, civraisien-en-poitou)');
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/createAccount.ts', '--login', 'marie', '--role', 'aidant', '--name', 'Marie'], {
      env: { ...process.env, ESCALE_DATA_DIR: dir, ESCALE_PASSWORD: 'le-mot-de-passe-de-marie' }, encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('existe déjà');

    const second = await start({ ESCALE_DATA_DIR: dir });
    // While the server holds the PGlite folder, the account command refuses to open it
    // (two processes on one PGlite folder would corrupt it) and writes nothing.
    const during = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/createAccount.ts', '--login', 'paul', '--role', 'aidant', '--name', 'Paul'], {
      env: { ...process.env, ESCALE_DATA_DIR: dir, ESCALE_PASSWORD: 'le-mot-de-passe-de-paul' }, encoding: 'utf8',
    });
    expect(during.status).toBe(2);
    expect(during.stderr).toContain('est ouverte par le processus');
    expect(await loginAs(second.url, 'paul', 'le-mot-de-passe-de-paul')).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    const out2 = second.output();
    expect(out2).not.toContain('seeded');
    expect(out2).not.toContain('first admin created');
    expect(await loginAs(second.url, 'admin', password!)).toBe(200);
    expect(await loginAs(second.url, 'marie', 'le-mot-de-passe-de-marie')).toBe(200);
    expect(await countPublic(second.url)).toBe(records);
    expect(await stop(second)).toBe(0);
  }, 180_000);

  it.skipIf(!postgresAvailable)('PostgreSQL (DATABASE_URL) with ESCALE_ADMIN_LOGIN/PASSWORD: nothing printed, idempotent', async () => {
    const name = `escale_t_start_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, ESCALE_ADMIN_LOGIN: 'chef', ESCALE_ADMIN_PASSWORD: 'un-mot-de-passe-solide' };
      const first = await start(env);
      expect(first.output()).toContain('first admin created: login "chef"');
      expect(first.output()).not.toContain('shown only now');
      expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({ ok: true, db: 'postgres' });
      expect(await loginAs(first.url, 'chef', 'un-mot-de-passe-solide')).toBe(200);
      const records = await countPublic(first.url);
      expect(await stop(first)).toBe(0);
      const second = await start(env);
      expect(second.output()).not.toContain('first admin created');
      expect(await countPublic(second.url)).toBe(records);
      expect(await stop(second)).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  it.skipIf(!postgresAvailable)('PostgreSQL with ESCALE_TERRITORIES: both territories seeded, an admin each, each served at its host', async () => {
    const name = `escale_t_multi_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const env = {
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, ESCALE_ADMIN_PASSWORD: 'un-mot-de-passe-solide',
        ESCALE_TERRITORIES: 'civraisien.example=civraisien-en-poitou,coutances.example=coutances-mer-et-bocage',
      };
      const first = await start(env);
      const out = first.output();
      expect(out).toContain('territory civraisien-en-poitou seeded');
      expect(out).toContain('territory coutances-mer-et-bocage seeded');
      expect(out).toContain('first admin created: login "admin"');
      const other = /first admin of coutances-mer-et-bocage created: login "([^"]+)"\n\[escale\] its password, shown only now: (\S+)/.exec(out);
      expect(other?.[1]).toBe('admin-coutances-mer-et-bocage');
      // fetch() writes the Host of its URL whatever it is given: node:http sends ours.
      const at = (host: string, path: string, body?: unknown) => new Promise<{ status: number; body: { code?: string; changes?: Array<{ collection: string; id: string }> } }>((resolve, reject) => {
        const req = request(`${first.url}${path}`, {
          method: body === undefined ? 'GET' : 'POST', headers: { host, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });
      const login = (host: string, login: string, password: string) => at(host, '/api/auth/login', { login, password, clientId: randomUUID() });
      expect((await login('coutances.example', other![1]!, other![2]!)).status).toBe(200);
      expect(await login('civraisien.example', other![1]!, other![2]!)).toMatchObject({ status: 403, body: { code: 'wrong_territory' } });
      const coutances = await at('coutances.example:8080', '/api/sync/pull?limit=1000');
      expect(coutances.body.changes!.find((c) => c.collection === 'territory')?.id).toBe('coutances-mer-et-bocage');
      const civraisien = await at('civraisien.example', '/api/sync/pull?limit=1000');
      expect(civraisien.body.changes!.find((c) => c.collection === 'territory')?.id).toBe('civraisien-en-poitou');
      expect(await stop(first)).toBe(0);
      const second = await start(env);
      expect(second.output()).not.toContain('seeded');
      expect(second.output()).not.toContain('first admin');
      expect(await stop(second)).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  it('refuses a bad configuration with a clear message', async () => {
    await expect(start({ PORT: 'abc', ESCALE_DATA_DIR: 'memory://' })).rejects.toThrow(/PORT must be an integer/);
  }, 60_000);
});
