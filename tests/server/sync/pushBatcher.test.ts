import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../src/shared/sync/protocol';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import type { SessionUser } from '../../../src/server/auth/SessionUser';
import { applyPush, type PushOutcome } from '../../../src/server/sync/push/applyPush';
import { PushBatcher } from '../../../src/server/sync/push/PushBatcher';
import { NoteCipher } from '../../../src/server/sync/store/NoteCipher';
import { randomBytes } from 'node:crypto';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeSession, makeVisit } from '../support/fixtures';
import { push as pushOne } from '../support/syncClient';

// Group commit (PushBatcher): pushes of several devices applied in one transaction must
// each get exactly the answer and effect they would have had alone, in arrival order.

type Mutation = PushRequest['mutations'][number];

describe.each(backends)('push batcher on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());
  const notes = new NoteCipher(randomBytes(32));
  const now = () => new Date();

  const user = (a: TestAccount): SessionUser => ({ ...a.user, clientId: a.clientId, tokenHash: '' });
  const req = (a: TestAccount, mutations: Mutation[]): PushRequest => ({ protocol: PROTOCOL_VERSION, clientId: a.clientId, mutations });
  const visits = (a: TestAccount, from: number, n: number): Mutation[] =>
    Array.from({ length: n }, (_, i) => ({ id: from + i, name: 'visit.create@1', args: makeVisit(server.territoryId, a.user.id) }));
  const count = async (sql: string, params: unknown[]) => Number((await server.db.query<{ n: unknown }>(sql, params)).rows[0]!.n);
  const visitsOf = (a: TestAccount) => count("SELECT count(*) AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [a.user.id]);
  const lastOf = (a: TestAccount) => count('SELECT last_mutation_id AS n FROM sync_client WHERE client_id = $1', [a.clientId]);

  /** Submits every push at once, so they wait behind the first one and share a transaction. */
  async function together(batcher: PushBatcher, pushes: Array<[TestAccount, Mutation[]]>): Promise<PushOutcome[]> {
    return Promise.all(pushes.map(([a, m]) => batcher.apply(user(a), req(a, m), now())));
  }

  it('applies concurrent pushes of many devices in shared transactions, with the answers each would get alone', async () => {
    const sizes: number[] = [];
    const batcher = new PushBatcher(server.db, notes, { pushes: 32, mutations: 500 }, (n) => sizes.push(n));
    const devices = await Promise.all(Array.from({ length: 12 }, () => server.createAccount('aidant')));
    const outcomes = await together(batcher, devices.map((d) => [d, visits(d, 1, 10)]));
    // All 12 arrived before the batcher's first turn: one transaction.
    expect(sizes).toEqual([12]);
    for (const [i, d] of devices.entries()) {
      expect(outcomes[i]).toEqual({ kind: 'ok', body: { lastMutationId: 10, results: Array.from({ length: 10 }, (_, k) => ({ id: k + 1, status: 'applied' })) } });
      expect(await visitsOf(d)).toBe(10);
      expect(await lastOf(d)).toBe(10);
    }
    // Sent again (lost answers): the stored results, no second effect.
    const again = await together(batcher, devices.map((d) => [d, visits(d, 1, 10)]));
    expect(again).toEqual(outcomes);
    for (const d of devices) expect(await visitsOf(d)).toBe(10);
  });

  it('a batch mixing a gap, a replay, a poison mutation, a clash of UUIDs and a session closed by another device answers each as alone', async () => {
    const batcher = new PushBatcher(server.db, notes);
    const [a, b, c, d, e, f] = await Promise.all(Array.from({ length: 6 }, () => server.createAccount('aidant')));
    await pushOne(server, b!, visits(b!, 1, 2));
    const shared = makeVisit(server.territoryId, c!.user.id);
    const session = { ...makeSession(server.territoryId, e!.user.id), aidantIds: [e!.user.id, f!.user.id], aidantNames: ['E', 'F'] };
    const outcomes = await together(batcher, [
      [a!, visits(a!, 1, 1)],
      [b!, [...visits(b!, 1, 2), ...visits(b!, 3, 1)]], // replay of 1–2, then 3
      [c!, [{ id: 1, name: 'visit.create@1', args: shared }, { id: 2, name: 'visit.create@1', args: { nonsense: true } }, ...visits(c!, 3, 1)]],
      [d!, [{ id: 1, name: 'visit.create@1', args: { ...shared, aidantId: d!.user.id } }]], // same UUID as c's, another author
      [e!, [{ id: 1, name: 'session.open@1', args: session }, ...visits(e!, 3, 1)]], // 3 after 1: a gap at 2
      [f!, [{ id: 1, name: 'session.close@1', args: { id: session.id, endedAt: now().toISOString() } }]],
    ]);
    expect(outcomes[1]).toMatchObject({ kind: 'ok', body: { lastMutationId: 3, results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }, { id: 3, status: 'applied' }] } });
    expect(outcomes[2]).toMatchObject({ kind: 'ok', body: { lastMutationId: 3, results: [{ id: 1, status: 'applied' }, { id: 2, status: 'rejected', reason: { code: 'invalid_args' } }, { id: 3, status: 'applied' }] } });
    expect(outcomes[3]).toMatchObject({ kind: 'ok', body: { lastMutationId: 1, results: [{ id: 1, status: 'rejected', reason: { code: 'already_exists' } }] } });
    expect(outcomes[4]).toMatchObject({ kind: 'gap', expected: 2, body: { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] } });
    // f's close comes after e's open in arrival order: the session it closes exists.
    expect(outcomes[5]).toMatchObject({ kind: 'ok', body: { lastMutationId: 1, results: [{ id: 1, status: 'applied' }] } });
    expect(await visitsOf(b!)).toBe(3);
    expect(await visitsOf(c!)).toBe(2);
    expect(await visitsOf(d!)).toBe(0);
    expect(await lastOf(e!)).toBe(1);
  });

  it('a revoked device in a batch is refused alone; the others of its batch apply', async () => {
    const sizes: number[] = [];
    const batcher = new PushBatcher(server.db, notes, undefined, (n) => sizes.push(n));
    const [first, ok1, revoked, ok2] = await Promise.all(Array.from({ length: 4 }, () => server.createAccount('aidant')));
    await server.db.query('UPDATE sync_client SET revoked_at = now() WHERE client_id = $1', [revoked!.clientId]);
    const outcomes = await together(batcher, [first!, ok1!, revoked!, ok2!].map((x) => [x, visits(x, 1, 2)]));
    // The shared transaction rolls back whole; then each alone.
    expect(sizes).toEqual([4]);
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'revoked', 'ok']);
    expect(await visitsOf(revoked!)).toBe(0);
    expect(await visitsOf(ok1!)).toBe(2);
    expect(await visitsOf(ok2!)).toBe(2);
  });

  it('two pushes of one device never share a transaction, and apply in their order', async () => {
    const sizes: number[] = [];
    const batcher = new PushBatcher(server.db, notes, undefined, (n) => sizes.push(n));
    const [other, a] = await Promise.all([server.createAccount('aidant'), server.createAccount('aidant')]);
    const outcomes = await together(batcher, [[other!, visits(other!, 1, 1)], [a!, visits(a!, 1, 2)], [a!, visits(a!, 3, 2)]]);
    expect(sizes).toEqual([2, 1]);
    expect(outcomes.map((o) => o.kind === 'ok' && o.body.lastMutationId)).toEqual([1, 2, 4]);
    expect(await visitsOf(a!)).toBe(4);
  });

  it('keeps each transaction within the limits, first come first served', async () => {
    const sizes: number[] = [];
    const batcher = new PushBatcher(server.db, notes, { pushes: 3, mutations: 25 }, (n) => sizes.push(n));
    const devices = await Promise.all(Array.from({ length: 8 }, () => server.createAccount('aidant')));
    const outcomes = await together(batcher, devices.map((d) => [d, visits(d, 1, 10)]));
    // At most 25 mutations (2 pushes of 10) per transaction.
    expect(sizes).toEqual([2, 2, 2, 2]);
    expect(outcomes.every((o) => o.kind === 'ok' && o.body.lastMutationId === 10)).toBe(true);
  });

  it('gives the same outcomes as pushes applied one by one (same requests on twin devices)', async () => {
    const batcher = new PushBatcher(server.db, notes);
    const pairs = await Promise.all(Array.from({ length: 5 }, async () => [await server.createAccount('aidant'), await server.createAccount('aidant')] as const));
    const batched = await together(batcher, pairs.map(([x], i) => [x, [...visits(x, 1, i + 1), { id: i + 2, name: 'visit.create@1', args: { bad: i } }]]));
    const alone: PushOutcome[] = [];
    for (const [[, y], i] of pairs.map((p, i) => [p, i] as const)) {
      alone.push(await applyPush(server.db, user(y), req(y, [...visits(y, 1, i + 1), { id: i + 2, name: 'visit.create@1', args: { bad: i } }]), now(), notes));
    }
    expect(batched).toEqual(alone);
  });

  it('through the route: 20 devices pushing at once each get their own answer, applied once', async () => {
    const devices = await Promise.all(Array.from({ length: 20 }, () => server.createAccount('aidant')));
    const answers = await Promise.all(devices.map((d) => pushOne(server, d, visits(d, 1, 5))));
    for (const [i, d] of devices.entries()) {
      expect(answers[i]!.lastMutationId).toBe(5);
      expect(answers[i]!.results.every((r) => r.status === 'applied')).toBe(true);
      expect(await visitsOf(d)).toBe(5);
    }
  });
});
