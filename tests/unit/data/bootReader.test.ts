import { describe, expect, it } from 'vitest';
import { createBootReader } from '../../../src/app/data/bootReader';
import { EscaleDb, META, SCHEMA_VERSION, CURRENT_STORES } from '../../../src/app/data/db';
import { storePulledPage } from '../../../src/app/data/replicaStore';
import type { Change } from '../../../src/shared/sync/protocol';
import { del, makePlace, makeTerritory, put, seededUuid, makeVisit, TERRITORY_ID } from '../sync/support/fixtures';
import { freshDbName, openClient, until } from '../sync/support/clients';

// The first-paint reader (no Dexie) against databases the Dexie data layer wrote.

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const at = new Date('2026-11-22T10:00:00Z');
const uuid = seededUuid(7);
const territory: Change = { collection: 'territory', op: 'put', id: TERRITORY_ID, version: 1, seq: 3, record: makeTerritory() };

async function seeded(label: string) {
  const dbName = freshDbName(label);
  const client = await openClient({ fetch: noFetch, dbName });
  await storePulledPage(client.db, 'public', { changes: [put('a', 1, 1), put('b', 3, 2), territory, put('c', 1, 4), del('c', 2, 5)], cursor: 'c5', hasMore: false, lastMutationId: 0 }, at);
  return { dbName, client };
}

describe('bootReader (first paint without Dexie)', () => {
  it('reads what the Dexie reader reads: rows parsed, pending edits laid over, tombstones hidden', async () => {
    const { dbName, client } = await seeded('same');
    await client.writes.editRecord('place', 'a', 1, { name: 'Modifié ici' });
    await client.writes.createRecord('place', makePlace('d'));
    await client.writes.deleteRecord('place', 'b', 3);
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    const boot = createBootReader({ dbName, territoryId: TERRITORY_ID });
    expect(await boot.places()).toEqual(await client.directory.places());
    expect((await boot.places()).map((p) => [p.id, p.name])).toEqual([['a', 'Modifié ici'], ['d', 'Lieu d']]);
    expect(await boot.place('a')).toEqual(await client.directory.place('a'));
    expect(await boot.place('b')).toBeUndefined();
    expect(await boot.territory()).toEqual(await client.directory.territory());
    expect(await boot.tours()).toEqual([]);
    expect(boot.readVersion()).toBe(client.db.backendDB().version);
    boot.close();
    client.close();
  });

  it('on a fresh device finds nothing and creates no database: Dexie creates it afterwards', async () => {
    const dbName = freshDbName('fresh');
    const boot = createBootReader({ dbName, territoryId: TERRITORY_ID });
    expect(await boot.places()).toEqual([]);
    expect(await boot.territory()).toBeUndefined();
    expect(boot.readVersion()).toBeUndefined();
    const client = await openClient({ fetch: noFetch, dbName });
    await storePulledPage(client.db, 'public', { changes: [put('a', 1, 1)], cursor: 'c1', hasMore: false, lastMutationId: 0 }, at);
    expect((await client.directory.places()).map((p) => p.id)).toEqual(['a']);
    // Before close(), it reads what the data layer stored since.
    expect((await boot.places()).map((p) => p.id)).toEqual(['a']);
    boot.close();
    client.close();
  });

  it('shows nothing from rows of another replica format (the data layer clears them)', async () => {
    const { dbName, client } = await seeded('format');
    await client.db.meta.put({ key: META.replicaFormat, value: -1 });
    const boot = createBootReader({ dbName });
    expect(await boot.places()).toEqual([]);
    expect(boot.readVersion()).toBeUndefined();
    boot.close();
    client.close();
  });

  it('holds rows that do not parse, and the data layer quarantines them with the same parser', async () => {
    const { dbName, client } = await seeded('quarantine');
    await client.db.rows.put({ collection: 'place', id: 'bad', version: 1, seq: 9, record: { id: 'bad', name: 12 } });
    client.close();
    const boot = createBootReader({ dbName });
    expect((await boot.places()).map((p) => p.id)).toEqual(['a', 'b']);
    const layer = await openClient({ fetch: noFetch, dbName, parser: boot.parser, feed: boot.feed });
    await until(async () => (await layer.db.quarantine.count()) === 1);
    expect((await layer.db.quarantine.toArray())[0]).toMatchObject({ collection: 'place', id: 'bad' });
    // Parsed once: the layer reads through the same cache.
    expect((await layer.directory.places())[0]).toBe((await boot.places())[0]);
    boot.close();
    layer.close();
  });

  it('hears the data layer\'s changes through the feed it hands over', async () => {
    const { dbName, client } = await seeded('feed');
    client.close();
    const boot = createBootReader({ dbName });
    let calls = 0;
    boot.onChange(() => calls++);
    const layer = await openClient({ fetch: noFetch, dbName, feed: boot.feed, parser: boot.parser });
    await layer.writes.createRecord('place', makePlace('e'));
    expect(calls).toBe(1);
    boot.close();
    layer.close();
  });

  it('steps aside when Dexie opens a newer version of the database', async () => {
    const { dbName, client } = await seeded('upgrade');
    client.close();
    const boot = createBootReader({ dbName });
    expect((await boot.places()).map((p) => p.id)).toEqual(['a', 'b']);
    class Later extends EscaleDb {
      constructor(name: string) {
        super(name);
        this.version(SCHEMA_VERSION + 1).stores({ ...CURRENT_STORES });
      }
    }
    const layer = await openClient({ fetch: noFetch, dbName, createDb: (name) => new Later(name) });
    expect(layer.db.backendDB().version).toBe((SCHEMA_VERSION + 1) * 10);
    // Reads again at the new version.
    expect((await boot.places()).map((p) => p.id)).toEqual(['a', 'b']);
    expect(boot.readVersion()).toBe((SCHEMA_VERSION + 1) * 10);
    boot.close();
    layer.close();
  });
});
