import { describe, expect, it } from 'vitest';
import { storePulledPage } from '../../../src/app/data/replicaStore';
import { BatchWriteError } from '../../../src/app/data/localWrites';
import { errorText } from '../../../src/app/i18n/errors/errorText';
import { staffT } from '../../../src/app/staff/i18n/staffMessages';
import { writeImport } from '../../../src/app/staff/transfer/writeImport';
import type { ImportRecord, ImportResult } from '../../../src/shared/datainclusion/importDataInclusion';
import type { Place } from '../../../src/shared/domain/place';
import { freshDbName, openClient } from '../sync/support/clients';
import { makePlace, put } from '../sync/support/fixtures';

// A confirmed data·inclusion import is ONE Dexie transaction (writes.writeRecords): every
// place and its outbox entry, or nothing. Real data layer on fake-indexeddb, offline.

const noFetch = async (): Promise<Response> => { throw new TypeError('offline'); };
const at = new Date('2026-11-22T10:00:00Z');

async function officeDevice(label: string) {
  const client = await openClient({ fetch: noFetch, dbName: freshDbName(label) });
  await storePulledPage(client.db, 'account', { changes: [put('a', 1, 1)], cursor: 'c1', hasMore: false, lastMutationId: 0 }, at);
  return client;
}

const ok = (index: number, place: Place, action: 'create' | 'update' = 'create'): ImportRecord =>
  ({ index, sourceId: place.id, name: place.name, status: 'ok', place, action, issues: [], problems: [] });
const result = (records: ImportRecord[]): ImportResult => ({
  records, summary: { structures: records.length, services: 0, ok: records.length, invalid: 0, outsideTerritory: 0, duplicates: 0, fileProblems: [] } as never,
});

async function nothingStored(client: Awaited<ReturnType<typeof officeDevice>>) {
  expect(await client.db.outbox.count()).toBe(0);
  expect(await client.db.pendingEdits.count()).toBe(0);
  expect(await client.pendingCount()).toBe(0);
  expect((await client.directory.list('place')).map((r) => r.record.id)).toEqual(['a']);
  expect((await client.directory.place('a'))?.name).toBe('Lieu a v1');
}

describe('data·inclusion import: all or nothing', () => {
  it('a record that fails at write time (its id is taken by an earlier one of the batch) keeps nothing, and the report says so', async () => {
    const client = await officeDevice('import-dup');
    const file = result([
      ok(0, makePlace('n1', { name: 'Nouveau lieu' })),
      ok(1, makePlace('a', { name: 'Lieu a renommé' }), 'update'),
      ok(2, makePlace('n1', { name: 'Nouveau lieu (doublon)' })),
      ok(3, makePlace('n2', { name: 'Autre lieu' })),
    ]);
    const outcome = await writeImport(client, file, staffT);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.text).toMatch(/^Import annulé, rien n’a été enregistré : « Nouveau lieu \(doublon\) » n’a pas pu être écrit/);
      expect(outcome.text).toMatch(/n1/);
    }
    await nothingStored(client);
    // The refused batch used up no mutation id: the next write is number 1.
    expect(await client.writes.createRecord('place', makePlace('n3'))).toBe(1);
    client.close();
  });

  it('a transaction aborted half-way (the second place fails inside Dexie) rolls back the first place and its outbox entry', async () => {
    const client = await officeDevice('import-abort');
    let creating = 0;
    const failSecond = () => {
      if (++creating === 2) throw new Error('disque en panne (simulé)');
    };
    client.db.pendingEdits.hook('creating', failSecond);
    const file = result([ok(0, makePlace('n1', { name: 'Premier' })), ok(1, makePlace('n2', { name: 'Deuxième' })), ok(2, makePlace('n3', { name: 'Troisième' }))]);
    const outcome = await writeImport(client, file, staffT);
    expect(outcome).toEqual({ ok: false, text: expect.stringMatching(/^Import annulé, rien n’a été enregistré : « Deuxième » n’a pas pu être écrit \(disque en panne \(simulé\)\)/) });
    await nothingStored(client);

    // The same import once the fault is gone: all three, in one go, ids 1, 2, 3.
    client.db.pendingEdits.hook('creating').unsubscribe(failSecond);
    expect(await writeImport(client, file, staffT)).toEqual({ ok: true, count: 3 });
    expect((await client.db.outbox.toArray()).map((e) => [e.id, e.name])).toEqual([[1, 'place.create@1'], [2, 'place.create@1'], [3, 'place.create@1']]);
    expect((await client.directory.list('place')).map((r) => r.record.id).sort()).toEqual(['a', 'n1', 'n2', 'n3']);
    client.close();
  });

  it('writeRecords names the failing change; a valid batch mixes creates and edits', async () => {
    const client = await officeDevice('batch');
    const error = await client.writes.writeRecords([
      { op: 'create', collection: 'place', record: makePlace('n1') },
      { op: 'edit', collection: 'place', id: 'a', baseVersion: 1, patch: { name: '' } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error).toMatchObject({ index: 1, code: 'invalid_input' });
    expect(errorText(error)).toMatch(/ne peuvent pas être enregistrées/);
    await nothingStored(client);
    expect(await client.writes.writeRecords([
      { op: 'create', collection: 'place', record: makePlace('n1') },
      { op: 'edit', collection: 'place', id: 'a', baseVersion: 1, patch: { name: 'Nouveau nom' } },
    ])).toEqual([1, 2]);
    expect((await client.directory.place('a'))?.name).toBe('Nouveau nom');
    expect(await client.directory.versionOf('place', 'a')).toBe(2);
    client.close();
  });
});
