import { describe, expect, it } from 'vitest';
import { PreviousPageNotStored, readCursor, storePulledPage } from '../../../src/app/data/replicaStore';
import { del, put } from '../sync/support/fixtures';
import { freshDbName, openClient } from '../sync/support/clients';

// A page newer (by seq) than every row held is stored without reading the rows it touches;
// a page replayed, or older than what is held, still skips the versions not newer (I7).

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const at = new Date('2026-11-22T10:00:00Z');

describe('storePulledPage', () => {
  it('stores pages in order, then a replayed or older page changes nothing', async () => {
    const client = await openClient({ fetch: noFetch, dbName: freshDbName('store-page') });
    const first = { changes: [put('a', 1, 1), put('b', 1, 2)], cursor: 'c2', hasMore: true, lastMutationId: null };
    const second = { changes: [put('a', 2, 3), del('b', 2, 4), put('c', 1, 5)], cursor: 'c5', hasMore: false, lastMutationId: null };
    expect(await storePulledPage(client.db, 'public:t', first, at)).toMatchObject({ written: 2 });
    expect(await storePulledPage(client.db, 'public:t', second, at)).toMatchObject({ written: 3 });
    expect(await storePulledPage(client.db, 'public:t', second, at)).toMatchObject({ written: 0 });
    expect(await storePulledPage(client.db, 'public:t', first, at)).toMatchObject({ written: 0 });
    const rows = await client.db.rows.toArray();
    expect(rows.map((r) => [r.id, r.version, r.deleted ?? false]).sort()).toEqual([['a', 2, false], ['b', 2, true], ['c', 1, false]]);
  });

  it('a page opened before the previous one committed is stored only after it (`after`), else not at all', async () => {
    const client = await openClient({ fetch: noFetch, dbName: freshDbName('store-after') });
    const first = { changes: [put('a', 1, 1), put('b', 1, 2)], cursor: 'c2', hasMore: true, lastMutationId: null };
    const second = { changes: [put('c', 1, 3)], cursor: 'c3', hasMore: true, lastMutationId: null };
    const third = { changes: [put('d', 1, 4)], cursor: 'c4', hasMore: false, lastMutationId: null };
    // Both transactions opened at once: IndexedDB runs them in order, the second sees c2.
    const [one, two] = await Promise.all([
      storePulledPage(client.db, 'public:t', first, at, undefined, { after: null }),
      storePulledPage(client.db, 'public:t', second, at, undefined, { after: 'c2' }),
    ]);
    expect([one.written, two.written]).toEqual([2, 1]);
    // The page before `third` (after c9) is not stored: nothing of it is, the cursor stays.
    await expect(storePulledPage(client.db, 'public:t', third, at, undefined, { after: 'c9' })).rejects.toBeInstanceOf(PreviousPageNotStored);
    // Nor in another scope's cursor, nor when a cursor is held but none expected.
    await expect(storePulledPage(client.db, 'account', third, at, undefined, { after: 'c3' })).rejects.toBeInstanceOf(PreviousPageNotStored);
    await expect(storePulledPage(client.db, 'public:t', third, at, undefined, { after: null })).rejects.toBeInstanceOf(PreviousPageNotStored);
    expect((await client.db.rows.toArray()).map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect(await readCursor(client.db)).toEqual({ scope: 'public:t', cursor: 'c3' });
  });
});

describe('rows without indexes (db.ts v2)', () => {
  it('an upgrade from v1 keeps the outbox and records the newest seq held, so the next page still skips what it holds', async () => {
    const { Dexie } = await import('dexie');
    const { EscaleDb, META } = await import('../../../src/app/data/db');
    const dbName = freshDbName('v1-to-v2');
    const v1 = new Dexie(dbName);
    v1.version(1).stores({
      rows: '&[collection+id], collection, seq', pendingEdits: '&mutationId, [collection+id], collection, status', outbox: '&id',
      conflicts: '&mutationId, resolvedAt', rejections: '&mutationId, dismissedAt', quarantine: '++key, collection', meta: '&key',
    });
    await v1.open();
    const a = put('a', 3, 7);
    await v1.table('rows').bulkPut([
      { collection: a.collection, id: 'a', version: 3, seq: 7, record: (a as { record: unknown }).record },
      { collection: a.collection, id: 'b', version: 1, seq: 2, deleted: true },
    ]);
    await v1.table('outbox').bulkPut([1, 2, 3].map((id) => ({ id, name: 'visit.create@1', args: { id: `v${id}` }, createdAt: at.toISOString() })));
    v1.close();

    const db = new EscaleDb(dbName);
    await db.open();
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2, 3]);
    expect((await db.meta.get(META.newestSeq))?.value).toBe(7);
    expect(db.rows.schema.indexes).toEqual([]);
    // An older version of `a` in a later page is still skipped (I7): the page's seq is under 7.
    const stale = { changes: [put('a', 2, 5), put('c', 1, 8)], cursor: 'c8', hasMore: false, lastMutationId: null };
    expect(await storePulledPage(db, 'public:t', stale, at)).toMatchObject({ written: 1 });
    expect((await db.rows.get([a.collection, 'a']))?.version).toBe(3);
    expect((await db.meta.get(META.newestSeq))?.value).toBe(8);
    db.close();
  });

  it('a new database starts at newest seq 0, and a reset brings it back to 0', async () => {
    const { META } = await import('../../../src/app/data/db');
    const { resetReplica } = await import('../../../src/app/data/replicaStore');
    const client = await openClient({ fetch: noFetch, dbName: freshDbName('newest-seq') });
    expect((await client.db.meta.get(META.newestSeq))?.value).toBe(0);
    await storePulledPage(client.db, 'public:t', { changes: [put('a', 1, 4)], cursor: 'c4', hasMore: false, lastMutationId: null }, at);
    expect((await client.db.meta.get(META.newestSeq))?.value).toBe(4);
    await resetReplica(client.db);
    expect((await client.db.meta.get(META.newestSeq))?.value).toBe(0);
  });
});
