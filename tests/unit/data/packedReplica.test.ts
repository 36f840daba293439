import { describe, expect, it } from 'vitest';
import { createBootReader } from '../../../src/app/data/bootReader';
import { EscaleDb } from '../../../src/app/data/db';
import { resetReplica, storePulledPage } from '../../../src/app/data/replicaStore';
import { PACK_MIN } from '../../../src/app/replica/packs';
import type { Change } from '../../../src/shared/sync/protocol';
import { del, put } from '../sync/support/fixtures';
import { freshDbName, openClient } from '../sync/support/clients';

// A first sync's pages of places held as packs (src/app/replica/packs.ts): every reader
// sees the same records as when each was its own row, every later change wins over the
// packed copy, and nothing of the replica rules (I7: idempotent, any order) changes.

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const at = new Date('2026-12-07T10:00:00Z');
const N = PACK_MIN * 2 + 17;
const id = (i: number) => `p${String(i).padStart(4, '0')}`;
/** The first sync's pages: N places from seq 1, in pages of `size`. */
function firstSync(size: number): Array<{ changes: Change[]; cursor: string; hasMore: boolean; lastMutationId: number | null }> {
  const pages = [];
  for (let from = 1; from <= N; from += size) {
    const changes = Array.from({ length: Math.min(size, N - from + 1) }, (_, k) => put(id(from + k), 1, from + k));
    pages.push({ changes, cursor: `c${from + changes.length - 1}`, hasMore: from + size <= N, lastMutationId: null });
  }
  return pages;
}

/** `asText`: each page comes with its JSON text, as the sync engine's pages do. */
async function synced(label: string, size = PACK_MIN + 10, asText = false) {
  const dbName = freshDbName(label);
  const client = await openClient({ fetch: noFetch, dbName });
  for (const page of firstSync(size)) await storePulledPage(client.db, 'public:t', asText ? { ...page, text: JSON.stringify(page) } : page, at);
  return { client, dbName };
}

describe('packed replica', () => {
  it('a first sync writes its pages of places as a few packs, and the directory reads every place from them, in id order', async () => {
    const { client } = await synced('packed-read');
    // 217 places in pages of 110: a pack of 110, then one of 107 (≥ PACK_MIN).
    expect(await client.db.packs.count()).toBe(2);
    expect(await client.db.rows.count()).toBe(0);
    const places = await client.directory.places();
    expect(places.map((p) => p.id)).toEqual(Array.from({ length: N }, (_, i) => id(i + 1)));
    expect((await client.directory.place(id(200)))?.name).toBe(`Lieu ${id(200)} v1`);
    expect(await client.directory.place('absent')).toBeUndefined();
    client.close();
  });

  it('a page that came with its text is packed as that text, and reads the same', async () => {
    const asRows = await synced('packed-rows');
    const asText = await synced('packed-text', PACK_MIN + 10, true);
    const packs = await asText.client.db.packs.toArray();
    expect(packs.map((p) => [p.rows === undefined, typeof p.page])).toEqual([[true, 'string'], [true, 'string']]);
    expect(await asText.client.directory.places()).toEqual(await asRows.client.directory.places());
    expect(await asText.client.directory.place(id(150))).toEqual(await asRows.client.directory.place(id(150)));
    expect(await createBootReader({ dbName: asText.dbName }).places()).toEqual(await asRows.client.directory.places());
    asRows.client.close();
    asText.client.close();
  });

  it('a page with a record that fails its schema is packed as rows, without it (the text would hold it)', async () => {
    const client = await openClient({ fetch: noFetch, dbName: freshDbName('packed-quarantine') });
    const [page] = firstSync(N);
    const changes = [...page!.changes, put('broken', 1, N + 1, { id: 'broken', name: 12 })];
    await storePulledPage(client.db, 'public:t', { ...page!, changes, text: JSON.stringify({ ...page, changes }) }, at);
    const [pack] = await client.db.packs.toArray();
    expect([pack!.page, pack!.rows?.length]).toEqual([undefined, N]);
    expect(await client.directory.places()).toHaveLength(N);
    expect(await client.db.quarantine.count()).toBe(1);
    client.close();
  });

  it('a later change of a packed place, a small page, wins over its packed copy; a tombstone hides it', async () => {
    const { client } = await synced('packed-later');
    await storePulledPage(client.db, 'public:t', { changes: [put(id(3), 2, N + 1), del(id(4), 2, N + 2)], cursor: 'later', hasMore: false, lastMutationId: null }, at);
    expect(await client.db.rows.count()).toBe(2);
    expect((await client.directory.place(id(3)))?.name).toBe(`Lieu ${id(3)} v2`);
    expect(await client.directory.place(id(4))).toBeUndefined();
    const places = await client.directory.places();
    expect(places).toHaveLength(N - 1);
    expect(places.find((p) => p.id === id(3))?.name).toBe(`Lieu ${id(3)} v2`);
    client.close();
  });

  it('the same pages stored again, or an older version after a newer one, change nothing (I7), packed copies included', async () => {
    const { client } = await synced('packed-replay');
    await storePulledPage(client.db, 'public:t', { changes: [put(id(5), 3, N + 1)], cursor: 'later', hasMore: false, lastMutationId: null }, at);
    for (const page of firstSync(PACK_MIN + 10)) expect(await storePulledPage(client.db, 'public:t', page, at)).toMatchObject({ written: 0 });
    // An older version of a packed place, in a page older than what is held: skipped.
    expect(await storePulledPage(client.db, 'public:t', { changes: [put(id(6), 1, 6), put(id(7), 2, 7)], cursor: 'x', hasMore: false, lastMutationId: null }, at)).toMatchObject({ written: 1 });
    expect(await client.db.packs.count()).toBe(2);
    expect((await client.directory.place(id(5)))?.name).toBe(`Lieu ${id(5)} v3`);
    expect((await client.directory.place(id(7)))?.name).toBe(`Lieu ${id(7)} v2`);
    expect(await client.directory.places()).toHaveLength(N);
    client.close();
  });

  it('a staff edit of a packed place starts from the packed record and its version', async () => {
    const { client } = await synced('packed-edit');
    await client.writes.editRecord('place', id(10), 1, { name: 'Renommé au bureau' });
    expect((await client.directory.place(id(10)))?.name).toBe('Renommé au bureau');
    expect(await client.directory.versionOf('place', id(10))).toBe(2);
    expect((await client.db.outbox.toArray()).map((e) => e.name)).toEqual(['place.update@1']);
    client.close();
  });

  it('the first-paint reader (no Dexie) reads packed places as the data layer does', async () => {
    const { client, dbName } = await synced('packed-boot');
    await storePulledPage(client.db, 'public:t', { changes: [put(id(3), 2, N + 1), del(id(4), 2, N + 2)], cursor: 'later', hasMore: false, lastMutationId: null }, at);
    const boot = createBootReader({ dbName });
    expect(await boot.places()).toEqual((await client.directory.places()).map((p) => p));
    expect(await boot.place(id(3))).toEqual(await client.directory.place(id(3)));
    expect(await boot.place(id(250))).toEqual(await client.directory.place(id(250)));
    expect(await boot.place(id(4))).toBeUndefined();
    boot.close();
    client.close();
  });

  it('a reset clears the packs with the rows, and the next first sync fills them again', async () => {
    const { client } = await synced('packed-reset');
    await resetReplica(client.db);
    expect([await client.db.packs.count(), await client.db.packIds.count(), await client.db.rows.count()]).toEqual([0, 0, 0]);
    expect(await client.directory.places()).toEqual([]);
    for (const page of firstSync(N)) await storePulledPage(client.db, 'public:t', page, at);
    expect(await client.db.packs.count()).toBe(1);
    expect(await client.directory.places()).toHaveLength(N);
    client.close();
  });

  it('an upgrade from v2 keeps the rows and the outbox, and adds empty packs', async () => {
    const { Dexie } = await import('dexie');
    const dbName = freshDbName('v2-to-v3');
    const v2 = new Dexie(dbName);
    v2.version(2).stores({
      rows: '&[collection+id]', pendingEdits: '&mutationId, [collection+id], collection, status', outbox: '&id',
      conflicts: '&mutationId, resolvedAt', rejections: '&mutationId, dismissedAt', quarantine: '++key, collection', meta: '&key',
    });
    await v2.open();
    const a = put('a', 3, 7) as { record: unknown };
    await v2.table('rows').put({ collection: 'place', id: 'a', version: 3, seq: 7, record: a.record });
    await v2.table('outbox').bulkPut([1, 2].map((n) => ({ id: n, name: 'visit.create@1', args: { id: `v${n}` }, createdAt: at.toISOString() })));
    v2.close();
    const db = new EscaleDb(dbName);
    await db.open();
    expect(db.verno).toBe(3);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2]);
    expect((await db.rows.get(['place', 'a']))?.version).toBe(3);
    expect(await db.packs.count()).toBe(0);
    db.close();
  });
});
