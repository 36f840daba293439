import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeTombstones } from '../../../src/server/sync/store/purgeTombstones';
import { purgeVisitNotes } from '../../../src/server/sync/store/visitNotes';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makePlace, makeVisit } from '../support/fixtures';
import { cursorSeq, pullAll, pullPage, push } from '../support/syncClient';

// I9: tombstones reach every client in scope; a cursor older than the tombstone horizon
// gets `reset`.

describe.each(backends)('tombstones on $name (I9)', (backend) => {
  let server: TestServer;
  let clock = new Date('2026-11-01T10:00:00Z');
  beforeAll(async () => {
    server = await createTestServer(backend, { now: () => clock, config: { tombstoneRetentionDays: 30, sessionDays: 365 } });
  });
  afterAll(() => server.close());

  it('a deletion reaches public, aidant and staff devices; an old cursor resets after the purge', async () => {
    const t = server.territoryId;
    const staff = await server.createAccount('staff');
    const aidant = await server.createAccount('aidant');
    const pub = { territory: t };
    const place = makePlace(t, `${t}-ephemeral`);
    await push(server, staff, [{ id: 1, name: 'place.create@1', args: { record: place } }]);
    const before = { pub: await pullAll(server, pub), aidant: await pullAll(server, aidant), staff: await pullAll(server, staff) };
    for (const r of Object.values(before)) expect(r.changes.some((c) => c.id === place.id && c.op === 'put')).toBe(true);

    await push(server, staff, [{ id: 2, name: 'place.delete@1', args: { id: place.id, baseVersion: 1 } }]);
    const after = {
      pub: await pullAll(server, pub, before.pub.cursor),
      aidant: await pullAll(server, aidant, before.aidant.cursor),
      staff: await pullAll(server, staff, before.staff.cursor),
    };
    for (const r of Object.values(after)) {
      expect(r.changes).toEqual([expect.objectContaining({ collection: 'place', id: place.id, op: 'delete', version: 2 })]);
      expect('record' in r.changes[0]!).toBe(false);
    }
    // A device that pulls from zero also gets the tombstone (it may hold the record from a backup).
    expect((await pullAll(server, pub)).changes.filter((c) => c.id === place.id)).toEqual([expect.objectContaining({ op: 'delete' })]);

    // Within retention nothing is purged and old cursors still work.
    expect(await purgeTombstones(server.db, clock, 30)).toBe(0);
    expect('reset' in (await pullPage(server, pub, before.pub.cursor))).toBe(false);

    clock = new Date('2026-12-15T10:00:00Z');
    expect(await purgeTombstones(server.db, clock, 30)).toBe(1);
    // Cursors from before the tombstone: reset. Cursors at or after it: carry on.
    for (const [who, r] of [[pub, before.pub], [aidant, before.aidant], [staff, before.staff]] as const) {
      expect(await pullPage(server, who, r.cursor)).toEqual({ reset: true });
    }
    const fresh = await pullPage(server, staff, after.staff.cursor);
    expect('reset' in fresh).toBe(false);
    // After a reset the device pulls from zero: the purged record is simply absent.
    const again = await pullAll(server, pub);
    expect(again.changes.some((c) => c.id === place.id)).toBe(false);
    expect(cursorSeq(again.cursor)).toBeGreaterThan(0);
  });
});

describe.each(backends)('visit notes retention on $name', (backend) => {
  it('removes notes from old visits as a new version that staff devices pull', async () => {
    let clock = new Date('2026-01-10T10:00:00Z');
    const server = await createTestServer(backend, { now: () => clock, config: { sessionDays: 365 } });
    try {
      const aidant = await server.createAccount('aidant');
      const staff = await server.createAccount('staff');
      const visit = makeVisit(server.territoryId, aidant.user.id, { notes: 'Rappeler pour la CAF' });
      await push(server, aidant, [{ id: 1, name: 'visit.create@1', args: visit }]);
      const start = await pullAll(server, staff);
      expect(await purgeVisitNotes(server.db, clock, 90)).toBe(0);
      clock = new Date('2026-06-10T10:00:00Z');
      expect(await purgeVisitNotes(server.db, clock, 90)).toBe(1);
      const next = await pullAll(server, staff, start.cursor);
      expect(next.changes).toHaveLength(1);
      expect(next.changes[0]).toMatchObject({ collection: 'visit', id: visit.id, op: 'put', version: 2 });
      expect(next.changes[0]!.op === 'put' && next.changes[0]!.record).not.toHaveProperty('notes');
      expect(next.changes[0]!.op === 'put' && next.changes[0]!.record).toMatchObject({ noteState: 'removed' });
    } finally {
      await server.close();
    }
  });
});
