import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/app/data/fetchLike';
import { isOwnRecord } from '../../../src/app/data/forgetOtherAidants';
import { freshDbName, openClient, until } from '../sync/support/clients';
import { makeVisit } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/testServer';

// Issue 17, a shared tablet one aidant at a time: the device records pulled for aidant A
// leave the replica when aidant B opens the tablet, the pull then runs under B's own token
// (B's scope), and A's waiting visits are still pushed exactly once, with A's token. On
// the real Dexie database (fake-indexeddb) against the real server in-process (PGlite).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(3);
});
afterAll(() => server.close());

describe('one aidant at a time on a shared tablet', () => {
  it('isOwnRecord: a visit by its aidant, a session by its aidants, a correction by its author; coverage never', () => {
    expect(isOwnRecord({ collection: 'visit', record: { aidantId: 'a' } }, 'a')).toBe(true);
    expect(isOwnRecord({ collection: 'visit', record: { aidantId: 'b' } }, 'a')).toBe(false);
    expect(isOwnRecord({ collection: 'session', record: { aidantIds: ['b', 'a'] } }, 'a')).toBe(true);
    expect(isOwnRecord({ collection: 'correction', record: { proposedBy: 'b' } }, 'a')).toBe(false);
    expect(isOwnRecord({ collection: 'coverage', record: {} }, 'a')).toBe(false);
  });

  it('A logs visits, locks; B opens: none of A\'s rows is left, B pulls in B\'s scope; A\'s waiting visits are sent once', async () => {
    const clientId = randomUUID();
    const a = await server.account('aidant', clientId);
    const b = await server.account('aidant', clientId);
    const tokens: Record<string, string> = { [a.userId]: a.token, [b.userId]: b.token };
    // Both signed in on this tablet earlier (their tokens are in their profiles).
    let online = true;
    const fetch: FetchLike = async (input, init) => {
      if (!online) throw new TypeError('offline');
      return server.fetch(input, init);
    };
    const tablet = await openClient({ fetch, dbName: freshDbName('one-at-a-time'), clientId, getAuth: undefined, tokenFor: (id) => tokens[id] });

    // B's own visit, sent earlier from this tablet.
    tablet.setActingAccount(b.userId);
    const bVisit = makeVisit(randomUUID(), b.userId, { createdAt: new Date().toISOString() });
    await tablet.writes.createVisit(bVisit);
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);

    // A at the tablet: two visits sent and pulled back, one more waiting (offline).
    tablet.setActingAccount(a.userId);
    const sent = [makeVisit(randomUUID(), a.userId), makeVisit(randomUUID(), a.userId)];
    for (const v of sent) await tablet.writes.createVisit(v);
    await tablet.syncNow();
    await until(async () => (await tablet.db.rows.where(':id').between(['visit', ''], ['visit', '\uffff']).count()) >= 2);
    online = false;
    const waiting = makeVisit(randomUUID(), a.userId);
    await tablet.writes.createVisit(waiting);
    const rowsOfA = async () => (await tablet.db.rows.toArray()).filter((r) => r.collection === 'visit' && (r.record as { aidantId: string }).aidantId === a.userId);
    expect((await rowsOfA()).map((r) => r.id).sort()).toEqual(sent.map((v) => v.id).sort());

    // A locks; B opens the tablet (offline, with the PIN).
    tablet.setActingAccount(undefined);
    tablet.setActingAccount(b.userId);
    await until(async () => (await rowsOfA()).length === 0);
    const held = JSON.stringify(await tablet.db.rows.toArray());
    for (const v of sent) expect(held).not.toContain(v.id);
    // B's screens read visits through the same reader: none of A's sent visits.
    const visible = (await tablet.directory.visits()).map((v) => v.id);
    expect(visible.filter((id) => sent.some((v) => v.id === id))).toEqual([]);

    // Back online: A's waiting visit goes with A's token, once; B's pull is B's scope.
    online = true;
    await tablet.syncNow();
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    const { rows } = await server.db.query<{ id: string; owner_id: string }>("SELECT id, owner_id FROM record WHERE collection = 'visit'");
    expect(rows.filter((r) => r.id === waiting.id)).toEqual([{ id: waiting.id, owner_id: a.userId }]);
    expect(rows.filter((r) => r.owner_id === a.userId)).toHaveLength(3);
    const after = (await tablet.db.rows.toArray()).filter((r) => r.collection === 'visit');
    expect(after.map((r) => (r.record as { aidantId: string }).aidantId)).toEqual([b.userId]);
    expect(after.map((r) => r.id)).toEqual([bVisit.id]);
    tablet.close();
  });
});
