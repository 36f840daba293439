import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pgliteBackend } from '../../server/support/backends';
import { createTestServer, type TestServer } from '../../server/support/createTestServer';

// The office's devices list shows what each tablet still holds: the count a device sends
// with its authenticated pulls (X-Escale-Pending), null until it has said.

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer(pgliteBackend);
});
afterAll(async () => {
  await server?.close();
});

describe('devices report what they still hold', () => {
  test('a pull with X-Escale-Pending is shown in the admin devices list; a bad value is ignored', async () => {
    const admin = await server.createAccount('admin');
    const aidant = await server.createAccount('aidant');
    const devices = async () => {
      const res = await server.fetch('/api/admin/devices', { headers: admin.headers });
      const body = (await res.json()) as { devices: Array<{ clientId: string; pending: number | null; pendingReportedAt: string | null }> };
      return body.devices.find((d) => d.clientId === aidant.clientId);
    };
    await server.fetch('/api/sync/pull', { headers: aidant.headers });
    expect(await devices()).toMatchObject({ pending: null, pendingReportedAt: null });

    const pulled = await server.fetch('/api/sync/pull', { headers: { ...aidant.headers, 'x-escale-pending': '7' } });
    expect(pulled.status).toBe(200);
    expect(await devices()).toMatchObject({ pending: 7 });

    await server.fetch('/api/sync/pull', { headers: { ...aidant.headers, 'x-escale-pending': '-3; DROP' } });
    expect((await devices())?.pending).toBe(7);

    await server.fetch('/api/sync/pull', { headers: { ...aidant.headers, 'x-escale-pending': '0' } });
    expect((await devices())?.pending).toBe(0);
  });
});
