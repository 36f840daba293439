import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, territoryForHost } from '../../../src/server/config';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import type { Role } from '../../../src/shared/domain/vocabularies';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makePlace, makeSeed, makeVisit, OTHER_TERRITORY, TEST_TERRITORY } from '../support/fixtures';

// Two territories on one server and one database, chosen by the address
// (ESCALE_TERRITORIES): a.test serves TEST_TERRITORY, b.test OTHER_TERRITORY. Every
// endpoint a session can call is tried with a session of the other territory (403
// wrong_territory, nothing written), and at its own address against the other
// territory's records (not found, refused, or not there).

const A = 'a.test';
const B = 'b.test';

interface Call { method: string; path: string; body?: unknown }
/** An aidant of the territory called, and one of their visits with a note. */
type Victims = { aidant: TestAccount; note: string };

/** Every endpoint that needs a session, as a caller `who` would call it. */
const SESSION_ENDPOINTS: Array<{ endpoint: string; roles: Role[]; call: (who: TestAccount, v: Victims, n: number) => Call }> = [
  { endpoint: 'GET /api/auth/me', roles: ['aidant', 'staff', 'admin'], call: () => ({ method: 'GET', path: '/api/auth/me' }) },
  { endpoint: 'GET /api/sync/pull', roles: ['aidant', 'staff', 'admin'], call: () => ({ method: 'GET', path: '/api/sync/pull' }) },
  {
    endpoint: 'POST /api/sync/push', roles: ['aidant', 'staff', 'admin'],
    call: (who) => ({
      method: 'POST', path: '/api/sync/push',
      body: { protocol: PROTOCOL_VERSION, clientId: who.clientId, mutations: [{ id: 1, name: 'visit.create@1', args: makeVisit(who.user.territoryId, who.user.id) }] },
    }),
  },
  { endpoint: 'GET /api/admin/accounts', roles: ['admin'], call: () => ({ method: 'GET', path: '/api/admin/accounts' }) },
  {
    endpoint: 'POST /api/admin/accounts', roles: ['admin'],
    call: (_w, _v, n) => ({ method: 'POST', path: '/api/admin/accounts', body: { login: `croise-${n}`, displayName: 'Croisé', role: 'aidant', password: 'un-mot-de-passe-long' } }),
  },
  { endpoint: 'POST /api/admin/accounts/:id/disable', roles: ['admin'], call: (_w, v) => ({ method: 'POST', path: `/api/admin/accounts/${v.aidant.user.id}/disable` }) },
  { endpoint: 'POST /api/admin/accounts/:id/enable', roles: ['admin'], call: (_w, v) => ({ method: 'POST', path: `/api/admin/accounts/${v.aidant.user.id}/enable` }) },
  { endpoint: 'GET /api/admin/devices', roles: ['admin'], call: () => ({ method: 'GET', path: '/api/admin/devices' }) },
  { endpoint: 'POST /api/admin/devices/:id/revoke', roles: ['admin'], call: (_w, v) => ({ method: 'POST', path: `/api/admin/devices/${v.aidant.clientId}/revoke` }) },
  { endpoint: 'GET /api/admin/audit', roles: ['admin'], call: () => ({ method: 'GET', path: '/api/admin/audit?limit=20' }) },
  { endpoint: 'GET /api/notes/:visitId', roles: ['staff', 'admin'], call: (_w, v) => ({ method: 'GET', path: `/api/notes/${v.note}` }) },
  { endpoint: 'DELETE /api/notes/:visitId', roles: ['admin'], call: (_w, v) => ({ method: 'DELETE', path: `/api/notes/${v.note}` }) },
  { endpoint: 'POST /api/auth/logout', roles: ['aidant', 'staff', 'admin'], call: () => ({ method: 'POST', path: '/api/auth/logout' }) },
];

/** Everything a request could have written, to check a refused one wrote nothing. */
async function snapshot(server: TestServer): Promise<string> {
  const { rows } = await server.db.query(
    `SELECT (SELECT count(*) FROM record) AS records, (SELECT coalesce(max(server_seq), 0) FROM record) AS seq,
            (SELECT count(*) FROM account) AS accounts, (SELECT count(*) FROM account WHERE disabled) AS disabled,
            (SELECT count(*) FROM sync_client WHERE revoked_at IS NOT NULL) AS revoked,
            (SELECT count(*) FROM session_token WHERE revoked_at IS NULL) AS live_sessions,
            (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM visit_note) AS notes, (SELECT count(*) FROM mutation_result) AS results`,
  );
  return JSON.stringify(rows[0]);
}

describe('ESCALE_TERRITORIES', () => {
  it('parses host=territory pairs, and names every bad entry at once', () => {
    const config = loadConfig({ ESCALE_TERRITORIES: ` Civraisien.Example=civraisien-en-poitou , coutances.example=coutances-mer-et-bocage ` });
    expect(config.territoryHosts).toEqual({ 'civraisien.example': 'civraisien-en-poitou', 'coutances.example': 'coutances-mer-et-bocage' });
    expect(territoryForHost(config, 'COUTANCES.example:8080')).toBe('coutances-mer-et-bocage');
    expect(territoryForHost(config, 'civraisien.example')).toBe('civraisien-en-poitou');
    // Not in the map: the default territory (ESCALE_TERRITORY).
    expect(territoryForHost(config, '192.168.1.10:8080')).toBe('civraisien-en-poitou');
    expect(territoryForHost(config, undefined)).toBe('civraisien-en-poitou');
    expect(() => loadConfig({ ESCALE_TERRITORIES: 'a.example=Bad Slug,b.example,a.example=x,a.example=y' })).toThrow(
      /"a\.example=Bad Slug"[\s\S]*"b\.example"[\s\S]*names the host "a\.example" twice/,
    );
    expect(loadConfig({}).territoryHosts).toEqual({});
  });
});

describe.each(backends)('two territories on one server, chosen by host, on $name', (backend) => {
  let server: TestServer;
  let dist: string;
  let n = 0;
  const at = (host: string, call: Call, who?: TestAccount) => {
    const headers: Record<string, string> = { host, ...who?.headers };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    return server.fetch(call.path, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
  };

  /** An aidant of `territory` who has pushed one visit with a note. */
  async function victims(territory: string): Promise<Victims> {
    const aidant = await server.createAccount('aidant', territory);
    const visit = makeVisit(territory, aidant.user.id, { notes: 'Note privée' });
    const res = await at(territory === TEST_TERRITORY ? A : B, {
      method: 'POST', path: '/api/sync/push',
      body: { protocol: PROTOCOL_VERSION, clientId: aidant.clientId, mutations: [{ id: 1, name: 'visit.create@1', args: visit }] },
    }, aidant);
    expect(((await res.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe('applied');
    return { aidant, note: visit.id };
  }

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'escale-dist-'));
    await writeFile(join(dist, 'index.html'), [
      '<title>Escale — Civraisien en Poitou</title>',
      '<meta name="escale-territory" content="civraisien-en-poitou" data-name="Civraisien en Poitou" />',
      '<span class="brand-territory">Civraisien en Poitou</span>',
    ].join('\n'));
    await writeFile(join(dist, 'manifest.webmanifest'), '{\n  "name": "Escale — Civraisien en Poitou",\n  "short_name": "Escale"\n}\n');
    server = await createTestServer(backend, { config: { territoryHosts: { [A]: TEST_TERRITORY, [B]: OTHER_TERRITORY }, distDir: dist } });
    await server.seed(makeSeed(OTHER_TERRITORY));
  });
  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  const cells = SESSION_ENDPOINTS.flatMap((row) => row.roles.map((role) => ({ row, role })));
  it.each(cells.map((c) => [c.row.endpoint, c.role, c] as const))('%s with a %s session of the other territory: 403 wrong_territory, nothing written', async (_e, _r, { row, role }) => {
    const intruder = await server.createAccount(role, OTHER_TERRITORY);
    const theirs = await victims(TEST_TERRITORY);
    const before = await snapshot(server);
    const res = await at(A, row.call(intruder, theirs, ++n), intruder);
    const body = (await res.json()) as { code?: string; message?: string };
    expect(res.status, JSON.stringify(body)).toBe(403);
    expect(body.code).toBe('wrong_territory');
    expect(body.message).toMatch(/autre territoire/);
    expect(await snapshot(server)).toBe(before);
    // The same session at its own address is served.
    const own = await at(B, row.call(intruder, await victims(OTHER_TERRITORY), ++n), intruder);
    expect(own.status, await own.clone().text()).toBeLessThan(300);
  });

  it('login at the other territory’s address: 403 wrong_territory, no session made; at its own: 200', async () => {
    const staff = await server.createAccount('staff', OTHER_TERRITORY);
    const login = (host: string) => at(host, { method: 'POST', path: '/api/auth/login', body: { login: staff.user.login, password: staff.password, clientId: randomUUID() } });
    const before = await snapshot(server);
    const refused = await login(A);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'wrong_territory' });
    expect(await snapshot(server)).toBe(before);
    const ok = await login(B);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ user: { territoryId: OTHER_TERRITORY } });
    // A wrong password at the other address is just a wrong password (nothing revealed).
    const wrong = await at(A, { method: 'POST', path: '/api/auth/login', body: { login: staff.user.login, password: 'pas-le-bon-mot', clientId: randomUUID() } });
    expect(await wrong.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('at its own address, an admin or staff of one territory cannot change or see the other’s accounts, devices, audit or notes', async () => {
    const adminB = await server.createAccount('admin', OTHER_TERRITORY);
    const { aidant: aidantA, note } = await victims(TEST_TERRITORY);
    const adminA = await server.createAccount('admin', TEST_TERRITORY);
    const staffB = await server.createAccount('staff', OTHER_TERRITORY);
    expect((await at(A, { method: 'POST', path: `/api/admin/accounts/${aidantA.user.id}/disable` }, adminA)).status).toBe(200);
    expect((await at(A, { method: 'POST', path: `/api/admin/accounts/${aidantA.user.id}/enable` }, adminA)).status).toBe(200);
    const before = await snapshot(server);
    for (const path of [`/api/admin/accounts/${aidantA.user.id}/disable`, `/api/admin/accounts/${aidantA.user.id}/enable`, `/api/admin/devices/${aidantA.clientId}/revoke`]) {
      const res = await at(B, { method: 'POST', path }, adminB);
      expect(res.status, path).toBe(404);
    }
    // Nor read or erase a visit note of the other territory.
    expect((await at(B, { method: 'GET', path: `/api/notes/${note}` }, staffB)).status).toBe(404);
    expect((await at(B, { method: 'GET', path: `/api/notes/${note}` }, adminB)).status).toBe(404);
    expect((await at(B, { method: 'DELETE', path: `/api/notes/${note}` }, adminB)).status).toBe(404);
    expect(await snapshot(server)).toBe(before);
    // Its own office reads it (one audit line).
    expect((await at(A, { method: 'GET', path: `/api/notes/${note}` }, adminA)).status).toBe(200);
    const accounts = (await (await at(B, { method: 'GET', path: '/api/admin/accounts' }, adminB)).json()) as { accounts: Array<{ territoryId: string }> };
    expect(accounts.accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts.accounts.map((a) => a.territoryId))).toEqual(new Set([OTHER_TERRITORY]));
    const devices = (await (await at(B, { method: 'GET', path: '/api/admin/devices' }, adminB)).json()) as { devices: Array<{ clientId: string }> };
    expect(devices.devices.map((d) => d.clientId)).not.toContain(aidantA.clientId);
    const audit = (await (await at(B, { method: 'GET', path: '/api/admin/audit?limit=200' }, adminB)).json()) as { entries: Array<{ target: string }> };
    expect(audit.entries.map((e) => e.target)).not.toContain(aidantA.user.id);
  });

  it('staff and aidants of one territory read none of the other’s records and change none of them', async () => {
    const aidantA = await server.createAccount('aidant', TEST_TERRITORY);
    const pushed = await at(A, {
      method: 'POST', path: '/api/sync/push',
      body: { protocol: PROTOCOL_VERSION, clientId: aidantA.clientId, mutations: [{ id: 1, name: 'visit.create@1', args: makeVisit(TEST_TERRITORY, aidantA.user.id) }] },
    }, aidantA);
    expect(pushed.status).toBe(200);
    for (const role of ['staff', 'aidant', 'admin'] as const) {
      const who = await server.createAccount(role, OTHER_TERRITORY);
      const pulled = (await (await at(B, { method: 'GET', path: '/api/sync/pull?limit=1000' }, who)).json()) as { changes: Array<{ collection: string; id: string; data?: { territoryId?: string; id?: string } }> };
      expect(pulled.changes.length).toBeGreaterThan(0);
      for (const change of pulled.changes) {
        const territory = change.collection === 'territory' ? change.id : change.data?.territoryId;
        if (territory !== undefined) expect(territory, `${role} got ${change.collection} ${change.id}`).toBe(OTHER_TERRITORY);
      }
      // Edits of the other territory's place, and records made for it, are refused.
      const before = await snapshot(server);
      const res = await at(B, {
        method: 'POST', path: '/api/sync/push',
        body: {
          protocol: PROTOCOL_VERSION, clientId: who.clientId, mutations: [
            { id: 1, name: 'place.update@1', args: { id: `${TEST_TERRITORY}-place-1`, baseVersion: 1, patch: { name: 'Pris' } } },
            { id: 2, name: 'visit.create@1', args: makeVisit(TEST_TERRITORY, who.user.id) },
            { id: 3, name: 'place.create@1', args: { record: makePlace(TEST_TERRITORY, `intrus-${role}`) } },
          ],
        },
      }, who);
      expect(res.status).toBe(200);
      const results = ((await res.json()) as { results: Array<{ status: string }> }).results;
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const { rows } = await server.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM record WHERE territory_id = $1 AND (data->>'name' = 'Pris' OR id = $2 OR owner_id = $3)",
        [TEST_TERRITORY, `intrus-${role}`, who.user.id],
      );
      expect(rows[0]!.n).toBe(0);
      // Only the answers stored for the three refused mutations, nothing else.
      expect(JSON.parse(await snapshot(server))).toMatchObject({ ...JSON.parse(before), results: expect.anything() });
    }
  });

  it('a public pull follows the address: its own directory, the other territory refused, an unknown host the default', async () => {
    const pull = async (host: string, query = '') => {
      const res = await at(host, { method: 'GET', path: `/api/sync/pull?limit=1000${query}` });
      return { status: res.status, body: (await res.json()) as { code?: string; changes?: Array<{ collection: string; id: string }> } };
    };
    const a = await pull(A);
    expect(a.status).toBe(200);
    expect(a.body.changes!.find((c) => c.collection === 'territory')?.id).toBe(TEST_TERRITORY);
    const b = await pull(B, `&territory=${OTHER_TERRITORY}`);
    expect(b.body.changes!.find((c) => c.collection === 'territory')?.id).toBe(OTHER_TERRITORY);
    expect(b.body.changes!.some((c) => c.id.startsWith(TEST_TERRITORY))).toBe(false);
    expect(await pull(A, `&territory=${OTHER_TERRITORY}`)).toMatchObject({ status: 404, body: { code: 'unknown_territory' } });
    const elsewhere = await pull('10.0.0.7:8080');
    expect(elsewhere.body.changes!.find((c) => c.collection === 'territory')?.id).toBe(server.config.territoryId);
  });

  it('index.html and the manifest name the territory of the address', async () => {
    const page = async (host: string, path: string) => (await at(host, { method: 'GET', path })).text();
    const b = await page(B, '/');
    expect(b).toContain(`<meta name="escale-territory" content="${OTHER_TERRITORY}" data-name="Territoire ${OTHER_TERRITORY}" />`);
    expect(b).toContain(`<title>Escale — Territoire ${OTHER_TERRITORY}</title>`);
    expect(b).toContain(`<span class="brand-territory">Territoire ${OTHER_TERRITORY}</span>`);
    // A client-side route gets the same page.
    expect(await page(B, '/bureau')).toBe(b);
    expect(await page(A, '/')).toContain(`content="${TEST_TERRITORY}"`);
    expect(JSON.parse(await page(B, '/manifest.webmanifest'))).toMatchObject({ name: `Escale — Territoire ${OTHER_TERRITORY}` });
    // Each answer has its own validator, so a browser's copy of one is never taken for the other.
    const tagA = (await at(A, { method: 'GET', path: '/' })).headers.get('etag');
    const tagB = (await at(B, { method: 'GET', path: '/' })).headers.get('etag');
    expect(tagA).not.toBe(tagB);
    expect((await server.fetch('/', { headers: { host: B, 'if-none-match': tagB! } })).status).toBe(304);
  });
});
