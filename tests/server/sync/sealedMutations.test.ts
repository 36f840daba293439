import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../../src/app/aidant/crypto/serverSeal';
import { sealMutation } from '../../../src/app/data/sealMutation';
import { noteServerKeySchema, type NoteServerKey } from '../../../src/shared/domain/sealedNote';
import type { PushRequest } from '../../../src/shared/sync/protocol';
import type { SealedMutation } from '../../../src/shared/sync/sealedMutation';
import type { SessionUser } from '../../../src/server/auth/SessionUser';
import { PushBatcher } from '../../../src/server/sync/push/PushBatcher';
import { NoteCipher } from '../../../src/server/sync/store/NoteCipher';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeSession, makeVisit } from '../support/fixtures';

// Issue 17, a shared tablet: the changes an aidant left waiting are sealed for the server
// when another aidant opens the tablet (src/shared/sync/sealedMutation.ts). The server
// opens each box with its note key before the usual checks and applies it exactly as the
// clear mutation; a box that does not open is that mutation's `sealed_unopened` rejection
// (its id advances: exactly once, I12), never a failed push. PGlite and PostgreSQL.

interface Wire { id: number; name: string; args?: unknown; sealed?: unknown }

describe.each(backends)('sealed mutations on $name', (backend) => {
  let server: TestServer;
  let key: NoteServerKey;
  const notesKey = randomBytes(32);
  beforeAll(async () => {
    server = await createTestServer(backend, { config: { notesKey: notesKey.toString('base64') } });
    key = noteServerKeySchema.parse(await (await server.fetch('/api/sync/note-key')).json());
  });
  afterAll(() => server.close());

  async function pushWire(who: TestAccount, mutations: Wire[], protocol = 2) {
    const res = await server.fetch('/api/sync/push', {
      method: 'POST', headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol, clientId: who.clientId, mutations }),
    });
    const body = (await res.json()) as { lastMutationId: number; results: Array<{ id: number; status: string; reason?: { code: string; message: string } }> };
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body;
  }
  const seal = (who: TestAccount, mid: number, name: string, args: unknown, over: Partial<{ clientId: string; authorId: string }> = {}) =>
    sealMutation(key, { clientId: who.clientId, mid, name, authorId: who.user.id, ...over }, args);
  const visitRow = async (id: string) =>
    (await server.db.query<{ owner_id: string; client_id: string; mutation_id: unknown; data: Record<string, unknown> }>(
      "SELECT owner_id, client_id, mutation_id, data FROM record WHERE collection = 'visit' AND id = $1", [id],
    )).rows;
  const codes = (body: Awaited<ReturnType<typeof pushWire>>) => body.results.map((r) => r.reason?.code ?? r.status);

  it('a sealed visit (its note sealed inside) is applied as the clear one, under its author; sent again, once', async () => {
    const aidant = await server.createAccount('aidant');
    const staff = await server.createAccount('staff');
    const visit = makeVisit(server.territoryId, aidant.user.id, { residenceInsee: '86070' });
    const args = { ...visit, sealedNotes: await sealForServer(key, 'Dossier APL-5521 en attente', visit.id) };
    const sealed = await seal(aidant, 1, 'visit.create@2', args);
    expect(JSON.stringify(sealed)).not.toContain(visit.id);
    const session = makeSession(server.territoryId, aidant.user.id);
    const mutations: Wire[] = [
      { id: 1, name: 'visit.create@2', sealed },
      { id: 2, name: 'session.open@1', sealed: await seal(aidant, 2, 'session.open@1', session) },
      { id: 3, name: 'visit.create@1', args: makeVisit(server.territoryId, aidant.user.id) },
    ];
    const first = await pushWire(aidant, mutations);
    expect(first).toEqual({ lastMutationId: 3, results: [1, 2, 3].map((id) => ({ id, status: 'applied' })) });
    const rows = await visitRow(visit.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ owner_id: aidant.user.id, client_id: aidant.clientId, data: { ageBand: visit.ageBand, noteState: 'server' } });
    expect(Number(rows[0]!.mutation_id)).toBe(1);
    const note = await server.fetch(`/api/notes/${visit.id}`, { headers: staff.headers });
    expect(await note.json()).toMatchObject({ note: 'Dossier APL-5521 en attente', aidantId: aidant.user.id });
    const sessions = await server.db.query("SELECT id FROM record WHERE collection = 'session' AND id = $1", [session.id]);
    expect(sessions.rows).toHaveLength(1);

    // The answer was lost: the same push again gives the stored results and no second effect.
    expect(await pushWire(aidant, mutations)).toEqual(first);
    expect(await visitRow(visit.id)).toHaveLength(1);
  });

  it('a tampered box, a wrong key, a box moved to a later id, to another device or account: each rejected, the queue moves on', async () => {
    const a = await server.createAccount('aidant');
    const b = await server.createAccount('aidant');
    const v = () => makeVisit(server.territoryId, a.user.id);
    const tampered = await seal(a, 1, 'visit.create@1', v());
    const flipped = tampered.ct[5] === 'A' ? 'B' : 'A';
    const tamperedBox: SealedMutation = { ...tampered, ct: tampered.ct.slice(0, 5) + flipped + tampered.ct.slice(6) };
    // Sealed for a key this server does not hold, and for its kid with another key's half.
    const other = await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const otherJwk = await webcrypto.subtle.exportKey('jwk', other.publicKey);
    const otherKey: NoteServerKey = { kid: 'nk-elsewhere', publicKey: { kty: 'EC', crv: 'P-256', x: otherJwk.x!, y: otherJwk.y! } };
    const unknownKid = await sealMutation(otherKey, { clientId: a.clientId, mid: 2, name: 'visit.create@1', authorId: a.user.id }, v());
    const wrongHalf = await sealMutation({ ...otherKey, kid: key.kid }, { clientId: a.clientId, mid: 3, name: 'visit.create@1', authorId: a.user.id }, v());
    // A box of id 4 pushed again as id 5 (a copy), and one whose mid was rewritten to 6.
    const four = v();
    const boxOf4 = await seal(a, 4, 'visit.create@1', four);
    const rewritten: SealedMutation = { ...(await seal(a, 5, 'visit.create@1', v())), mid: 6 };
    const forAnotherDevice = await seal(a, 7, 'visit.create@1', v(), { clientId: randomUUID() });
    const forAnotherName = await seal(a, 8, 'session.open@1', makeSession(server.territoryId, a.user.id));
    const both = await seal(a, 9, 'visit.create@1', v());
    const after = v();
    const answer = await pushWire(a, [
      { id: 1, name: 'visit.create@1', sealed: tamperedBox },
      { id: 2, name: 'visit.create@1', sealed: unknownKid },
      { id: 3, name: 'visit.create@1', sealed: wrongHalf },
      { id: 4, name: 'visit.create@1', sealed: boxOf4 },
      { id: 5, name: 'visit.create@1', sealed: boxOf4 },
      { id: 6, name: 'visit.create@1', sealed: rewritten },
      { id: 7, name: 'visit.create@1', sealed: forAnotherDevice },
      { id: 8, name: 'visit.create@1', sealed: forAnotherName },
      { id: 9, name: 'visit.create@1', args: v(), sealed: both },
      { id: 10, name: 'visit.create@1', sealed: { v: 1, kid: key.kid, mid: 10, epk: '', iv: '', ct: 'not base64!' } },
      { id: 11, name: 'visit.create@1', args: after },
    ]);
    expect(answer.lastMutationId).toBe(11);
    expect(codes(answer)).toEqual([
      'sealed_unopened', 'sealed_unopened', 'sealed_unopened', 'applied', 'sealed_unopened', 'sealed_unopened',
      'sealed_unopened', 'sealed_unopened', 'invalid_args', 'sealed_unopened', 'applied',
    ]);
    // Named, in French, never a crash.
    expect(answer.results[1]!.reason!.message).toContain('nk-elsewhere');
    expect(answer.results[4]!.reason!.message).toContain('n° 4');
    expect(await visitRow(four.id)).toHaveLength(1);
    expect(await visitRow(after.id)).toHaveLength(1);
    expect(Number((await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM record WHERE collection = 'visit' AND owner_id = $1", [a.user.id])).rows[0]!.n)).toBe(2);

    // A's box pushed under B's session (B's device, as if moved there): B's id, A's author.
    const moved = await seal(a, 1, 'visit.create@1', v(), { clientId: b.clientId });
    expect(codes(await pushWire(b, [{ id: 1, name: 'visit.create@1', sealed: moved }]))).toEqual(['sealed_unopened']);
    // B's own visit in A's name, sealed as B: opened, then refused like the clear one.
    const inAsName = await seal(b, 2, 'visit.create@1', v());
    expect(codes(await pushWire(b, [{ id: 2, name: 'visit.create@1', sealed: inAsName }]))).toEqual(['forbidden']);
  });

  it('opens at a lower id (an outbox renumbered after the server lost its acknowledgements), never a second effect', async () => {
    const a = await server.createAccount('aidant');
    const visit = makeVisit(server.territoryId, a.user.id);
    const box = await seal(a, 9, 'visit.create@1', visit);
    expect(codes(await pushWire(a, [{ id: 1, name: 'visit.create@1', sealed: box }]))).toEqual(['applied']);
    // The same box again at a later renumbering: the visit's UUID holds, one record.
    expect(codes(await pushWire(a, [{ id: 2, name: 'visit.create@1', sealed: box }]))).toEqual(['applied']);
    expect(await visitRow(visit.id)).toHaveLength(1);
  });

  it('a clear push under protocol 1 is still accepted (an older tablet)', async () => {
    const a = await server.createAccount('aidant');
    expect(codes(await pushWire(a, [{ id: 1, name: 'visit.create@1', args: makeVisit(server.territoryId, a.user.id) }], 1))).toEqual(['applied']);
  });

  it('sealed and clear pushes of several devices in one group-commit transaction: the answers each would get alone', async () => {
    const notes = new NoteCipher(notesKey);
    const sizes: number[] = [];
    const batcher = new PushBatcher(server.db, notes, undefined, (n) => sizes.push(n));
    const devices = await Promise.all(Array.from({ length: 4 }, () => server.createAccount('aidant')));
    const visits = devices.map((d) => makeVisit(server.territoryId, d.user.id));
    const user = (a: TestAccount): SessionUser => ({ ...a.user, clientId: a.clientId, tokenHash: '' });
    const requests: PushRequest[] = await Promise.all(devices.map(async (d, i) => ({
      protocol: 2 as const, clientId: d.clientId,
      mutations: [
        i % 2 === 0 ? { id: 1, name: 'visit.create@1', sealed: await seal(d, 1, 'visit.create@1', visits[i]) } : { id: 1, name: 'visit.create@1', args: visits[i] },
        // The last device's second box is another device's: rejected, its id still advances.
        { id: 2, name: 'visit.create@1', sealed: await seal(d, 2, 'visit.create@1', makeVisit(server.territoryId, d.user.id), i === 3 ? { clientId: devices[0]!.clientId } : {}) },
      ],
    })));
    const outcomes = await Promise.all(devices.map((d, i) => batcher.apply(user(d), requests[i]!, new Date())));
    expect(sizes).toEqual([4]);
    for (const [i, o] of outcomes.entries()) {
      expect(o).toMatchObject({ kind: 'ok', body: { lastMutationId: 2, results: [{ id: 1, status: 'applied' }, { id: 2, status: i === 3 ? 'rejected' : 'applied' }] } });
      expect((await visitRow(visits[i]!.id)).map((r) => r.owner_id)).toEqual([devices[i]!.user.id]);
    }
  });
});
