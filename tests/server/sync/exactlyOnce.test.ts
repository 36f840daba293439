import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { countRecords } from '../support/countRows';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makeSession, makeVisit } from '../support/fixtures';
import { push, pushRaw } from '../support/syncClient';

// I1 exactly-once, I11 per-client order and gaps, I12 poison mutations.

describe.each(backends)('exactly once on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  const visits = async (n: number, aidantId: string) =>
    Array.from({ length: n }, () => makeVisit(server.territoryId, aidantId));
  const countOwn = async (aidantId: string) => {
    const { rows } = await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [aidantId]);
    return Number(rows[0]!.n);
  };

  it('I1: a dropped request, a dropped response, a double delivery and an old replay give one effect each', async () => {
    const aidant = await server.createAccount('aidant');
    const v = await visits(6, aidant.user.id);
    const batch1 = v.slice(0, 3).map((args, i) => ({ id: i + 1, name: 'visit.create@1', args }));
    // Dropped request: never reached the server; nothing happened.
    expect(await countOwn(aidant.user.id)).toBe(0);
    // Dropped response after commit: the client did not see the answer and sends again.
    const first = await push(server, aidant, batch1);
    const again = await push(server, aidant, batch1);
    expect(again).toEqual(first);
    expect(await countOwn(aidant.user.id)).toBe(3);
    // Delivered twice at the same time (two tabs, a proxy retry).
    const batch2 = v.slice(3).map((args, i) => ({ id: i + 4, name: 'visit.create@1', args }));
    const [a, b] = await Promise.all([push(server, aidant, batch2), push(server, aidant, batch2)]);
    expect(a).toEqual(b);
    expect(a.lastMutationId).toBe(6);
    expect(await countOwn(aidant.user.id)).toBe(6);
    // An old batch replayed after more work: the stored answers, no new rows.
    const replay = await push(server, aidant, batch1);
    expect(replay.results).toEqual(first.results);
    expect(replay.lastMutationId).toBe(6);
    expect(await countOwn(aidant.user.id)).toBe(6);
  });

  it('I1: the same visit under new mutation ids (a re-sent outbox) is stored once', async () => {
    const aidant = await server.createAccount('aidant');
    const [visit] = await visits(1, aidant.user.id);
    const r = await push(server, aidant, [
      { id: 1, name: 'visit.create@1', args: visit },
      { id: 2, name: 'visit.create@1', args: visit },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect(await countOwn(aidant.user.id)).toBe(1);
  });

  it('I1, I11: creates gathered into one insert keep their order, their answers and the effects of what follows them', async () => {
    const aidant = await server.createAccount('aidant');
    const other = await server.createAccount('aidant');
    const taken = (await visits(1, other.user.id))[0]!;
    expect((await push(server, other, [{ id: 1, name: 'visit.create@1', args: taken }])).results[0]!.status).toBe('applied');
    const v = await visits(3, aidant.user.id);
    const session = makeSession(server.territoryId, aidant.user.id);
    const r = await push(server, aidant, [
      { id: 1, name: 'visit.create@1', args: v[0] },
      { id: 2, name: 'session.open@1', args: session },
      { id: 3, name: 'visit.create@1', args: v[1] },
      // Reads the session inserted two mutations before, in the same push.
      { id: 4, name: 'session.close@1', args: { id: session.id, endedAt: '2030-01-01T00:00:00.000Z' } },
      // Another author's UUID: refused, and it does not block the next one (I12).
      { id: 5, name: 'visit.create@1', args: { ...v[2], id: taken.id } },
      { id: 6, name: 'visit.create@1', args: v[2] },
      // An id already applied in this very push: its answer again, no new effect.
      { id: 3, name: 'visit.create@1', args: v[1] },
    ]);
    expect(r.lastMutationId).toBe(6);
    expect(r.results.map((x) => [x.id, x.status])).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied'], [4, 'applied'], [5, 'rejected'], [6, 'applied'], [3, 'applied']]);
    expect(r.results[4]).toMatchObject({ reason: { code: 'already_exists' } });
    expect(await countOwn(aidant.user.id)).toBe(3);
    const { rows } = await server.db.query<{ ended: string | null; version: number }>(
      "SELECT data->>'endedAt' AS ended, version FROM record WHERE collection = 'session' AND id = $1", [session.id],
    );
    expect(rows[0]).toEqual({ ended: '2030-01-01T00:00:00.000Z', version: 2 });
    // The stored answers are the ones given (a retry after a lost answer).
    expect(await push(server, aidant, [1, 2, 3, 4, 5, 6].map((id) => ({ id, name: 'x.y@1', args: {} })))).toEqual({ ...r, results: r.results.slice(0, 6) });
  });

  it('I11: a gap is refused with 409 and the expected id; the prefix before it is kept', async () => {
    const aidant = await server.createAccount('aidant');
    const v = await visits(4, aidant.user.id);
    const gap = await pushRaw(server, aidant, [{ id: 2, name: 'visit.create@1', args: v[0] }]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ code: 'mutation_gap', expected: 1 });
    expect(typeof (gap.body as { message: string }).message).toBe('string');
    expect(await countOwn(aidant.user.id)).toBe(0);
    const partial = await pushRaw(server, aidant, [
      { id: 1, name: 'visit.create@1', args: v[0] },
      { id: 3, name: 'visit.create@1', args: v[2] },
    ]);
    expect(partial.status).toBe(409);
    expect(partial.body).toMatchObject({ code: 'mutation_gap', expected: 2 });
    expect(await countOwn(aidant.user.id)).toBe(1);
    const rest = await push(server, aidant, [2, 3, 4].map((id) => ({ id, name: 'visit.create@1', args: v[id - 1] })));
    expect(rest.lastMutationId).toBe(4);
    expect(await countOwn(aidant.user.id)).toBe(4);
  });

  it('I11: mutations apply in order (a session closed before it was opened is rejected, then fine in order)', async () => {
    const staff = await server.createAccount('staff');
    const t = server.territoryId;
    const id = `${t}-place-3`;
    const r = await push(server, staff, [
      { id: 1, name: 'place.update@1', args: { id, baseVersion: 1, patch: { name: 'Un' } } },
      { id: 2, name: 'place.update@1', args: { id, baseVersion: 2, patch: { name: 'Deux' } } },
      { id: 3, name: 'place.update@1', args: { id, baseVersion: 3, patch: { name: 'Trois' } } },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    const { rows } = await server.db.query<{ name: string; version: number }>(
      "SELECT data->>'name' AS name, version FROM record WHERE collection = 'place' AND id = $1", [id],
    );
    expect(rows[0]).toEqual({ name: 'Trois', version: 4 });
  });

  it('I12: a poison mutation is rejected and the ones after it apply', async () => {
    const aidant = await server.createAccount('aidant');
    const v = await visits(3, aidant.user.id);
    const poison = [
      { participants: -5 },
      'not an object',
      null,
      { ...v[0], id: 'not-a-uuid' },
      { ...v[0], notes: 'x'.repeat(5000) },
      { ...v[0], notes: '\ud800' },
    ];
    const mutations = [
      { id: 1, name: 'visit.create@1', args: v[0] },
      ...poison.map((args, i) => ({ id: i + 2, name: 'visit.create@1', args })),
      { id: 8, name: 'unknown.thing@9', args: {} },
      { id: 9, name: 'visit.create@1', args: v[1] },
      { id: 10, name: 'visit.create@1', args: v[2] },
    ];
    const r = await push(server, aidant, mutations);
    expect(r.lastMutationId).toBe(10);
    expect(r.results.map((x) => x.status)).toEqual(['applied', ...poison.map(() => 'rejected'), 'rejected', 'applied', 'applied']);
    expect(await countOwn(aidant.user.id)).toBe(3);
    expect(await countRecords(server.db, 'visit')).toBeGreaterThanOrEqual(3);
  });
});
