import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META } from '../../../src/app/data/db';
import type { FetchLike } from '../../../src/app/data/fetchLike';
import { sealOtherAidants } from '../../../src/app/data/forgetOtherAidants';
import { freshDbName, openClient, until } from '../sync/support/clients';
import { makeVisit } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/testServer';

// Issue 17, a shared tablet: when aidant B opens the tablet while aidant A's changes still
// wait, A's outbox entries are sealed for the server and A's pending edits leave the
// replica; nothing of A's waiting visits is left readable in the database, and they are
// still pushed exactly once, under A, the server opening them (docs/privacy.md). On the
// real Dexie database (fake-indexeddb) against the real server in-process (PGlite).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2);
});
afterAll(() => server.close());

/** Every store of the device database, as one string (what a raw read of IndexedDB shows). */
async function rawDump(db: import('../../../src/app/data/db').EscaleDb): Promise<string> {
  return JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
}

async function sharedTablet(label: string, dropAnswerOf?: (body: string) => boolean) {
  const clientId = randomUUID();
  const a = await server.account('aidant', clientId);
  const b = await server.account('aidant', clientId);
  const tokens: Record<string, string> = { [a.userId]: a.token, [b.userId]: b.token };
  const net = { online: true, pushes: [] as string[] };
  const fetch: FetchLike = async (input, init) => {
    if (!net.online) throw new TypeError('offline');
    const res = await server.fetch(input, init);
    if (input.startsWith('/api/sync/push')) {
      const body = String(init?.body);
      net.pushes.push(body);
      // Applied by the server, the answer lost on the way back.
      if (dropAnswerOf?.(body)) throw new TypeError('connection reset');
    }
    return res;
  };
  const tablet = await openClient({ fetch, dbName: freshDbName(label), clientId, getAuth: undefined, tokenFor: (id) => tokens[id] });
  return { tablet, a, b, net };
}

const visitOwners = async (ids: readonly string[]) =>
  (await server.db.query<{ id: string; owner_id: string }>("SELECT id, owner_id FROM record WHERE collection = 'visit' AND id = ANY($1::text[])", [ids])).rows;

describe('a shared tablet seals the waiting changes of the aidant who left', () => {
  it('A logs visits offline, B opens: none of A\'s waiting visits is readable, on screen or in the database; online, each reaches the server once, as A\'s', async () => {
    const { tablet, a, b, net } = await sharedTablet('seal-switch');
    // A signed in online: the tablet keeps the server's note key.
    tablet.setActingAccount(a.userId);
    expect((await tablet.refreshNoteServerKey())?.sealedMutations).toBe(1);
    net.online = false;
    const aVisits = [
      makeVisit(randomUUID(), a.userId, { residenceInsee: '86070', durationMinutes: 47, themes: ['sante'] }),
      makeVisit(randomUUID(), a.userId, { residenceInsee: '86070', durationMinutes: 53 }),
    ];
    for (const v of aVisits) await tablet.writes.createVisit(v);
    expect((await tablet.directory.visits()).map((v) => v.id).sort()).toEqual(aVisits.map((v) => v.id).sort());

    // A locks; B opens the tablet, offline.
    tablet.setActingAccount(undefined);
    tablet.setActingAccount(b.userId);
    expect((await tablet.directory.visits()).filter((v) => v.aidantId === a.userId)).toEqual([]);
    await until(async () => (await tablet.db.outbox.toArray()).every((e) => e.sealed !== undefined));
    const entries = await tablet.db.outbox.toArray();
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({ name: 'visit.create@1', authorId: a.userId, sealed: { v: 1, mid: e.id } });
      expect('args' in e).toBe(false);
    }
    expect(await tablet.db.pendingEdits.count()).toBe(0);
    const raw = await rawDump(tablet.db);
    for (const v of aVisits) expect(raw).not.toContain(v.id);
    expect(raw).not.toContain('86070');
    expect(raw).not.toContain('"durationMinutes":47');
    expect(raw).not.toContain('"sante"');
    // B's own visit, logged meanwhile, is B's to see (and stays in clear: B is at the tablet).
    const bVisit = makeVisit(randomUUID(), b.userId);
    await tablet.writes.createVisit(bVisit);
    expect((await tablet.directory.visits()).map((v) => v.id)).toEqual([bVisit.id]);
    expect((await tablet.pendingChanges()).map((p) => p.recordId)).toEqual([undefined, undefined, bVisit.id]);

    // Back online: A's two go under A's token (protocol 2), then B's (protocol 1).
    net.online = true;
    await tablet.syncNow();
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    expect(net.pushes.map((p) => (JSON.parse(p) as { protocol: number }).protocol)).toEqual([2, 1]);
    expect((await visitOwners([...aVisits, bVisit].map((v) => v.id))).sort((x, y) => x.id.localeCompare(y.id)))
      .toEqual([...aVisits.map((v) => ({ id: v.id, owner_id: a.userId })), { id: bVisit.id, owner_id: b.userId }].sort((x, y) => x.id.localeCompare(y.id)));
    const { rows } = await server.db.query<{ data: { residenceInsee?: string; durationMinutes: number } }>("SELECT data FROM record WHERE collection = 'visit' AND owner_id = $1 ORDER BY data->>'durationMinutes'", [a.userId]);
    expect(rows.map((r) => [r.data.residenceInsee, r.data.durationMinutes])).toEqual([['86070', 47], ['86070', 53]]);
    expect(await tablet.issues.rejections()).toEqual([]);
    // B's replica after B's pull: B's visit only.
    const held = (await tablet.db.rows.toArray()).filter((r) => r.collection === 'visit').map((r) => r.id);
    expect(held).toEqual([bVisit.id]);
    tablet.close();
  });

  it('an entry a push had taken (applied, its answer lost) is sealed too and is not applied twice', async () => {
    let drop = true;
    const { tablet, a, b, net } = await sharedTablet('seal-taken', () => {
      const once = drop;
      drop = false;
      return once;
    });
    tablet.setActingAccount(a.userId);
    await tablet.refreshNoteServerKey();
    const visit = makeVisit(randomUUID(), a.userId);
    await tablet.writes.createVisit(visit);
    await tablet.syncNow(); // applied on the server; the answer is lost
    const [taken] = await tablet.db.outbox.toArray();
    expect(taken?.takenAt).toBeDefined();
    net.online = false;
    tablet.setActingAccount(undefined);
    tablet.setActingAccount(b.userId);
    await until(async () => (await tablet.db.outbox.get(taken!.id))?.sealed !== undefined);
    expect((await tablet.db.outbox.get(taken!.id))?.takenAt).toBe(taken!.takenAt);
    net.online = true;
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    expect(await visitOwners([visit.id])).toEqual([{ id: visit.id, owner_id: a.userId }]);
    expect(net.pushes).toHaveLength(2);
    tablet.close();
  });

  it('a box the server cannot open is one named rejection: the entry leaves once, the rejection is kept, nothing is sent again', async () => {
    const { tablet, a, b, net } = await sharedTablet('seal-unopened');
    tablet.setActingAccount(a.userId);
    const key = await tablet.refreshNoteServerKey();
    // The tablet holds a key the server no longer has (its database lost it).
    await tablet.db.meta.put({ key: META.noteServerKey, value: { ...key!, kid: 'nk-perdue' } });
    net.online = false;
    await tablet.writes.createVisit(makeVisit(randomUUID(), a.userId));
    tablet.setActingAccount(undefined);
    tablet.setActingAccount(b.userId);
    await until(async () => (await tablet.db.outbox.toArray())[0]?.sealed !== undefined);
    net.online = true;
    await tablet.syncNow();
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    const rejections = await tablet.issues.rejections();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ name: 'visit.create@1', reason: { code: 'sealed_unopened' } });
    expect(rejections[0]!.args).toBeUndefined();
    expect(net.pushes).toHaveLength(1);
    tablet.close();
  });

  it('a server restored from a backup (it lost what it had acknowledged): sealed entries are renumbered, keep their boxes and are applied once', async () => {
    const { tablet, a, b, net } = await sharedTablet('seal-renumber');
    tablet.setActingAccount(a.userId);
    await tablet.refreshNoteServerKey();
    const clientId = await tablet.clientId();
    for (let i = 0; i < 3; i++) await tablet.writes.createVisit(makeVisit(randomUUID(), a.userId));
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    net.online = false;
    const waiting = [makeVisit(randomUUID(), a.userId), makeVisit(randomUUID(), a.userId)];
    for (const v of waiting) await tablet.writes.createVisit(v);
    tablet.setActingAccount(undefined);
    tablet.setActingAccount(b.userId);
    await until(async () => (await tablet.db.outbox.toArray()).every((e) => e.sealed !== undefined));
    expect((await tablet.db.outbox.toArray()).map((e) => [e.id, e.sealed!.mid])).toEqual([[4, 4], [5, 5]]);
    // The server's database goes back to when it had acknowledged mutation 1 only.
    await server.db.query('UPDATE sync_client SET last_mutation_id = 1 WHERE client_id = $1', [clientId]);
    await server.db.query('DELETE FROM record WHERE client_id = $1 AND mutation_id > 1', [clientId]);
    await server.db.query('DELETE FROM mutation_result WHERE client_id = $1 AND mutation_id > 1', [clientId]);
    net.online = true;
    await tablet.syncNow();
    await tablet.syncNow();
    expect(await tablet.pendingCount()).toBe(0);
    expect(await tablet.issues.rejections()).toEqual([]);
    // Pushed as 2 and 3, each box opened below its own id: each visit once, as A's.
    const { rows } = await server.db.query<{ mutation_id: unknown; status: string }>(
      'SELECT mutation_id, status FROM mutation_result WHERE client_id = $1 AND mutation_id > 1 ORDER BY mutation_id', [clientId],
    );
    expect(rows.map((r) => [Number(r.mutation_id), r.status])).toEqual([[2, 'applied'], [3, 'applied']]);
    expect(await visitOwners(waiting.map((v) => v.id))).toHaveLength(2);
    expect((await visitOwners(waiting.map((v) => v.id))).every((r) => r.owner_id === a.userId)).toBe(true);
    tablet.close();
  });

  it('no key kept, or a key of a server that does not open sealed changes: the entries stay as they are', async () => {
    const { tablet, a } = await sharedTablet('seal-older');
    tablet.setActingAccount(a.userId);
    const key = await tablet.refreshNoteServerKey();
    await tablet.writes.createVisit(makeVisit(randomUUID(), a.userId));
    const entries = await tablet.db.outbox.toArray();
    expect(await sealOtherAidants(tablet.db, entries, undefined, await tablet.clientId())).toBe('no_key');
    const { sealedMutations: _said, ...older } = key!;
    expect(await sealOtherAidants(tablet.db, entries, older, await tablet.clientId())).toBe('server_cannot_open');
    expect(await tablet.db.outbox.toArray()).toEqual(entries);
    expect(await sealOtherAidants(tablet.db, entries, key, await tablet.clientId())).toBe(1);
    // Twice is once: an entry already sealed is left as it is.
    expect(await sealOtherAidants(tablet.db, entries, key, await tablet.clientId())).toBe(0);
    tablet.close();
  });
});
