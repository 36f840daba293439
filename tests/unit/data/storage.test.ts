import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_STORES, SCHEMA_VERSION } from '../../../src/app/data/db';
import { findQuotaError, ReloadNeededError, StorageFullError } from '../../../src/app/data/errors';
import { errorText } from '../../../src/app/i18n/errors/errorText';
import { createStorageMonitor } from '../../../src/app/data/storage';
import { makeVisit, seededUuid } from '../sync/support/fixtures';
import { freshDbName, openClient } from '../sync/support/clients';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const uuid = seededUuid(99);

describe('findQuotaError', () => {
  it('finds the DOMException however Dexie wrapped it', () => {
    const q = quota();
    expect(findQuotaError(q)).toBe(q);
    expect(findQuotaError(new Dexie.AbortError('aborted', q))).toBe(q);
    expect(findQuotaError({ name: 'AbortError', inner: { name: 'AbortError', inner: q } })).toBe(q);
    expect(findQuotaError(new Dexie.BulkError('bulk', { 3: q }))).toBe(q);
    expect(findQuotaError(new Error('wrapped', { cause: q }))).toBe(q);
    expect(findQuotaError(new Dexie.AbortError('aborted', new Error('other')))).toBeUndefined();
    expect(findQuotaError(undefined)).toBeUndefined();
  });
});

describe('storage monitor', () => {
  it('asks for persistence once and exposes its state and the estimate', async () => {
    let asked = 0;
    const m = createStorageMonitor({
      persisted: async () => false,
      persist: async () => { asked++; return true; },
      estimate: async () => ({ usage: 1234, quota: 10_000 }),
    });
    expect(m.persisted.value).toBeUndefined();
    expect(await m.requestPersistence()).toBe(true);
    expect(m.persisted.value).toBe(true);
    expect(asked).toBe(1);
    await m.refreshEstimate();
    expect(m.estimate.value).toEqual({ usage: 1234, quota: 10_000 });
  });

  it('works where navigator.storage is missing', async () => {
    const m = createStorageMonitor(undefined);
    expect(await m.requestPersistence()).toBeUndefined();
    expect(await m.refreshEstimate()).toBeUndefined();
  });
});

describe('quota errors in writes', () => {
  it('a full disk gives StorageFullError, stores nothing and shows storageFull', async () => {
    const client = await openClient({ fetch: noFetch, dbName: freshDbName('quota') });
    let full = true;
    client.db.outbox.hook('creating', () => { if (full) throw quota(); });
    const err = await client.writes.createVisit(makeVisit(uuid(), 'aidant-1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect(errorText(err)).toMatch(/plus assez de place/);
    expect(findQuotaError((err as StorageFullError).cause)).toBeDefined();
    expect(await client.db.outbox.count()).toBe(0);
    expect(await client.db.pendingEdits.count()).toBe(0);
    expect(client.storage.storageFull.value).toBe(true);
    await client.engine.refreshStatus();
    expect(client.syncStatus.value).toMatchObject({ kind: 'actionNeeded', reason: 'storageFull' });
    full = false;
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    expect(client.storage.storageFull.value).toBe(false);
    expect(await client.db.outbox.count()).toBe(1);
    client.close();
  });
});

describe('a newer version of the app in another tab', () => {
  it('closes the database, asks for a reload, keeps the outbox', async () => {
    const dbName = freshDbName('versionchange');
    const client = await openClient({ fetch: noFetch, dbName });
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-1'));
    const newer = new Dexie(dbName);
    newer.version(SCHEMA_VERSION).stores(CURRENT_STORES);
    newer.version(SCHEMA_VERSION + 1).stores({ ...CURRENT_STORES, outbox: '&id, name' });
    await newer.open();
    expect(client.storage.reloadNeeded.value).toBe(true);
    expect(client.db.isOpen()).toBe(false);
    await expect(client.writes.createVisit(makeVisit(uuid(), 'aidant-1'))).rejects.toBeInstanceOf(ReloadNeededError);
    expect(await newer.table('outbox').count()).toBe(1);
    newer.close();
    client.close();
  });
});
