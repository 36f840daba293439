import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../../src/app/aidant/crypto/serverSeal';
import { createApp } from '../../../src/server/app';
import type { Database } from '../../../src/server/db/Database';
import { notePrivateKey, noteKeysByKey, wrapNoteKeys } from '../../../src/server/sync/push/noteKey';
import { newNotesKey, NoteCipher, notesKeyId, parseNotesKey } from '../../../src/server/sync/store/NoteCipher';
import { noteServerKeySchema, type NoteServerKey } from '../../../src/shared/domain/sealedNote';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeVisit } from '../support/fixtures';
import { push } from '../support/syncClient';

// Issue 17: the private half of the note key tablets seal for rests wrapped under the
// server's notes key (migration 007), so the database alone opens no note, not even the
// boxes still waiting in a tablet's outbox; a database from before is wrapped at start,
// and a rotation of the notes key re-wraps it (docs/privacy.md).

const KEY = newNotesKey();
const cipher = new NoteCipher(parseNotesKey(KEY)!);

interface KeyRow { kid: string; private_jwk: unknown; private_box: unknown; text: string }
async function keyRows(db: Database): Promise<KeyRow[]> {
  return (await db.query<KeyRow>('SELECT kid, private_jwk, private_box, to_jsonb(k)::text AS text FROM note_key k ORDER BY created_at, kid')).rows;
}
const json = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>;

describe.each(backends)('the note sealing key at rest on $name', (backend) => {
  let server: TestServer;
  let aidant: TestAccount;
  let staff: TestAccount;
  let key: NoteServerKey;
  beforeAll(async () => {
    server = await createTestServer(backend, { config: { notesKey: KEY } });
    aidant = await server.createAccount('aidant');
    staff = await server.createAccount('staff');
    key = noteServerKeySchema.parse(await (await server.fetch('/api/sync/note-key')).json());
  });
  afterAll(() => server.close());

  /** An outbox entry as a tablet holds it: a visit whose note is sealed for `to`. */
  const sealedVisit = async (to: NoteServerKey, note: string) => {
    const visit = makeVisit(server.territoryId, aidant.user.id);
    return { visit, args: { ...visit, sealedNotes: await sealForServer(to, note, visit.id) } };
  };
  let mutationId = 0;
  const pushSealed = async (args: unknown) => push(server, aidant, [{ id: ++mutationId, name: 'visit.create@2', args }]);

  it('rests wrapped under the notes key: no private scalar in the database; the database alone opens no outbox box', async () => {
    const [row, ...others] = await keyRows(server.db);
    expect(others).toEqual([]);
    expect(row!.kid).toBe(key.kid);
    expect(row!.private_jwk).toBeNull();
    expect(json(row!.private_box)).toMatchObject({ kid: notesKeyId(parseNotesKey(KEY)!) });
    const jwk = JSON.parse(cipher.open(`note_key:${key.kid}`, json(row!.private_box) as never)) as webcrypto.JsonWebKey;
    expect(jwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row!.text).not.toContain(jwk.d);

    // A box waiting in a tablet's outbox, and a thief holding the database with any other
    // notes key: the private half does not unwrap, the box does not open.
    const waiting = await sealedVisit(key, 'Dette de loyer, rappeler jeudi');
    expect(await notePrivateKey(server.db, key.kid, new NoteCipher(parseNotesKey(newNotesKey())!))).toBeUndefined();
    const thief = createApp({ db: server.db, config: { ...server.config, notesKey: newNotesKey() } });
    const other = await server.createAccount('aidant');
    const args = { ...waiting.args, aidantId: other.user.id };
    const stolen = await thief.fetch(new Request('http://escale.test/api/sync/push', {
      method: 'POST', headers: { ...other.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, clientId: other.clientId, mutations: [{ id: 1, name: 'visit.create@2', args }] }),
    }));
    expect(await stolen.json()).toMatchObject({ results: [{ status: 'applied' }] });
    const { rows } = await server.db.query('SELECT 1 FROM visit_note WHERE visit_id = $1', [waiting.visit.id]);
    expect(rows).toEqual([]);

    // The server with its notes key opens the same kind of box.
    const sent = await sealedVisit(key, 'Dossier APL complet');
    expect((await pushSealed(sent.args)).results[0]).toMatchObject({ status: 'applied' });
    expect(await (await server.fetch(`/api/notes/${sent.visit.id}`, { headers: staff.headers })).json()).toMatchObject({ note: 'Dossier APL complet' });
  });

  it('a key left in clear by an older version is wrapped at start; boxes sealed for it still open; wrapping again changes nothing', async () => {
    const pair = await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const pub = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
    const priv = await webcrypto.subtle.exportKey('jwk', pair.privateKey);
    const kid = 'nk-clear001';
    await server.db.query('INSERT INTO note_key (kid, public_jwk, private_jwk) VALUES ($1, $2, $3)', [
      kid, JSON.stringify({ kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y }), JSON.stringify(priv),
    ]);
    const old: NoteServerKey = { kid, publicKey: { kty: 'EC', crv: 'P-256', x: pub.x!, y: pub.y! } };
    const sealedBefore = await sealedVisit(old, 'Scellée avant la migration');

    expect(await wrapNoteKeys(server.db, cipher)).toEqual({ wrapped: 1, rotated: 0, unopened: 0 });
    expect(await wrapNoteKeys(server.db, cipher)).toEqual({ wrapped: 0, rotated: 0, unopened: 0 });
    const rows = await keyRows(server.db);
    expect(rows.every((r) => r.private_jwk === null)).toBe(true);
    expect(rows.find((r) => r.kid === kid)!.text).not.toContain(priv.d!);

    // A fresh server process over the same database (no unwrapped key in memory) opens it.
    const restarted = createApp({ db: server.db, config: { ...server.config, notesKey: KEY } });
    const res = await restarted.fetch(new Request('http://escale.test/api/sync/push', {
      method: 'POST', headers: { ...aidant.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, clientId: aidant.clientId, mutations: [{ id: ++mutationId, name: 'visit.create@2', args: sealedBefore.args }] }),
    }));
    expect(await res.json()).toMatchObject({ results: [{ status: 'applied' }] });
    expect(await (await server.fetch(`/api/notes/${sealedBefore.visit.id}`, { headers: staff.headers })).json())
      .toMatchObject({ note: 'Scellée avant la migration' });
  });

  it('a rotation of the notes key re-wraps every sealing key; the new notes key alone unwraps them, the old alone does not', async () => {
    const next = parseNotesKey(newNotesKey())!;
    const rotating = new NoteCipher(next, [parseNotesKey(KEY)!]);
    const held = (await keyRows(server.db)).length;
    expect(await wrapNoteKeys(server.db, rotating)).toEqual({ wrapped: 0, rotated: held, unopened: 0 });
    expect([...(await noteKeysByKey(server.db))]).toEqual([[notesKeyId(next), held]]);
    expect(await notePrivateKey(server.db, key.kid, new NoteCipher(next))).toBeDefined();
    expect(await notePrivateKey(server.db, key.kid, new NoteCipher(parseNotesKey(KEY)!))).toBeUndefined();
    // A server given only a notes key that holds none leaves them be, and says so.
    const lost = new NoteCipher(parseNotesKey(newNotesKey())!);
    expect(await wrapNoteKeys(server.db, lost)).toEqual({ wrapped: 0, rotated: 0, unopened: held });
    // Nor does it publish a key it cannot open (a lost notes key): it makes its own, and opens what is sealed for it.
    const afterLoss = createApp({ db: server.db, config: { ...server.config, notesKey: newNotesKey() } });
    const published = noteServerKeySchema.parse(await (await afterLoss.fetch(new Request('http://escale.test/api/sync/note-key'))).json());
    expect(published.kid).not.toBe(key.kid);
    // A server given the current notes key still publishes the first key.
    const current = createApp({ db: server.db, config: { ...server.config, notesKey: next.toString('base64') } });
    const still = noteServerKeySchema.parse(await (await current.fetch(new Request('http://escale.test/api/sync/note-key'))).json());
    expect(still.kid).toBe(key.kid);
  });
});
