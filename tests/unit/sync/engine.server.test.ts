import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogoutRefusedError } from '../../../src/app/data/errors';
import { errorText } from '../../../src/app/i18n/errors/errorText';
import { makePlace, makeVisit, seededUuid } from './support/fixtures';
import { freshDbName, openClient, until } from './support/clients';
import { serverProjection, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
const uuid = seededUuid(7);

beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

async function device(role: 'aidant' | 'staff', label: string) {
  const client = await openClient({ fetch: server.fetch, dbName: freshDbName(label) });
  const account = await server.account(role, await client.clientId());
  client.setToken(account.token);
  return { client, userId: account.userId };
}

async function replicaVersions(client: Awaited<ReturnType<typeof openClient>>): Promise<Map<string, number>> {
  const rows = await client.db.rows.toArray();
  return new Map(rows.filter((r) => !r.deleted).map((r) => [`${r.collection}/${r.id}`, r.version]));
}

describe('sync engine against the real server', () => {
  it('a public device pulls the directory of its territory without a token', async () => {
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('public') });
    expect(await client.syncNow()).toBe('ok');
    expect((await client.directory.places()).length).toBe(5);
    expect((await client.directory.territory())?.id).toBe('civraisien-en-poitou');
    expect(client.syncStatus.value.kind).toBe('upToDate');
    expect(await replicaVersions(client)).toEqual(await serverProjection(server.db, { role: 'public' }));
    client.close();
  });

  it('an aidant logs visits offline; they reach the server once and come back in the pull', async () => {
    const { client, userId } = await device('aidant', 'aidant');
    const ids = [uuid(), uuid(), uuid()];
    for (const id of ids) await client.writes.createVisit(makeVisit(id, userId));
    expect(await client.pendingCount()).toBe(3);
    expect((await client.directory.visits()).map((v) => v.id)).toEqual(ids);
    expect(client.syncStatus.value).toMatchObject({ kind: 'pending', pending: 3 });
    expect(await client.syncNow()).toBe('ok');
    expect(await client.pendingCount()).toBe(0);
    expect(await client.db.pendingEdits.count()).toBe(0);
    expect((await client.directory.visits()).map((v) => v.id).sort()).toEqual([...ids].sort());
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [userId]);
    expect(rows[0]!.n).toBe(3);
    expect(await replicaVersions(client)).toEqual(await serverProjection(server.db, { role: 'aidant', userId }));
    client.close();
  });

  it('two staff devices edit the same place offline: one applied, one conflict with the server record (I8)', async () => {
    const a = await device('staff', 'staffA');
    const b = await device('staff', 'staffB');
    await a.client.syncNow();
    await b.client.syncNow();
    const base = await a.client.directory.versionOf('place', 'lieu-2');
    expect(base).toBe(1);
    await a.client.writes.editRecord('place', 'lieu-2', base!, { name: 'Mairie (A)' });
    await b.client.writes.editRecord('place', 'lieu-2', base!, { name: 'Mairie (B)' });
    expect((await b.client.directory.place('lieu-2'))?.name).toBe('Mairie (B)');
    await a.client.syncNow();
    await b.client.syncNow();
    expect((await a.client.directory.place('lieu-2'))?.name).toBe('Mairie (A)');
    const conflicts = await b.client.issues.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ collection: 'place', recordId: 'lieu-2', current: { version: 2, record: { name: 'Mairie (A)' } } });
    expect((await b.client.directory.place('lieu-2'))?.name).toBe('Mairie (A)');
    expect(b.client.syncStatus.value).toEqual({ kind: 'actionNeeded', reason: 'conflict', count: 1 });
    // Staff on B keep their version after all: the edit is made again on the current version.
    await b.client.issues.reapply(conflicts[0]!.mutationId);
    expect(await b.client.syncNow()).toBe('ok');
    expect(b.client.syncStatus.value.kind).toBe('upToDate');
    expect(await b.client.issues.conflicts({ includeResolved: true })).toHaveLength(1);
    await a.client.syncNow();
    expect((await a.client.directory.place('lieu-2'))?.name).toBe('Mairie (B)');
    expect(await a.client.directory.versionOf('place', 'lieu-2')).toBe(3);
    a.client.close();
    b.client.close();
  });

  it('a rejected mutation is kept and does not block the ones after it (I12)', async () => {
    const { client, userId } = await device('aidant', 'reject');
    await client.writes.createVisit(makeVisit(uuid(), userId));
    // An aidant may not edit the directory: the server rejects it.
    await client.writes.createRecord('place', makePlace('lieu-interdit'));
    await client.writes.createVisit(makeVisit(uuid(), userId));
    expect(await client.syncNow()).toBe('ok');
    expect(await client.pendingCount()).toBe(0);
    const rejections = await client.issues.rejections();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ name: 'place.create@1', reason: { code: 'forbidden' } });
    expect(await client.directory.place('lieu-interdit')).toBeUndefined();
    expect(await client.directory.visits()).toHaveLength(2);
    expect(client.syncStatus.value).toEqual({ kind: 'actionNeeded', reason: 'rejected', count: 1 });
    client.close();
  });

  it('logout is refused while the outbox is not empty, allowed once it is', async () => {
    const { client, userId } = await device('aidant', 'logout');
    await client.writes.createVisit(makeVisit(uuid(), userId));
    await expect(client.logout()).rejects.toBeInstanceOf(LogoutRefusedError);
    expect(errorText(await client.logout().catch((e: unknown) => e))).toMatch(/Impossible de se déconnecter/);
    expect(await client.pendingCount()).toBe(1);
    await client.syncNow();
    await client.logout();
    expect(await client.db.rows.count()).toBe(0);
    client.close();
  });

  it('an expired or unknown session: action needed, outbox kept', async () => {
    const { client, userId } = await device('aidant', 'expired');
    await client.writes.createVisit(makeVisit(uuid(), userId));
    client.setToken('x'.repeat(43));
    expect(await client.syncNow()).toBe('auth');
    expect(client.syncStatus.value).toMatchObject({ kind: 'actionNeeded', reason: 'sessionExpired' });
    expect(await client.pendingCount()).toBe(1);
    client.close();
  });

  it('the server lost what it had acknowledged (data reset): waiting changes are renumbered and applied once', async () => {
    const { client, userId } = await device('aidant', 'serverReset');
    for (let i = 0; i < 3; i++) await client.writes.createVisit(makeVisit(uuid(), userId));
    await client.syncNow();
    const clientId = await client.clientId();
    // The server's data for this device is gone (restored from an empty backup).
    await server.db.query('DELETE FROM mutation_result WHERE client_id = $1', [clientId]);
    await server.db.query('DELETE FROM record WHERE client_id = $1', [clientId]);
    await server.db.query('UPDATE sync_client SET last_mutation_id = 0 WHERE client_id = $1', [clientId]);
    const later = [uuid(), uuid()];
    for (const id of later) await client.writes.createVisit(makeVisit(id, userId));
    expect((await client.db.outbox.toArray()).map((e) => e.id)).toEqual([4, 5]);
    expect(await client.syncNow()).toBe('ok');
    expect(await client.pendingCount()).toBe(0);
    const { rows } = await server.db.query<{ id: string; mutation_id: string }>(
      "SELECT id, mutation_id::text FROM record WHERE collection = 'visit' AND client_id = $1 ORDER BY mutation_id", [clientId],
    );
    expect(rows.map((r) => [r.id, Number(r.mutation_id)])).toEqual([[later[0], 1], [later[1], 2]]);
    // The next write follows the renumbered ones.
    expect(await client.writes.createVisit(makeVisit(uuid(), userId))).toBe(3);
    expect(await client.syncNow()).toBe('ok');
    client.close();
  });

  it('a public device that signs in starts its replica over under the new scope', async () => {
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('scope') });
    await client.syncNow();
    const account = await server.account('staff', await client.clientId());
    client.setToken(account.token);
    expect(await client.syncNow()).toBe('ok');
    expect(await replicaVersions(client)).toEqual(await serverProjection(server.db, { role: 'staff' }));
    client.close();
  });

  it('signs in on the device, syncs under the account, signs out once nothing waits', async () => {
    const dbName = freshDbName('login');
    let client = await openClient({ fetch: server.fetch, dbName, getAuth: undefined });
    const account = await server.account('aidant');
    await expect(client.login(account.login, 'mauvais-mot-de-passe')).rejects.toThrow(/incorrect/);
    const user = await client.login(account.login, account.password);
    expect(user.id).toBe(account.userId);
    expect(client.account.value?.id).toBe(account.userId);
    await client.syncNow();
    await client.writes.createVisit(makeVisit(uuid(), account.userId));
    // A reload keeps the session.
    client.close();
    client = await openClient({ fetch: server.fetch, dbName, getAuth: undefined });
    expect(client.account.value?.id).toBe(account.userId);
    await expect(client.logout()).rejects.toBeInstanceOf(LogoutRefusedError);
    expect(await client.syncNow()).toBe('ok');
    expect(await client.directory.visits()).toHaveLength(1);
    await client.logout();
    expect(client.account.value).toBeUndefined();
    expect(await client.syncNow()).toBe('ok');
    expect(await replicaVersions(client)).toEqual(await serverProjection(server.db, { role: 'public' }));
    client.close();
  });

  it('two tabs on one database: writes from both reach the server once, the other tab is told', async () => {
    const dbName = freshDbName('tabs');
    const tabA = await openClient({ fetch: server.fetch, dbName });
    const tabB = await openClient({ fetch: server.fetch, dbName });
    expect(await tabB.clientId()).toBe(await tabA.clientId());
    const account = await server.account('aidant', await tabA.clientId());
    tabA.setToken(account.token);
    tabB.setToken(account.token);
    let told = 0;
    tabB.directory.onChange(() => { told++; });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      for (const tab of [tabA, tabB]) {
        const id = uuid();
        ids.push(id);
        await tab.writes.createVisit(makeVisit(id, account.userId));
      }
    }
    expect((await tabA.db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await Promise.all([tabA.syncNow(), tabB.syncNow(), tabA.syncNow()]);
    expect(await tabA.pendingCount()).toBe(0);
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [account.userId]);
    expect(rows[0]!.n).toBe(8);
    await until(() => told > 4);
    expect((await tabB.directory.visits()).map((v) => v.id).sort()).toEqual([...ids].sort());
    tabA.close();
    tabB.close();
  });

  it('an edit that removes an optional field removes it on the server too (merge-patch null)', async () => {
    const { client } = await device('staff', 'removeField');
    await client.syncNow();
    await client.writes.editRecord('place', 'lieu-3', (await client.directory.versionOf('place', 'lieu-3'))!, { phone: '05 49 87 00 00' });
    await client.writes.editRecord('place', 'lieu-3', (await client.directory.versionOf('place', 'lieu-3'))!, { phone: undefined });
    expect((await client.directory.place('lieu-3'))?.phone).toBeUndefined();
    expect(await client.syncNow()).toBe('ok');
    const { rows } = await server.db.query<{ data: { phone?: string }; version: number }>("SELECT data, version FROM record WHERE collection = 'place' AND id = 'lieu-3'");
    expect(rows[0]!.data.phone).toBeUndefined();
    expect(await client.issues.rejections()).toEqual([]);
    expect(await client.directory.versionOf('place', 'lieu-3')).toBe(rows[0]!.version);
    client.close();
  });
});
