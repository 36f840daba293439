import { describe, expect, it } from 'vitest';
import { storePulledPage } from '../../../src/app/data/replicaStore';
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
    expect(await storePulledPage(client.db, 'public:t', first, at)).toEqual({ written: 2 });
    expect(await storePulledPage(client.db, 'public:t', second, at)).toEqual({ written: 3 });
    expect(await storePulledPage(client.db, 'public:t', second, at)).toEqual({ written: 0 });
    expect(await storePulledPage(client.db, 'public:t', first, at)).toEqual({ written: 0 });
    const rows = await client.db.rows.toArray();
    expect(rows.map((r) => [r.id, r.version, r.deleted ?? false]).sort()).toEqual([['a', 2, false], ['b', 2, true], ['c', 1, false]]);
  });
});
