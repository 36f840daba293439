import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makeCorrection, makeCoverage, makePlace, makeSession, makeVisit } from '../support/fixtures';
import { cursorSeq, pullAll, pullPage, push, pushRaw } from '../support/syncClient';

describe.each(backends)('push and pull on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  it('applies each kind of aidant mutation and pulls it back', async () => {
    const aidant = await server.createAccount('aidant');
    const t = server.territoryId;
    const session = makeSession(t, aidant.user.id);
    const r = await push(server, aidant, [
      { id: 1, name: 'session.open@1', args: session },
      { id: 2, name: 'visit.create@1', args: makeVisit(t, aidant.user.id, { sessionId: session.id }) },
      { id: 3, name: 'coverage.record@1', args: makeCoverage(t) },
      { id: 4, name: 'correction.propose@1', args: makeCorrection(t, aidant.user.id, `${t}-place-1`) },
      { id: 5, name: 'session.close@1', args: { id: session.id, endedAt: '2026-11-20T12:00:00.000Z' } },
    ]);
    expect(r.lastMutationId).toBe(5);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const all = await pullAll(server, aidant);
    expect(all.lastMutationId).toBe(5);
    const own = all.changes.filter((c) => ['visit', 'session', 'coverage', 'correction'].includes(c.collection));
    expect(own.map((c) => c.collection).sort()).toEqual(['correction', 'coverage', 'session', 'visit']);
    const closed = own.find((c) => c.collection === 'session');
    expect(closed?.version).toBe(2);
    expect(closed?.op === 'put' && (closed.record as { endedAt?: string }).endedAt).toBe('2026-11-20T12:00:00.000Z');
  });

  it('staff edits the directory with versions; a stale edit is a conflict', async () => {
    const staff = await server.createAccount('staff');
    const t = server.territoryId;
    const created = makePlace(t, `${t}-new-place`);
    let r = await push(server, staff, [
      { id: 1, name: 'place.create@1', args: { record: created } },
      { id: 2, name: 'place.update@1', args: { id: created.id, baseVersion: 1, patch: { name: 'Nouveau nom', phone: '05 49 11 22 33' } } },
      { id: 3, name: 'place.update@1', args: { id: created.id, baseVersion: 1, patch: { name: 'Trop tard' } } },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'conflict']);
    const conflict = r.results[2];
    expect(conflict?.status === 'conflict' && conflict.current?.version).toBe(2);
    expect(conflict?.status === 'conflict' && (conflict.current?.record as { name: string }).name).toBe('Nouveau nom');
    r = await push(server, staff, [
      { id: 4, name: 'place.update@1', args: { id: created.id, baseVersion: 2, patch: { phone: null } } },
      { id: 5, name: 'place.delete@1', args: { id: created.id, baseVersion: 3 } },
      { id: 6, name: 'place.update@1', args: { id: created.id, baseVersion: 4, patch: { name: 'x' } } },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'conflict']);
    const all = await pullAll(server, staff);
    const last = all.changes.filter((c) => c.id === created.id);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ op: 'delete', version: 4 });
  });

  it('rejects what is invalid or forbidden, with a code and a French message, and advances', async () => {
    const aidant = await server.createAccount('aidant');
    const other = await server.createAccount('aidant');
    const t = server.territoryId;
    const r = await push(server, aidant, [
      { id: 1, name: 'visit.create@1', args: { nonsense: true } },
      { id: 2, name: 'visit.create@1', args: makeVisit(t, other.user.id) },
      { id: 3, name: 'visit.create@1', args: makeVisit('autre-territoire', aidant.user.id) },
      { id: 4, name: 'place.update@1', args: { id: `${t}-place-1`, baseVersion: 1, patch: { name: 'x' } } },
      { id: 5, name: 'teleport.now@1', args: {} },
      { id: 6, name: 'visit.create@1', args: makeVisit(t, aidant.user.id, { notes: 'a\u0000b' }) },
    ]);
    expect(r.lastMutationId).toBe(6);
    const reasons = r.results.map((x) => (x.status === 'rejected' ? x.reason.code : x.status));
    expect(reasons).toEqual(['invalid_args', 'forbidden', 'forbidden', 'forbidden', 'unknown_mutation', 'invalid_text']);
    for (const x of r.results) if (x.status === 'rejected') expect(x.reason.message.length).toBeGreaterThan(5);
  });

  it('merges a patch and validates the merged record', async () => {
    const staff = await server.createAccount('staff');
    const id = `${server.territoryId}-place-2`;
    const r = await push(server, staff, [
      { id: 1, name: 'place.update@1', args: { id, baseVersion: 1, patch: { lat: 300 } } },
      { id: 2, name: 'place.update@1', args: { id, baseVersion: 1, patch: { territoryId: 'autre-territoire' } } },
      { id: 3, name: 'place.update@1', args: { id, baseVersion: 1, patch: { unknownField: 1 } } },
      { id: 4, name: 'place.update@1', args: { id, baseVersion: 1, patch: JSON.parse('{"__proto__": {"polluted": true}, "name": "Proto"}') } },
      { id: 5, name: 'place.update@1', args: { id: 'does-not-exist', baseVersion: 1, patch: { name: 'x' } } },
    ]);
    const codes = r.results.map((x) => (x.status === 'rejected' ? x.reason.code : x.status));
    expect(codes).toEqual(['invalid_args', 'immutable_field', 'invalid_args', 'invalid_args', 'not_found']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('pulls pages in order with a cursor carrying the last seq (I4)', async () => {
    const staff = await server.createAccount('staff');
    const all = await pullAll(server, staff, undefined, 2);
    expect(all.changes.length).toBeGreaterThan(4);
    const page = await pullPage(server, staff, all.cursor);
    expect('reset' in page).toBe(false);
    if (!('reset' in page)) {
      expect(page.changes).toEqual([]);
      expect(page.cursor).toBe(all.cursor);
      expect(cursorSeq(page.cursor)).toBe(all.changes.at(-1)!.seq);
    }
  });

  it('refuses a push for another device than the session’s', async () => {
    const aidant = await server.createAccount('aidant');
    const r = await pushRaw(server, aidant, [{ id: 1, name: 'visit.create@1', args: {} }], '00000000-0000-4000-8000-000000000000');
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'client_mismatch' });
  });
});
