import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';

// GET /api/admin/audit: every admin action of the territory, newest first, paginated by
// entry id, with who did it and on what; another territory's lines never show.

interface Entry { id: number; at: string; action: string; actor: { id: string; login: string }; target: string; targetLabel: string | null; details: Record<string, unknown> }
interface Page { entries: Entry[]; nextBefore: number | null }

describe.each(backends)('audit log on $name', (backend) => {
  let server: TestServer;
  let clock = new Date('2026-11-22T10:00:00Z');
  let admin: TestAccount;
  const tick = () => (clock = new Date(clock.getTime() + 60_000));

  beforeAll(async () => {
    server = await createTestServer(backend, { now: () => clock });
    admin = await server.createAccount('admin');
  });
  afterAll(() => server.close());

  const post = (path: string, body?: unknown, who: TestAccount = admin) => server.fetch(path, {
    method: 'POST',
    headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const audit = async (query = '', who: TestAccount = admin) => {
    const res = await server.fetch(`/api/admin/audit${query}`, { headers: who.headers });
    return { status: res.status, body: (await res.json()) as Page & { code?: string } };
  };

  it('lists create, disable, enable and revoke, newest first, with who and on what', async () => {
    tick();
    const created = await post('/api/admin/accounts', { login: 'paulette', displayName: 'Paulette R.', role: 'staff', password: 'un-long-mot-de-passe' });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    tick();
    expect((await post(`/api/admin/accounts/${user.id}/disable`)).status).toBe(200);
    tick();
    expect((await post(`/api/admin/accounts/${user.id}/enable`)).status).toBe(200);
    const aidant = await server.createAccount('aidant');
    tick();
    expect((await post(`/api/admin/devices/${aidant.clientId}/revoke`)).status).toBe(200);

    const { status, body } = await audit();
    expect(status).toBe(200);
    expect(body.entries.map((e) => e.action)).toEqual(['device.revoke', 'account.enable', 'account.disable', 'account.create']);
    expect(body.nextBefore).toBeNull();
    const [revoke, , , create] = body.entries;
    expect(revoke).toMatchObject({ target: aidant.clientId, targetLabel: `Compte ${aidant.user.login} (${aidant.user.login})`, actor: { id: admin.user.id, login: admin.user.login } });
    expect(create).toMatchObject({ target: user.id, targetLabel: 'Paulette R. (paulette)', details: { login: 'paulette', role: 'staff' } });
    expect(create!.at).toBe('2026-11-22T10:01:00.000Z');
    expect(revoke!.at).toBe('2026-11-22T10:04:00.000Z');
    // Failed actions leave no line.
    expect((await post(`/api/admin/accounts/${admin.user.id}/disable`)).status).toBe(400);
    expect((await audit()).body.entries).toHaveLength(4);
  });

  it('pages with before and limit without repeating or skipping a line', async () => {
    for (let i = 0; i < 5; i++) {
      tick();
      expect((await post('/api/admin/accounts', { login: `page-${i}`, displayName: `Page ${i}`, role: 'aidant', password: 'un-long-mot-de-passe' })).status).toBe(201);
    }
    const all = (await audit('?limit=200')).body.entries;
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const { body }: { body: Page } = await audit(`?limit=3${before ? `&before=${before}` : ''}`);
      expect(body.entries.length).toBeLessThanOrEqual(3);
      seen.push(...body.entries.map((e) => e.id));
      before = body.nextBefore;
    } while (before !== null);
    expect(seen).toEqual(all.map((e) => e.id));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(seen).toHaveLength(9);
  });

  it('shows only the admin’s own territory', async () => {
    const other = await server.createAccount('admin', 'autre-territoire');
    expect((await post('/api/admin/accounts', { login: 'ailleurs', displayName: 'Ailleurs', role: 'aidant', password: 'un-long-mot-de-passe' }, other)).status).toBe(201);
    const mine = (await audit('?limit=200')).body.entries;
    expect(mine.map((e) => e.actor.id)).not.toContain(other.user.id);
    const theirs = (await audit('', other)).body.entries;
    expect(theirs.map((e) => e.action)).toEqual(['account.create']);
    expect(theirs[0]!.details).toMatchObject({ login: 'ailleurs' });
  });

  it('refuses bad parameters in French, and non-admins', async () => {
    for (const q of ['?limit=0', '?limit=201', '?limit=abc', '?before=-1', '?before=1e3', '?before=', '?limit=']) {
      const { status, body } = await audit(q);
      expect(status, q).toBe(400);
      expect(body.code).toBe('invalid_query');
    }
    const staff = await server.createAccount('staff');
    expect((await audit('', staff)).status).toBe(403);
    expect((await server.fetch('/api/admin/audit')).status).toBe(401);
  });
});
