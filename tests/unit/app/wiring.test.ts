import { describe, expect, it } from 'vitest';
import { storePulledPage } from '../../../src/app/data/replicaStore';
import { createServices } from '../../../src/app/wiring';
import { makePlace, put, TERRITORY_ID } from '../sync/support/fixtures';
import { openClient } from '../sync/support/clients';

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };

// The app's services in two steps: the directory read without Dexie at once, the data
// layer (Dexie, sync engine, writes, aidant and staff repositories) after `connect()`.
describe('wiring', () => {
  it('reads the directory before the data layer, then through it, on the same listeners', async () => {
    // A device that synced before: the app's database ('escale') holds two places.
    const before = await openClient({ fetch: noFetch, dbName: 'escale' });
    await storePulledPage(before.db, `public:${TERRITORY_ID}`, { changes: [put('a', 1, 1), put('b', 1, 2)], cursor: 'c2', hasMore: false, lastMutationId: 0 }, new Date('2026-11-22T10:00:00Z'));
    before.close();

    const services = createServices();
    expect((await services.directory.places()).map((p) => p.id)).toEqual(['a', 'b']);
    expect(services.aidant).toBeUndefined();
    expect(services.staff).toBeUndefined();
    let changes = 0;
    services.directory.onChange(() => changes++);

    const layer = await services.connect();
    expect(services.aidant).toBeDefined();
    expect(services.staff?.writes).toBe(layer.writes);
    expect(services.syncStatus.value).toEqual(layer.syncStatus.value);
    await layer.writes.createRecord('place', makePlace('c'));
    expect(changes).toBeGreaterThanOrEqual(1);
    expect((await services.directory.places()).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(await services.connect()).toBe(layer);
    layer.close();
  });
});
