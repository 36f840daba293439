import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, RecordNotFoundError } from '../../../src/app/data/errors';
import { errorText } from '../../../src/app/i18n/errors/errorText';
import { createPreferences } from '../../../src/app/data/preferences';
import { uuidV4 } from '../../../src/app/ids/uuidV4';
import { uuidSchema } from '../../../src/shared/domain/common';
import { storePulledPage } from '../../../src/app/data/replicaStore';
import { del, makePlace, makeVisit, put, seededUuid } from '../sync/support/fixtures';
import { freshDbName, openClient, until } from '../sync/support/clients';

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const uuid = seededUuid(42);
const at = new Date('2026-11-22T10:00:00Z');

async function offlineClient(label: string) {
  const client = await openClient({ fetch: noFetch, dbName: freshDbName(label) });
  await storePulledPage(client.db, 'account', { changes: [put('a', 1, 1), put('b', 3, 2)], cursor: 'c2', hasMore: false, lastMutationId: 0 }, at);
  return client;
}

describe('local writes', () => {
  it('store the change and its outbox entry together, with ids 1, 2, 3…', async () => {
    const client = await offlineClient('ids');
    const v = makeVisit(uuid(), 'aidant-1');
    expect(await client.writes.createVisit(v)).toBe(1);
    expect(await client.writes.editRecord('place', 'a', 1, { name: 'Nouveau nom' })).toBe(2);
    expect(await client.writes.deleteRecord('place', 'b', 3)).toBe(3);
    const outbox = await client.db.outbox.toArray();
    expect(outbox.map((e) => [e.id, e.name])).toEqual([[1, 'visit.create@1'], [2, 'place.update@1'], [3, 'place.delete@1']]);
    expect(outbox[1]?.args).toEqual({ id: 'a', baseVersion: 1, patch: { name: 'Nouveau nom' } });
    expect((await client.db.pendingEdits.toArray()).map((p) => p.mutationId)).toEqual([1, 2, 3]);
    client.close();
  });

  it('tell the screens which collections each write touched (a visit is not a directory change)', async () => {
    const client = await offlineClient('told');
    const told: Array<string[] | undefined> = [];
    client.directory.onChange((changed) => told.push(changed && [...changed].sort()));
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    await client.writes.editRecord('place', 'a', 1, { name: 'Autre nom' });
    expect(told).toEqual([['visit'], ['place']]);
    client.close();
  });

  it('lay pending edits over the server rows; the next edit carries the version after it', async () => {
    const client = await offlineClient('overlay');
    await client.writes.editRecord('place', 'a', 1, { name: 'Premier' });
    expect((await client.directory.place('a'))?.name).toBe('Premier');
    expect(await client.directory.versionOf('place', 'a')).toBe(2);
    await client.writes.editRecord('place', 'a', 2, { phone: '05 49 87 00 00' });
    expect(await client.directory.place('a')).toMatchObject({ name: 'Premier', phone: '05 49 87 00 00' });
    await client.writes.deleteRecord('place', 'b', 3);
    await client.writes.createRecord('place', makePlace('c'));
    expect((await client.directory.places()).map((p) => p.id)).toEqual(['a', 'c']);
    // The server rows themselves are untouched until a pull.
    expect((await client.db.rows.get(['place', 'a']))?.record).toMatchObject({ name: 'Lieu a v1' });
    client.close();
  });

  it('refuse bad input in French and store nothing', async () => {
    const client = await offlineClient('invalid');
    await expect(client.writes.createVisit({ ...makeVisit(uuid(), 'aidant-1'), durationMinutes: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    // Said in French by the interface (errorText), from the error's code and params.
    expect(errorText(await client.writes.editRecord('place', 'a', 1, { name: '' }).catch((e: unknown) => e))).toMatch(/ne peuvent pas être enregistrées/);
    await expect(client.writes.editRecord('place', 'nope', 1, { name: 'x' })).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(client.writes.createRecord('place', makePlace('a'))).rejects.toBeInstanceOf(InvalidInputError);
    expect(await client.db.outbox.count()).toBe(0);
    expect(await client.db.pendingEdits.count()).toBe(0);
    // A refused write does not use up a mutation id.
    expect(await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'))).toBe(1);
    client.close();
  });

  it('tell listeners after each write and each pulled page', async () => {
    const client = await offlineClient('listeners');
    let calls = 0;
    const off = client.directory.onChange(() => { calls++; });
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    expect(calls).toBe(1);
    off();
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    expect(calls).toBe(1);
    client.close();
  });
});

describe('rows read back', () => {
  it('a row that no longer matches its schema is quarantined, never crashes a screen', async () => {
    const client = await offlineClient('quarantine');
    await client.db.rows.put({ collection: 'place', id: 'bad', version: 1, seq: 9, record: { id: 'bad', name: 12 } });
    expect((await client.directory.places()).map((p) => p.id)).toEqual(['a', 'b']);
    await until(async () => (await client.issues.quarantined()).length > 0);
    expect((await client.issues.quarantined()).map((q) => q.id)).toEqual(['bad']);
    client.close();
  });
});

describe('preferences', () => {
  it('keep the commune, language and ticked documents, and ignore bad stored values', async () => {
    const store = createStore(freshDbName('prefs'), 'kv');
    const prefs = createPreferences(store);
    expect(await prefs.getCommune()).toBeUndefined();
    await prefs.setCommune('86078');
    await prefs.setLanguage('en');
    await prefs.setTickedDocuments('rsa', ['piece-identite', 'rib', 'rib']);
    const again = createPreferences(store);
    expect(await again.getCommune()).toBe('86078');
    expect(await again.getLanguage()).toBe('en');
    expect(await again.getTickedDocuments('rsa')).toEqual(['piece-identite', 'rib']);
    expect(await again.getTickedDocuments('apl')).toEqual([]);
    await again.setCommune(undefined);
    expect(await again.getCommune()).toBeUndefined();
    await expect(again.setCommune('not-insee')).rejects.toThrow();
    await set('language', 'de', store);
    expect(await again.getLanguage()).toBeUndefined();
  });
});

describe('device id', () => {
  it('is a valid UUID even where crypto.randomUUID is missing (plain http)', () => {
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const ids = new Set(Array.from({ length: 50 }, () => uuidV4()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(uuidSchema.safeParse(id).success).toBe(true);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('is made once and kept across reopenings; the status is known at once', async () => {
    const dbName = freshDbName('clientId');
    const a = await openClient({ fetch: noFetch, dbName });
    const id = await a.clientId();
    await a.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    a.close();
    const b = await openClient({ fetch: noFetch, dbName, clientId: '00000000-0000-4000-8000-000000000000' });
    expect(await b.clientId()).toBe(id);
    expect(b.syncStatus.value).toEqual({ kind: 'pending', pending: 1 });
    b.close();
  });
});

describe('replica format', () => {
  it('rows stored under an older format are pulled again; the outbox stays', async () => {
    const dbName = freshDbName('format');
    const a = await openClient({ fetch: noFetch, dbName });
    await storePulledPage(a.db, 'account', { changes: [put('a', 1, 1)], cursor: 'c1', hasMore: false, lastMutationId: 0 }, at);
    await a.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    await a.db.meta.put({ key: 'replicaFormat', value: 0 });
    a.close();
    const b = await openClient({ fetch: noFetch, dbName });
    expect(await b.db.rows.count()).toBe(0);
    expect(await b.db.meta.get('cursor')).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(1);
    b.close();
  });
});

describe('storing pulled pages (I7, in IndexedDB)', () => {
  it('the same pages twice, or out of order after a reset, give the same rows', async () => {
    const pages = [
      { changes: [put('a', 1, 1), put('b', 1, 2)], cursor: 'c2', hasMore: true, lastMutationId: 0 },
      { changes: [put('a', 2, 3), del('b', 2, 4)], cursor: 'c4', hasMore: false, lastMutationId: 0 },
    ];
    const rowsAfter = async (order: number[]) => {
      const client = await openClient({ fetch: noFetch, dbName: freshDbName('i7') });
      for (const i of order) await storePulledPage(client.db, 'account', pages[i]!, at);
      const rows = await client.db.rows.orderBy('[collection+id]').toArray();
      client.close();
      return rows;
    };
    const inOrder = await rowsAfter([0, 1]);
    expect(inOrder.map((r) => [r.id, r.version, r.deleted ?? false])).toEqual([['a', 2, false], ['b', 2, true]]);
    expect(await rowsAfter([0, 1, 0, 1])).toEqual(inOrder);
    expect(await rowsAfter([1, 0])).toEqual(inOrder);
  });
});
