import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../../src/shared/sync/mutations';
import { MAX_PUSH_BYTES, PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { dumpDatabase } from '../support/dumpDatabase';

// Malformed, oversized and hostile bodies at every endpoint: only 4xx with
// {code, message}, never 5xx, and the database unchanged.

const HOSTILE_TEXT = [
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"polluted": 1}}}',
  '{"login": "admin\\u0000", "password": "x", "clientId": "00000000-0000-4000-8000-000000000000"}',
  '{"login": "\\ud800", "password": "\\udfff", "clientId": "x"}',
  '{"protocol": 1, "clientId": "00000000-0000-4000-8000-000000000000", "mutations": "lots"}',
  '{"protocol": 1e400}',
  '[]', 'null', 'true', '"string"', '0', '-1e308', '',
  '{"a":'.repeat(5000), '['.repeat(4000) + ']'.repeat(4000),
];

const bodyArb = fc.oneof(
  fc.json().map((text) => ({ text, type: 'application/json' })),
  fc.jsonValue({ maxDepth: 6 }).map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'application/json' })),
  fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }).map((v) => ({ text: safeStringify(v), type: 'application/json' })),
  fc.constantFrom(...HOSTILE_TEXT).map((text) => ({ text, type: 'application/json' })),
  fc.integer({ min: 100, max: 60_000 }).map((depth) => ({ text: '['.repeat(depth) + ']'.repeat(depth), type: 'application/json' })),
  fc.integer({ min: 17_000, max: 200_000 }).map((n) => ({ text: JSON.stringify({ login: 'x'.repeat(n), password: 'y', clientId: 'z' }), type: 'application/json' })),
  fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => ({ bytes, type: 'application/json' })),
  fc.json().map((text) => ({ text, type: fc.sample(fc.constantFrom('text/plain', '', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'), 1)[0]! })),
  // A near-valid push envelope with a broken part.
  fc.record({
    protocol: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.anything()),
    clientId: fc.oneof(fc.uuid(), fc.string()),
    mutations: fc.oneof(fc.anything(), fc.constant([]), fc.array(fc.record({ id: fc.oneof(fc.integer(), fc.double(), fc.string()), name: fc.string(), args: fc.anything() }), { maxLength: 3 })),
  }).map((v) => ({ text: safeStringify(v), type: 'application/json' })),
);

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return '{}';
  }
}

interface Target { method: 'POST' | 'GET'; path: string; auth: 'admin' | 'none' }
const TARGETS: Target[] = [
  { method: 'POST', path: '/api/auth/login', auth: 'none' },
  { method: 'POST', path: '/api/auth/logout', auth: 'none' },
  { method: 'POST', path: '/api/sync/push', auth: 'admin' },
  { method: 'POST', path: '/api/sync/push', auth: 'none' },
  { method: 'POST', path: '/api/admin/accounts', auth: 'admin' },
  { method: 'POST', path: '/api/admin/accounts/nobody/disable', auth: 'admin' },
  { method: 'POST', path: '/api/admin/devices/not-a-uuid/revoke', auth: 'admin' },
  { method: 'POST', path: '/api/health', auth: 'none' },
];

describe.each(backends)('fuzzed requests on $name', (backend) => {
  let server: TestServer;
  let admin: TestAccount;
  const runs = backend.name === 'pglite' ? 100 : 30;

  beforeAll(async () => {
    server = await createTestServer(backend);
    admin = await server.createAccount('admin');
  });
  afterAll(() => server.close());

  async function expectClientError(res: Response, what: string): Promise<void> {
    expect(res.status, what).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
    const body = (await res.json()) as { code: unknown; message: unknown };
    expect(typeof body.code).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  }

  it.each(TARGETS.map((t) => [`${t.method} ${t.path} (${t.auth})`, t] as const))('%s: only 4xx, database unchanged', async (_n, target) => {
    const before = await dumpDatabase(server.db);
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const headers: Record<string, string> = target.auth === 'admin' ? { ...admin.headers } : {};
        if (body.type) headers['content-type'] = body.type;
        const payload = 'bytes' in body ? body.bytes : body.text;
        const res = await server.fetch(target.path, { method: target.method, headers, body: payload });
        await expectClientError(res, `${target.path} ← ${('text' in body ? body.text : '[bytes]').slice(0, 200)}`);
      }),
      { numRuns: runs },
    );
    expect(await dumpDatabase(server.db)).toBe(before);
  }, 120_000);

  it('hostile query strings and paths: only 4xx, database unchanged', async () => {
    const before = await dumpDatabase(server.db);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), fc.string({ minLength: 1, maxLength: 20 }), fc.boolean(), async (junk, limit, authed) => {
        const headers = authed ? admin.headers : {};
        const q = new URLSearchParams({ cursor: junk, limit, territory: junk });
        for (const path of [
          `/api/sync/pull?${q}`,
          `/api/sync/pull?cursor=${encodeURIComponent(junk)}&territory=${server.territoryId}`,
          `/api/admin/accounts/${encodeURIComponent(junk || 'x')}/enable`,
          `/api/admin/devices/${encodeURIComponent(junk || 'x')}/revoke`,
          `/api/admin/audit?before=${encodeURIComponent(`x${junk}`)}&limit=${encodeURIComponent(limit)}`,
        ]) {
          const method = path.includes('/api/admin/') && !path.includes('/audit') ? 'POST' : 'GET';
          const res = await server.fetch(path, { method, headers });
          // A valid cursor by chance would be a 200: random text never is one.
          await expectClientError(res, path);
        }
      }),
      { numRuns: runs },
    );
    expect(await dumpDatabase(server.db)).toBe(before);
  }, 120_000);

  it('audit log parameters: a page for valid numbers, 400 invalid_query otherwise, never 5xx; nothing written', async () => {
    const before = await dumpDatabase(server.db);
    const param = fc.oneof(fc.string({ maxLength: 30 }), fc.integer({ min: -5, max: 300 }).map(String), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(param, param, async (b, l) => {
        const q = new URLSearchParams();
        if (b !== undefined) q.set('before', b);
        if (l !== undefined) q.set('limit', l);
        const res = await server.fetch(`/api/admin/audit?${q}`, { headers: admin.headers });
        const valid = (b === undefined || /^[1-9][0-9]{0,17}$/.test(b)) && (l === undefined || (/^[1-9][0-9]{0,2}$/.test(l) && Number(l) <= 200));
        if (valid) {
          expect(res.status, q.toString()).toBe(200);
          const page = (await res.json()) as { entries: unknown[]; nextBefore: unknown };
          expect(Array.isArray(page.entries)).toBe(true);
        } else {
          await expectClientError(res, q.toString());
          expect(res.status, q.toString()).toBe(400);
        }
      }),
      { numRuns: runs },
    );
    expect(await dumpDatabase(server.db)).toBe(before);
  }, 120_000);

  it('oversized bodies get 413 (push over MAX_PUSH_BYTES, others over 16 KB), even without Content-Length', async () => {
    const big = JSON.stringify({ protocol: 1, clientId: admin.clientId, mutations: [{ id: 1, name: 'visit.create@1', args: { pad: 'x'.repeat(MAX_PUSH_BYTES) } }] });
    const push = await server.fetch('/api/sync/push', { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body: big });
    expect(push.status).toBe(413);
    expect(await push.json()).toMatchObject({ code: 'payload_too_large' });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        c.close();
      },
    });
    const login = await server.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(login.status).toBe(413);
  });

  it('a valid push envelope with random mutations: 200, every one answered, nothing but rejections stored', async () => {
    const aidant = await server.createAccount('aidant');
    const names = Object.keys(MUTATIONS);
    let next = 0;
    const records = async () => (await server.db.query('SELECT collection, id, version FROM record ORDER BY 1, 2')).rows;
    const before = await records();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: fc.oneof(fc.constantFrom(...names), fc.stringMatching(/^[a-z]{1,8}\.[a-z]{1,8}@\d$/)), args: fc.anything({ maxDepth: 4 }) }), { minLength: 1, maxLength: 5 }),
        async (mutations) => {
          const body = JSON.stringify({ protocol: PROTOCOL_VERSION, clientId: aidant.clientId, mutations: mutations.map((m) => ({ id: ++next, name: m.name, args: m.args ?? null })) });
          const res = await server.fetch('/api/sync/push', { method: 'POST', headers: { ...aidant.headers, 'content-type': 'application/json' }, body });
          expect(res.status).toBe(200);
          const out = (await res.json()) as { results: Array<{ status: string }>; lastMutationId: number };
          expect(out.lastMutationId).toBe(next);
          expect(out.results.every((r) => r.status === 'rejected')).toBe(true);
        },
      ),
      { numRuns: runs },
    );
    expect(await records()).toEqual(before);
  }, 120_000);
});
