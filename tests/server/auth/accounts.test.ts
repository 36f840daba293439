import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/server/auth/password';
import { LoginRateLimiter } from '../../../src/server/auth/LoginRateLimiter';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { pullPage, pushRaw } from '../support/syncClient';

describe('password hashing and rate limiter', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('limits failures per login and per IP within a sliding window', () => {
    const limiter = new LoginRateLimiter({ windowMs: 60_000, maxPerLogin: 3, maxPerIp: 5 });
    for (let i = 0; i < 3; i++) limiter.recordFailure('marie', '1.1.1.1', 1000 + i);
    expect(limiter.retryAfter('marie', '2.2.2.2', 2000)).toBeGreaterThan(0);
    expect(limiter.retryAfter('paul', '2.2.2.2', 2000)).toBe(0);
    expect(limiter.retryAfter('marie', '2.2.2.2', 62_000)).toBe(0);
    for (let i = 0; i < 5; i++) limiter.recordFailure(`u${i}`, '3.3.3.3', 1000);
    expect(limiter.retryAfter('nouveau', '3.3.3.3', 2000)).toBeGreaterThan(0);
  });
});

describe.each(backends)('accounts, sessions and devices on $name', (backend) => {
  let server: TestServer;
  let clock = new Date('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    server = await createTestServer(backend, { now: () => clock });
  });
  afterAll(() => server.close());

  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const login = async (loginName: string, password: string, clientId: string = randomUUID()) => {
    const res = await server.fetch('/api/auth/login', json({ login: loginName, password, clientId }));
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };

  it('an admin creates an account; it logs in, sees itself, logs out; all audited', async () => {
    const admin = await server.createAccount('admin');
    const created = await server.fetch('/api/admin/accounts', json({ login: 'jeanne', displayName: 'Jeanne M.', role: 'aidant', password: 'un-long-mot-de-passe' }, admin.headers));
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; territoryId: string } };
    expect(user.territoryId).toBe(server.territoryId);
    const dup = await server.fetch('/api/admin/accounts', json({ login: 'jeanne', displayName: 'Autre', role: 'staff', password: 'un-long-mot-de-passe' }, admin.headers));
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: 'login_taken' });

    const clientId = randomUUID();
    const ok = await login('Jeanne', 'un-long-mot-de-passe', clientId);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ login: 'jeanne', role: 'aidant', disabled: false });
    expect(ok.body.expiresAt).toBe(new Date(clock.getTime() + 30 * 86_400_000).toISOString());
    expect(JSON.stringify(ok.body)).not.toContain('scrypt');
    const headers = { authorization: `Bearer ${ok.body.token as string}` };
    const me = await server.fetch('/api/auth/me', { headers });
    expect(await me.json()).toMatchObject({ user: { login: 'jeanne' }, clientId });
    const { rows } = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM session_token WHERE client_id = $1', [clientId]);
    expect(rows[0]!.token_hash).not.toBe(ok.body.token);
    expect((await server.fetch('/api/auth/logout', { method: 'POST', headers })).status).toBe(200);
    expect(await (await server.fetch('/api/auth/me', { headers })).json()).toMatchObject({ code: 'invalid_token' });

    const audit = await server.db.query<{ action: string }>('SELECT action FROM audit_log WHERE actor_id = $1', [admin.user.id]);
    expect(audit.rows.map((r) => r.action)).toContain('account.create');
  });

  it('a token expires after its lifetime', async () => {
    const aidant = await server.createAccount('aidant');
    expect((await server.fetch('/api/auth/me', { headers: aidant.headers })).status).toBe(200);
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    const res = await server.fetch('/api/auth/me', { headers: aidant.headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'token_expired' });
  });

  it('a revoked device can neither push nor pull nor log in again; others are unaffected', async () => {
    const admin = await server.createAccount('admin');
    const aidant = await server.createAccount('aidant');
    const other = await server.createAccount('aidant');
    const devices = (await (await server.fetch('/api/admin/devices', { headers: admin.headers })).json()) as { devices: Array<{ clientId: string; lastMutationId: number }> };
    expect(devices.devices.map((d) => d.clientId)).toContain(aidant.clientId);
    // The session was just used (kept by the server's SessionCache): revoking still ends it at once.
    expect('changes' in (await pullPage(server, aidant))).toBe(true);
    expect((await server.fetch(`/api/admin/devices/${aidant.clientId}/revoke`, { method: 'POST', headers: admin.headers })).status).toBe(200);
    expect(await pushRaw(server, aidant, [{ id: 1, name: 'visit.create@1', args: {} }])).toMatchObject({ status: 403, body: { code: 'device_revoked' } });
    const pull = await server.fetch('/api/sync/pull', { headers: aidant.headers });
    expect(pull.status).toBe(403);
    expect(await pull.json()).toMatchObject({ code: 'device_revoked' });
    expect(await login(aidant.user.login, aidant.password, aidant.clientId)).toMatchObject({ status: 403, body: { code: 'device_revoked' } });
    // The same person on a new device is fine; the other devices too.
    expect((await login(aidant.user.login, aidant.password)).status).toBe(200);
    expect('changes' in (await pullPage(server, other))).toBe(true);
    const audit = await server.db.query<{ target: string }>("SELECT target FROM audit_log WHERE action = 'device.revoke'");
    expect(audit.rows.map((r) => r.target)).toContain(aidant.clientId);
  });

  it('a device revoked while its session is still kept is refused by the push itself, which writes nothing', async () => {
    const aidant = await server.createAccount('aidant');
    // The session is now kept (SessionCache); the revocation comes from elsewhere (another
    // instance on the same PostgreSQL), so this process is not told to forget it.
    expect('changes' in (await pullPage(server, aidant))).toBe(true);
    const device = () => server.db.query<{ user_id: string; last_seen: Date | null; last_mutation_id: unknown }>(
      'SELECT user_id, last_seen, last_mutation_id FROM sync_client WHERE client_id = $1', [aidant.clientId],
    ).then((r) => r.rows[0]);
    await server.db.query('UPDATE sync_client SET revoked_at = $2 WHERE client_id = $1', [aidant.clientId, clock]);
    const before = await device();
    // A later instant: a push that kept its sync_client upsert would show it in last_seen.
    clock = new Date(clock.getTime() + 1_000);
    expect(await pushRaw(server, aidant, [{ id: 1, name: 'visit.create@1', args: {} }])).toMatchObject({ status: 403, body: { code: 'device_revoked' } });
    expect(await device()).toEqual(before);
    const results = await server.db.query('SELECT 1 FROM mutation_result WHERE client_id = $1', [aidant.clientId]);
    expect(results.rows).toHaveLength(0);
  });

  it('disabling an account ends its sessions; enabling lets it log in again; admins cannot disable themselves', async () => {
    const admin = await server.createAccount('admin');
    const staff = await server.createAccount('staff');
    expect((await server.fetch('/api/auth/me', { headers: staff.headers })).status).toBe(200);
    expect((await server.fetch(`/api/admin/accounts/${staff.user.id}/disable`, { method: 'POST', headers: admin.headers })).status).toBe(200);
    expect((await server.fetch('/api/auth/me', { headers: staff.headers })).status).toBe(401);
    expect(await login(staff.user.login, staff.password)).toMatchObject({ status: 403, body: { code: 'account_disabled' } });
    expect((await server.fetch(`/api/admin/accounts/${staff.user.id}/enable`, { method: 'POST', headers: admin.headers })).status).toBe(200);
    expect((await login(staff.user.login, staff.password)).status).toBe(200);
    const self = await server.fetch(`/api/admin/accounts/${admin.user.id}/disable`, { method: 'POST', headers: admin.headers });
    expect(self.status).toBe(400);
    expect(await self.json()).toMatchObject({ code: 'cannot_disable_self' });
  });

  it('an admin only manages its own territory', async () => {
    const admin = await server.createAccount('admin');
    const foreign = await server.createAccount('aidant', 'autre-territoire');
    expect((await server.fetch(`/api/admin/accounts/${foreign.user.id}/disable`, { method: 'POST', headers: admin.headers })).status).toBe(404);
    expect((await server.fetch(`/api/admin/devices/${foreign.clientId}/revoke`, { method: 'POST', headers: admin.headers })).status).toBe(404);
    const list = (await (await server.fetch('/api/admin/accounts', { headers: admin.headers })).json()) as { accounts: Array<{ id: string }> };
    expect(list.accounts.map((a) => a.id)).not.toContain(foreign.user.id);
  });

  it('login is rate-limited per login, with Retry-After', async () => {
    const aidant = await server.createAccount('aidant');
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login(aidant.user.login, 'mauvais-mot-de-passe')).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    const limited = await login(aidant.user.login, aidant.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'too_many_attempts' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);
});
