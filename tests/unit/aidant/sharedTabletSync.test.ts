import { describe, expect, it } from 'vitest';
import { VisitAlreadySentError } from '../../../src/app/data/errors';
import { freshDbName, openClient } from '../sync/support/clients';
import { makeVisit, seededUuid } from '../sync/support/fixtures';

// The data layer and engine pieces the aidant space relies on, on the real Dexie database
// (fake-indexeddb): entries taken before a push are no longer corrected in place, and on a
// shared tablet each aidant's changes go with their own token.

const uuid = seededUuid(606);

interface SentPush { token: string | undefined; ids: number[]; bodyAt: number }

/** A server that records each push (with what the outbox held at that moment) and applies it. */
function scriptedServer(onPush?: () => Promise<void>) {
  const pushes: SentPush[] = [];
  let last = 0;
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const token = (init?.headers as Record<string, string> | undefined)?.authorization?.replace('Bearer ', '');
    if (input.startsWith('/api/sync/push')) {
      const body = JSON.parse(String(init?.body)) as { mutations: Array<{ id: number }> };
      await onPush?.();
      pushes.push({ token, ids: body.mutations.map((m) => m.id), bodyAt: Date.now() });
      last = Math.max(last, ...body.mutations.map((m) => m.id));
      return Response.json({ lastMutationId: last, results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) });
    }
    return Response.json({ changes: [], cursor: 'c', hasMore: false, lastMutationId: last });
  };
  return { fetch, pushes };
}

describe('shared tablet: taken entries and per-author pushes', () => {
  it('a queued visit is corrected in place (same entry) until a push takes it', async () => {
    let seenDuringPush: Array<string | undefined> = [];
    const server = scriptedServer(async () => {
      // While the request is on the wire, the entry is already marked taken.
      seenDuringPush = (await client.db.outbox.toArray()).map((e) => e.takenAt);
    });
    const client = await openClient({ fetch: server.fetch, dbName: freshDbName('taken'), token: 'device-token-0123456789' });
    const v = makeVisit(uuid(), 'aidant-a');
    const id = await client.writes.createVisit(v);
    expect(await client.writes.updateQueuedVisit({ ...v, durationMinutes: 45 })).toBe(id);
    const [entry] = await client.db.outbox.toArray();
    expect(entry).toMatchObject({ id, args: { durationMinutes: 45 } });
    expect((await client.directory.visits())[0]?.durationMinutes).toBe(45);
    expect(await client.pendingChanges()).toEqual([expect.objectContaining({ mutationId: id, recordId: v.id, taken: false })]);

    await client.syncNow();
    expect(seenDuringPush).toEqual([expect.any(String)]);
    await expect(client.writes.updateQueuedVisit({ ...v, durationMinutes: 60 })).rejects.toBeInstanceOf(VisitAlreadySentError);
    client.close();
  });

  it('a taken entry that is still in the outbox (push failed) stays uncorrectable', async () => {
    const failing = async (input: string): Promise<Response> => {
      if (input.startsWith('/api/sync/push')) throw new TypeError('cut after the server may have applied it');
      return Response.json({ changes: [], cursor: 'c', hasMore: false, lastMutationId: 0 });
    };
    const client = await openClient({ fetch: failing, dbName: freshDbName('taken-cut'), token: 'device-token-0123456789' });
    const v = makeVisit(uuid(), 'aidant-a');
    await client.writes.createVisit(v);
    await client.syncNow();
    expect(await client.pendingChanges()).toEqual([expect.objectContaining({ taken: true })]);
    await expect(client.writes.updateQueuedVisit({ ...v, durationMinutes: 90 })).rejects.toBeInstanceOf(VisitAlreadySentError);
    client.close();
  });

  it('each aidant\'s changes are pushed with their own token, in order', async () => {
    const server = scriptedServer();
    const tokens: Record<string, string> = { 'aidant-a': 'token-of-a-0123456789', 'aidant-b': 'token-of-b-0123456789' };
    const client = await openClient({
      fetch: server.fetch, dbName: freshDbName('authors'), token: 'token-of-b-0123456789',
      tokenFor: (author) => tokens[author],
    });
    client.setActingAccount('aidant-a');
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-a'));
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-a'));
    client.setActingAccount('aidant-b');
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-b'));
    client.setActingAccount('aidant-a');
    await client.writes.createVisit(makeVisit(uuid(), 'aidant-a'));
    expect((await client.db.outbox.toArray()).map((e) => e.authorId)).toEqual(['aidant-a', 'aidant-a', 'aidant-b', 'aidant-a']);

    await client.syncNow();
    expect(server.pushes.map((p) => [p.token, p.ids])).toEqual([
      ['token-of-a-0123456789', [1, 2]],
      ['token-of-b-0123456789', [3]],
      ['token-of-a-0123456789', [4]],
    ]);
    expect(await client.pendingCount()).toBe(0);
    client.close();
  });
});
