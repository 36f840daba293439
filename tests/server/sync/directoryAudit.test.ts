import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makePlace, makeTour } from '../support/fixtures';
import { push } from '../support/syncClient';

// Directory edits are traceable: each APPLIED place/tour/mobility/checklist mutation writes
// one audit_log line in its push's transaction (actor = the pushing account, target = the
// record, details = the version it made). A conflict, a rejection or a replayed mutation
// writes none. The admin's « Journal des actions » lists them with the record's name.
// (That the line shares the push's transaction: transientFailure.test.ts fails the push at
// each of its statements, the audit INSERT included.)

interface Line { action: string; actor_id: string; target: string; details: unknown }

describe.each(backends)('audit of directory edits on $name', (backend) => {
  let server: TestServer;
  let staff: TestAccount;
  let other: TestAccount;
  let admin: TestAccount;
  const clock = new Date('2026-11-22T10:00:00Z');

  beforeAll(async () => {
    server = await createTestServer(backend, { now: () => clock });
    staff = await server.createAccount('staff');
    other = await server.createAccount('staff');
    admin = await server.createAccount('admin');
  });
  afterAll(() => server.close());

  const lines = async (target: string): Promise<Line[]> => {
    const { rows } = await server.db.query<Line>('SELECT action, actor_id, target, details FROM audit_log WHERE target = $1 ORDER BY id', [target]);
    return rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? (JSON.parse(r.details) as unknown) : r.details }));
  };

  it('an applied update writes one line; a conflicting one and a replayed one write none', async () => {
    const id = `${server.territoryId}-place-1`;
    const update = { id: 1, name: 'place.update@1', args: { id, baseVersion: 1, patch: { name: 'Maison des services' } } };
    expect((await push(server, staff, [update])).results[0]?.status).toBe('applied');
    expect(await lines(id)).toEqual([{ action: 'place.update', actor_id: staff.user.id, target: id, details: { version: 2 } }]);

    // The same mutation again (a retry after a lost answer): its stored result, no new line.
    const replay = await push(server, staff, [update]);
    expect(replay.results[0]?.status).toBe('applied');
    expect(replay.lastMutationId).toBe(1);
    // Another editor from the old version: a conflict, no line.
    const conflict = await push(server, other, [{ id: 1, name: 'place.update@1', args: { id, baseVersion: 1, patch: { name: 'Autre nom' } } }]);
    expect(conflict.results[0]?.status).toBe('conflict');
    // A rejected edit (unknown field): no line.
    const rejected = await push(server, other, [{ id: 2, name: 'place.update@1', args: { id, baseVersion: 2, patch: { nope: 1 } } }]);
    expect(rejected.results[0]?.status).toBe('rejected');
    expect(await lines(id)).toHaveLength(1);
  });

  it('create, update and delete of each collection, in one push, one line each with the new version', async () => {
    const place = makePlace(server.territoryId, `${server.territoryId}-audit-place`);
    const tour = makeTour(server.territoryId, `${server.territoryId}-audit-tour`);
    const r = await push(server, staff, [
      { id: 2, name: 'place.create@1', args: { record: place } },
      { id: 3, name: 'place.update@1', args: { id: place.id, baseVersion: 1, patch: { phone: '05 49 00 00 00' } } },
      { id: 4, name: 'tour.create@1', args: { record: tour } },
      { id: 5, name: 'place.delete@1', args: { id: place.id, baseVersion: 2 } },
      // Already exists: rejected, no line.
      { id: 6, name: 'tour.create@1', args: { record: tour } },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'rejected']);
    expect((await lines(place.id)).map((l) => [l.action, l.details])).toEqual([
      ['place.create', { version: 1 }], ['place.update', { version: 2 }], ['place.delete', { version: 3 }],
    ]);
    expect((await lines(tour.id)).map((l) => l.action)).toEqual(['tour.create']);
  });

  it('the admin’s journal lists them with who and the record’s name', async () => {
    const res = await server.fetch('/api/admin/audit?limit=200', { headers: admin.headers });
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: Array<{ action: string; actor: { id: string }; target: string; targetLabel: string | null; details: unknown }> };
    const update = entries.find((e) => e.action === 'place.update' && e.target === `${server.territoryId}-place-1`);
    expect(update).toMatchObject({ actor: { id: staff.user.id }, targetLabel: 'Maison des services', details: { version: 2 } });
    expect(entries.filter((e) => e.action.startsWith('place.') || e.action.startsWith('tour.')).map((e) => e.action))
      .toEqual(['place.delete', 'tour.create', 'place.update', 'place.create', 'place.update']);
  });
});
