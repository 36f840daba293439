import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeVisit } from './support/fixtures';
import { postgresAvailable } from './support/backends';
import { killLeftoverServers, pullAll, pushMutations, signIn, startEscale, type EscaleProcess } from './support/escaleProcess';

// Two real server processes (`npm start`'s command) on one PostgreSQL, as docs/deploy.md
// describes a region or a national operator running Escale behind a load balancer with
// no sticky sessions: everything that must agree is in the database, plus the notes key
// (ESCALE_NOTES_KEY), which both are given. Each request below goes to one process or the
// other, as a load balancer would send it.

const MAINTENANCE_URL = process.env.ESCALE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe.skipIf(!postgresAvailable)('two server processes on one PostgreSQL', () => {
  afterAll(() => killLeftoverServers());

  it('share sessions, accounts, exactly-once pushes, notes and revocations', async () => {
    const name = `escale_t_two_${randomUUID().slice(0, 8)}`;
    const maintenance = new pg.Client({ connectionString: MAINTENANCE_URL });
    await maintenance.connect();
    await maintenance.query(`CREATE DATABASE ${name}`);
    const url = new URL(MAINTENANCE_URL);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), ESCALE_ADMIN_LOGIN: 'admin', ESCALE_ADMIN_PASSWORD: 'un-mot-de-passe-solide', ESCALE_NOTES_KEY: randomBytes(32).toString('base64') };
    const servers: EscaleProcess[] = [];
    try {
      // The first alone (it migrates, seeds and makes the first admin), then the second.
      servers.push(await startEscale(env));
      servers.push(await startEscale(env));
      const [a, b] = servers as [EscaleProcess, EscaleProcess];
      expect(b.output()).not.toContain('seeded');
      expect(b.output()).not.toContain('first admin');

      // A session opened on one process is valid on the other.
      const admin = await signIn(a.url, 'admin', env.ESCALE_ADMIN_PASSWORD, randomUUID());
      expect((await fetch(`${b.url}/api/auth/me`, { headers: admin.headers })).status).toBe(200);
      // An account made on one signs in on the other.
      const made = await fetch(`${b.url}/api/admin/accounts`, {
        method: 'POST', headers: admin.headers, body: JSON.stringify({ login: 'aidante-1', displayName: 'Aidante', role: 'aidant', password: 'un-autre-mot-de-passe' }),
      });
      expect(made.status).toBe(201);
      const clientId = randomUUID();
      const aidant = await signIn(a.url, 'aidante-1', 'un-autre-mot-de-passe', clientId);

      // A push applied on one process and retried on the other: the same answer, one effect.
      const visit = makeVisit('civraisien-en-poitou', aidant.userId, { notes: 'À rappeler jeudi' });
      const mutations = [{ id: 1, name: 'visit.create@1', args: visit }];
      const first = await pushMutations(b.url, aidant.headers, clientId, mutations);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
      const retried = await pushMutations(a.url, aidant.headers, clientId, mutations);
      expect(retried.body).toEqual(first.body);
      const db = new pg.Client({ connectionString: env.DATABASE_URL });
      await db.connect();
      try {
        const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM record WHERE collection = 'visit'");
        expect(rows[0]!.n).toBe(1);
      } finally {
        await db.end();
      }
      // The other process pulls it, and opens its note: the notes key is the same.
      const pulled = await pullAll(a.url, admin.headers);
      expect('changes' in pulled && pulled.changes.some((c) => c.id === visit.id)).toBe(true);
      const note = await fetch(`${a.url}/api/notes/${visit.id}`, { headers: admin.headers });
      expect(note.status).toBe(200);
      expect(await note.json()).toMatchObject({ note: 'À rappeler jeudi' });

      // A device revoked on one process is refused by the other (its session cache keeps a
      // session found valid for 2 s: src/server/auth/SessionCache.ts).
      expect((await fetch(`${b.url}/api/sync/pull?limit=1`, { headers: aidant.headers })).status).toBe(200);
      expect((await fetch(`${a.url}/api/admin/devices/${clientId}/revoke`, { method: 'POST', headers: admin.headers })).status).toBe(200);
      const refused = async () => {
        const res = await fetch(`${b.url}/api/sync/pull?limit=1`, { headers: aidant.headers });
        return `${res.status} ${((await res.json()) as { code?: string }).code ?? ''}`;
      };
      await expect.poll(refused, { timeout: 10_000, interval: 250 }).toBe('403 device_revoked');

      for (const s of servers.splice(0)) expect(await s.stop()).toBe(0);
    } finally {
      for (const s of servers) await s.stop();
      await maintenance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await maintenance.end();
    }
  }, 180_000);
});
