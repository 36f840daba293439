import { describe, expect, it } from 'vitest';
import { LoginFailedError } from '../../../src/app/data/accountSession';
import { META } from '../../../src/app/data/db';
import { createMemoryKeyValueStore } from '../../../src/app/data/keyValueStore';
import { freshDbName, openClient, until } from '../sync/support/clients';
import { makeVisit, seededUuid, TERRITORY_ID } from '../sync/support/fixtures';

// A lost tablet (issue 17, docs/privacy.md): once the server answers `device_revoked`, the
// device wipes its replica, outbox, session and the aidant stores, keeps a notice, takes a
// new device id, and syncs on as a public device. On the real Dexie database (fake-indexeddb).

const uuid = seededUuid(1717);
const TOKEN = 'token-of-the-tablet-0123456789';
const USER = { id: 'aidant-a', login: 'marie.aidante', displayName: 'Marie', role: 'aidant', territoryId: TERRITORY_ID, disabled: false };

/** A server that accepts the device until `revoke()`, then refuses all it sends with a session. */
function revokingServer() {
  let revoked = false;
  const requests: Array<{ url: string; auth: string | undefined; body?: unknown }> = [];
  const refuse = () => Response.json({ code: 'device_revoked', message: 'Cet appareil a été révoqué par un administrateur.' }, { status: 403 });
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization;
    const body = init?.body ? JSON.parse(String(init.body)) as unknown : undefined;
    requests.push({ url: input, auth, body });
    if (input.startsWith('/api/auth/login')) {
      if (revoked) return refuse();
      return Response.json({ token: TOKEN, expiresAt: '2030-01-01T00:00:00.000Z', user: USER });
    }
    if (input.startsWith('/api/sync/note-key')) return Response.json({ code: 'not_found', message: 'non' }, { status: 404 });
    if (auth && revoked) return refuse();
    if (input.startsWith('/api/sync/push')) return Response.json({ code: 'unavailable', message: 'plus tard' }, { status: 503 });
    return Response.json({ changes: [], cursor: 'c', hasMore: false, lastMutationId: 0 });
  };
  return { fetch, requests, revoke: () => void (revoked = true) };
}

async function tablet(server: ReturnType<typeof revokingServer>, dbName = freshDbName('wipe')) {
  const profiles = createMemoryKeyValueStore();
  const notes = createMemoryKeyValueStore();
  const client = await openClient({
    fetch: server.fetch, dbName, getAuth: undefined,
    wipeAlso: async () => { await profiles.clear(); await notes.clear(); },
  });
  return { client, profiles, notes, dbName };
}

describe('a revoked device wipes itself at its next contact', () => {
  it('a sync answered device_revoked: replica, outbox, session and aidant stores gone; a new id; then public pulls', async () => {
    const server = revokingServer();
    const { client, profiles, notes } = await tablet(server);
    await client.login('marie.aidante', 'mot-de-passe');
    await profiles.put(USER.id, { userId: USER.id, token: TOKEN });
    await notes.put('v1', { box: 'sealed' });
    const oldId = await client.clientId();
    client.setActingAccount(USER.id);
    await client.writes.createVisit(makeVisit(uuid(), USER.id));
    await client.db.rows.put({ collection: 'visit', id: uuid(), version: 1, seq: 3, record: makeVisit(uuid(), USER.id) } as never);
    expect(await client.pendingCount()).toBe(1);

    server.revoke();
    const sentBefore = server.requests.length;
    await client.syncNow();
    await until(() => client.wiped.value !== undefined);
    // The push was tried first (the server refused it: nothing of a revoked device is taken).
    expect(server.requests.slice(sentBefore)[0]).toMatchObject({ url: '/api/sync/push', auth: `Bearer ${TOKEN}` });
    expect(client.wiped.value).toEqual({ at: expect.any(String), dropped: 1 });
    for (const table of [client.db.rows, client.db.outbox, client.db.pendingEdits, client.db.conflicts, client.db.rejections, client.db.quarantine]) {
      expect(await table.count()).toBe(0);
    }
    const meta = new Map((await client.db.meta.toArray()).map((m) => [m.key, m.value]));
    // Only the device's own bookkeeping (and the public pull's cursor, if it already ran).
    const kept = new Set<string>([META.clientId, META.newestSeq, META.replicaFormat, META.wiped, META.cursor, META.lastSyncedAt, META.lastMutationId]);
    expect([...meta.keys()].filter((k) => !kept.has(k))).toEqual([]);
    expect(meta.has(META.session)).toBe(false);
    expect(meta.get(META.clientId)).not.toBe(oldId);
    expect(await client.clientId()).toBe(meta.get(META.clientId));
    expect(client.account.value).toBeUndefined();
    expect(client.sessionToken()).toBeUndefined();
    expect(profiles.dump().size + notes.dump().size).toBe(0);

    // From now on a public device: the directory is pulled with no session.
    await until(() => server.requests.some((r, i) => i > sentBefore && r.url.startsWith('/api/sync/pull') && r.auth === undefined));
    const publicPull = server.requests.findLast((r) => r.url.startsWith('/api/sync/pull'))!;
    expect(publicPull.auth).toBeUndefined();
    expect(publicPull.url).toContain(`territory=${TERRITORY_ID}`);
    client.close();
  });

  it('the notice outlives a restart; a sign-in refused as revoked wipes too; a sign-in that works clears the notice', async () => {
    const server = revokingServer();
    const first = await tablet(server);
    await first.client.login('marie.aidante', 'mot-de-passe');
    await first.profiles.put(USER.id, { userId: USER.id, token: TOKEN });
    server.revoke();
    // The next contact is a sign-in (another aidant at the tablet), before any sync.
    const refused = await first.client.login('paul.aidant', 'mot-de-passe').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LoginFailedError);
    expect((refused as LoginFailedError).code).toBe('device_revoked');
    expect(first.client.wiped.value?.dropped).toBe(0);
    expect(first.profiles.dump().size).toBe(0);
    expect(await first.client.db.meta.get(META.session)).toBeUndefined();
    const newId = await first.client.clientId();
    first.client.close();

    const again = await tablet(revokingServer(), first.dbName);
    expect(again.client.wiped.value).toEqual({ at: expect.any(String), dropped: 0 });
    // Signed in again (a found tablet): a new device for the server, the notice goes.
    await again.client.login('marie.aidante', 'mot-de-passe');
    expect(again.client.wiped.value).toBeUndefined();
    expect(await again.client.db.meta.get(META.wiped)).toBeUndefined();
    const login = (await again.client.db.meta.get(META.clientId))?.value;
    expect(login).toBe(newId);
    again.client.close();
  });
});
