import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeVisit } from '../support/fixtures';
import { push } from '../support/syncClient';

// Every endpoint × every kind of caller gets exactly the expected status and code.

type Identity = 'public' | 'aidant' | 'staff' | 'admin' | 'revoked' | 'expired' | 'disabled';
const IDENTITIES: Identity[] = ['public', 'aidant', 'staff', 'admin', 'revoked', 'expired', 'disabled'];
type Expect = number | [number, string];

interface Row {
  endpoint: string;
  /** The route of the app it exercises, when `endpoint` (METHOD path, params by any name) is not it. */
  route?: string;
  request: (who: TestAccount | undefined, ctx: Ctx) => { method: string; path: string; body?: unknown };
  expect: Record<Identity, Expect>;
}
/** `note`: a visit of `victim` (another aidant) with a note, fresh for each cell. */
interface Ctx { territory: string; victim: TestAccount; note: string; n: number }

const OK_OR_AUTH = (ok: Expect): Record<Identity, Expect> => ({
  public: [401, 'auth_required'], aidant: ok, staff: ok, admin: ok,
  revoked: [403, 'device_revoked'], expired: [401, 'token_expired'], disabled: [403, 'account_disabled'],
});
const ADMIN_ONLY = (ok: Expect): Record<Identity, Expect> => ({
  ...OK_OR_AUTH(ok), aidant: [403, 'forbidden'], staff: [403, 'forbidden'],
});
const STAFF_ONLY = (ok: Expect): Record<Identity, Expect> => ({ ...OK_OR_AUTH(ok), aidant: [403, 'forbidden'] });
/** A valid data·inclusion structure in the test territory's one commune. */
const diStructure = (n: number) => ({ source: 'test', id: `di-matrice-${n}`, nom: `Lieu importé ${n}`, date_maj: '2026-10-01', code_insee: '86070' });
const ANYONE = (ok: Expect): Record<Identity, Expect> => Object.fromEntries(IDENTITIES.map((i) => [i, ok])) as Record<Identity, Expect>;

const MATRIX: Row[] = [
  { endpoint: 'GET /api/health', request: () => ({ method: 'GET', path: '/api/health' }), expect: ANYONE(200) },
  { endpoint: 'GET /api/config', request: () => ({ method: 'GET', path: '/api/config' }), expect: ANYONE(200) },
  { endpoint: 'GET /api/sync/note-key', request: () => ({ method: 'GET', path: '/api/sync/note-key' }), expect: ANYONE(200) },
  { endpoint: 'GET /api/auth/me', request: () => ({ method: 'GET', path: '/api/auth/me' }), expect: OK_OR_AUTH(200) },
  {
    endpoint: 'GET /api/sync/pull',
    request: (_, c) => ({ method: 'GET', path: `/api/sync/pull?territory=${c.territory}` }),
    expect: { ...OK_OR_AUTH(200), public: 200 },
  },
  {
    endpoint: 'POST /api/sync/push',
    request: (who, c) => ({
      method: 'POST', path: '/api/sync/push',
      body: {
        protocol: PROTOCOL_VERSION, clientId: who?.clientId ?? randomUUID(),
        mutations: [{ id: 1, name: 'visit.create@1', args: makeVisit(c.territory, who?.user.id ?? 'nobody') }],
      },
    }),
    expect: OK_OR_AUTH(200),
  },
  { endpoint: 'GET /api/admin/accounts', request: () => ({ method: 'GET', path: '/api/admin/accounts' }), expect: ADMIN_ONLY(200) },
  {
    endpoint: 'POST /api/admin/accounts',
    request: (_, c) => ({ method: 'POST', path: '/api/admin/accounts', body: { login: `nouveau-${c.n}`, displayName: 'Nouveau', role: 'aidant', password: 'un-mot-de-passe-long' } }),
    expect: ADMIN_ONLY(201),
  },
  { endpoint: 'POST /api/admin/accounts/:id/disable', request: (_, c) => ({ method: 'POST', path: `/api/admin/accounts/${c.victim.user.id}/disable` }), expect: ADMIN_ONLY(200) },
  { endpoint: 'POST /api/admin/accounts/:id/enable', request: (_, c) => ({ method: 'POST', path: `/api/admin/accounts/${c.victim.user.id}/enable` }), expect: ADMIN_ONLY(200) },
  { endpoint: 'GET /api/admin/devices', request: () => ({ method: 'GET', path: '/api/admin/devices' }), expect: ADMIN_ONLY(200) },
  { endpoint: 'GET /api/admin/audit', request: () => ({ method: 'GET', path: '/api/admin/audit?limit=20' }), expect: ADMIN_ONLY(200) },
  { endpoint: 'POST /api/admin/devices/:id/revoke', request: (_, c) => ({ method: 'POST', path: `/api/admin/devices/${c.victim.clientId}/revoke` }), expect: ADMIN_ONLY(200) },
  // Notes are read on demand by the office only: an aidant reads no one's note here, not
  // even their own (their tablet holds their copy); erasing is for admins.
  {
    endpoint: 'GET /api/notes/:visitId (another aidant’s)',
    request: (_, c) => ({ method: 'GET', path: `/api/notes/${c.note}` }),
    expect: { ...OK_OR_AUTH(200), aidant: [403, 'forbidden'] },
  },
  { endpoint: 'DELETE /api/notes/:visitId', request: (_, c) => ({ method: 'DELETE', path: `/api/notes/${c.note}` }), expect: ADMIN_ONLY(200) },
  // The data·inclusion import writes the directory: the office only (staff, admin).
  {
    endpoint: 'POST /api/import/datainclusion?dryRun=1',
    request: (_, c) => ({ method: 'POST', path: '/api/import/datainclusion?dryRun=1', body: { structures: [diStructure(c.n)] } }),
    expect: STAFF_ONLY(200),
  },
  {
    endpoint: 'POST /api/import/datainclusion',
    request: (_, c) => ({ method: 'POST', path: '/api/import/datainclusion', body: { structures: [diStructure(c.n)] } }),
    expect: STAFF_ONLY(200),
  },
  { endpoint: 'POST /api/auth/logout', request: () => ({ method: 'POST', path: '/api/auth/logout' }), expect: OK_OR_AUTH(200) },
  { endpoint: 'GET /api/unknown', route: 'ALL /api/*', request: () => ({ method: 'GET', path: '/api/unknown' }), expect: ANYONE([404, 'not_found']) },
  { endpoint: 'DELETE /api/sync/push', route: 'ALL /api/*', request: () => ({ method: 'DELETE', path: '/api/sync/push' }), expect: ANYONE([404, 'not_found']) },
];

/**
 * The app's routes that are not rows above, each with why. Anything else the app registers
 * and the matrix does not name fails the completeness test: a new endpoint cannot skip it.
 */
const OUTSIDE_THE_MATRIX: Record<string, string> = {
  'ALL /*': 'middleware (security headers, compression), registered with use(): not an endpoint',
  'POST /api/auth/login': 'takes no session: its own test below (right, wrong, disabled, revoked device)',
  'GET /*': 'the built app\'s static files and pages, public, no session read (tests/server/http/headersAndStatic.test.ts)',
  'HEAD /*': 'the same, HEAD',
};

/** `METHOD path` with every `:param` named alike, so the matrix may name params its own way. */
const routeKey = (method: string, path: string) => `${method} ${path.replace(/:[A-Za-z_]+/g, ':param')}`;
const rowRoute = (row: Row): string => {
  const [method, path] = (row.route ?? row.endpoint.replace(/ \(.*\)$/, '')).split(' ') as [string, string];
  return routeKey(method, path.split('?')[0]!);
};

describe.each(backends)('authorization matrix on $name', (backend) => {
  let server: TestServer;
  let n = 0;

  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  /** A fresh caller of each kind for every row, so a logout or a revoke cannot leak into the next. */
  async function identity(kind: Identity): Promise<TestAccount | undefined> {
    if (kind === 'public') return undefined;
    const role = kind === 'aidant' || kind === 'staff' || kind === 'admin' ? kind : 'admin';
    const account = await server.createAccount(role);
    if (kind === 'revoked') {
      const admin = await server.createAccount('admin');
      const r = await server.fetch(`/api/admin/devices/${account.clientId}/revoke`, { method: 'POST', headers: admin.headers });
      expect(r.status).toBe(200);
    }
    if (kind === 'expired') await server.db.query("UPDATE session_token SET expires_at = now() - interval '1 day' WHERE user_id = $1", [account.user.id]);
    if (kind === 'disabled') await server.db.query('UPDATE account SET disabled = true WHERE id = $1', [account.user.id]);
    return account;
  }

  it('covers every route the app registers (walked from the Hono app), and names none it does not', () => {
    const registered = new Set(server.app.routes.map((r) => routeKey(r.method, r.path)));
    const inMatrix = new Set(MATRIX.map(rowRoute));
    const apart = new Set(Object.keys(OUTSIDE_THE_MATRIX).map((k) => routeKey(...(k.split(' ') as [string, string]))));
    expect([...registered].filter((r) => !inMatrix.has(r) && !apart.has(r))).toEqual([]);
    expect([...inMatrix, ...apart].filter((r) => !registered.has(r))).toEqual([]);
    // The walk does see the app's endpoints (a Hono that hid them would pass vacuously).
    expect(registered.size).toBeGreaterThanOrEqual(18);
    expect(registered.has('GET /api/notes/:param')).toBe(true);
  });

  const cases = MATRIX.flatMap((row) => IDENTITIES.map((who) => ({ row, who })));
  it.each(cases.map((c) => [c.row.endpoint, c.who, c] as const))('%s as %s', async (_e, _w, { row, who }) => {
    const account = await identity(who);
    const victim = await server.createAccount('aidant');
    const visit = makeVisit(server.territoryId, victim.user.id, { notes: 'Note privée de la victime' });
    await push(server, victim, [{ id: 1, name: 'visit.create@1', args: visit }]);
    const req = row.request(account, { territory: server.territoryId, victim, note: visit.id, n: ++n });
    const headers: Record<string, string> = { ...account?.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const res = await server.fetch(req.path, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) });
    const body = (await res.json()) as { code?: string; message?: string };
    const expected = row.expect[who];
    const [status, code] = typeof expected === 'number' ? [expected, undefined] : expected;
    expect(res.status, JSON.stringify(body)).toBe(status);
    if (code) {
      expect(body.code).toBe(code);
      expect(body.message?.length).toBeGreaterThan(5);
    }
  });

  it('login: right password 200; wrong 401; disabled account 403; revoked device 403', async () => {
    const login = async (account: TestAccount, password: string, clientId: string = randomUUID()) => {
      const res = await server.fetch('/api/auth/login', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: account.user.login, password, clientId }),
      });
      return { status: res.status, body: (await res.json()) as { code?: string; token?: string } };
    };
    const aidant = await server.createAccount('aidant');
    const ok = await login(aidant, aidant.password);
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await login(aidant, 'mauvais-mot-de-passe')).body).toMatchObject({ code: 'invalid_credentials' });
    const revoked = await identity('revoked');
    expect(await login(revoked!, revoked!.password, revoked!.clientId)).toMatchObject({ status: 403, body: { code: 'device_revoked' } });
    const disabled = await identity('disabled');
    expect(await login(disabled!, disabled!.password)).toMatchObject({ status: 403, body: { code: 'account_disabled' } });
  });
});
