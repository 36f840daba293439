import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../../src/app/aidant/crypto/serverSeal';
import type { Database } from '../../../src/server/db/Database';
import { newNotesKey, NoteCipher, notesKeyId, parseNotesKey } from '../../../src/server/sync/store/NoteCipher';
import { moveClearNotes, purgeVisitNotes, rotateVisitNotes } from '../../../src/server/sync/store/visitNotes';
import { noteServerKeySchema } from '../../../src/shared/domain/sealedNote';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeVisit } from '../support/fixtures';
import { pullAll, push } from '../support/syncClient';

// Issue 17, server at rest: a visit note rests encrypted apart from its visit (visit_note,
// AES-256-GCM under the configured key), no pull carries it, staff and admins read one at
// a time with an audit line each, an admin erases one, the retention removes them, every
// replica learns of a removal, and a rotation re-encrypts them under a new key.

const KEY = newNotesKey();
const NOTE = 'Dettes EDF, fils à Poitiers, rappeler mardi';

/** Every row of every table of the database as text: what a stolen copy would show. */
async function wholeDatabase(db: Database): Promise<string> {
  const { rows } = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { table_name } of rows) {
    const dump = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table_name}" t`);
    parts.push(...dump.rows.map((r) => r.row));
  }
  return parts.join('\n');
}

describe.each(backends)('visit notes at rest on $name', (backend) => {
  let server: TestServer;
  let clock = new Date('2026-03-01T10:00:00Z');
  let aidant: TestAccount;
  let staff: TestAccount;
  let admin: TestAccount;
  beforeAll(async () => {
    server = await createTestServer(backend, { now: () => clock, config: { notesKey: KEY, sessionDays: 3650 } });
    aidant = await server.createAccount('aidant');
    staff = await server.createAccount('staff');
    admin = await server.createAccount('admin');
  });
  afterAll(() => server.close());

  const read = (who: TestAccount | undefined, id: string) => server.fetch(`/api/notes/${id}`, { headers: who?.headers ?? {} });

  it('a pushed note (@1 or sealed @2) rests encrypted apart; no table of the database shows it; no pull carries it', async () => {
    const key = noteServerKeySchema.parse(await (await server.fetch('/api/sync/note-key')).json());
    const plain = makeVisit(server.territoryId, aidant.user.id, { notes: NOTE });
    const sealedVisit = makeVisit(server.territoryId, aidant.user.id);
    const said = makeVisit(server.territoryId, aidant.user.id, { noteState: 'removed' });
    await push(server, aidant, [
      { id: 1, name: 'visit.create@1', args: plain },
      { id: 2, name: 'visit.create@2', args: { ...sealedVisit, sealedNotes: await sealForServer(key, `${NOTE} (scellée)`, sealedVisit.id) } },
      { id: 3, name: 'visit.create@1', args: said },
    ]);
    const all = await wholeDatabase(server.db);
    expect(all).toContain(plain.id);
    expect(all).not.toContain('Dettes');
    const { rows } = await server.db.query<{ visit_id: string; kid: string; ct: string }>('SELECT visit_id, kid, ct FROM visit_note ORDER BY visit_id');
    expect(rows.map((r) => r.visit_id).sort()).toEqual([plain.id, sealedVisit.id].sort());
    expect(new Set(rows.map((r) => r.kid))).toEqual(new Set([notesKeyId(parseNotesKey(KEY)!)]));
    for (const who of [aidant, staff, admin]) {
      const pulled = await pullAll(server, who);
      expect(JSON.stringify(pulled.changes)).not.toContain('Dettes');
      const visits = new Map(pulled.changes.filter((c) => c.collection === 'visit').map((c) => [c.id, c.op === 'put' ? c.record : undefined]));
      expect(visits.get(plain.id)).toMatchObject({ noteState: 'server' });
      expect(visits.get(sealedVisit.id)).toMatchObject({ noteState: 'server' });
      // Only the server says noteState: a device's claim is dropped.
      expect(visits.get(said.id)).not.toHaveProperty('noteState');
    }
  });

  it('staff and admins read a note on demand, each reading an audit line; aidants, anonymous callers and other territories do not', async () => {
    const visit = makeVisit(server.territoryId, aidant.user.id, { notes: NOTE });
    await push(server, aidant, [{ id: 4, name: 'visit.create@1', args: visit }]);
    const before = Number((await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE action = 'note.read'")).rows[0]!.n);
    for (const who of [staff, admin]) {
      const res = await read(who, visit.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ visitId: visit.id, aidantId: aidant.user.id, receivedAt: clock.toISOString(), note: NOTE });
    }
    const { rows } = await server.db.query<{ actor_id: string; target: string; at: Date; details: { aidantId: string } }>(
      "SELECT actor_id, target, at, details FROM audit_log WHERE action = 'note.read' ORDER BY id",
    );
    expect(rows.length - before).toBe(2);
    expect(rows.slice(-2).map((r) => [r.actor_id, r.target, new Date(r.at).toISOString(), r.details.aidantId])).toEqual([
      [staff.user.id, visit.id, clock.toISOString(), aidant.user.id],
      [admin.user.id, visit.id, clock.toISOString(), aidant.user.id],
    ]);
    const other = await server.createAccount('aidant');
    expect((await read(aidant, visit.id)).status).toBe(403);
    expect((await read(other, visit.id)).status).toBe(403);
    expect((await read(undefined, visit.id)).status).toBe(401);
    const elsewhere = await server.createAccount('staff', 'autre-territoire');
    expect((await read(elsewhere, visit.id)).status).toBe(404);
    expect((await read(staff, 'pas-un-uuid')).status).toBe(404);
    // Refused readings leave no line.
    const after = Number((await server.db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE action = 'note.read'")).rows[0]!.n);
    expect(after - before).toBe(2);
  });

  it('an admin erases one note; the erasure is a new version every replica pulls; staff may not erase', async () => {
    const visit = makeVisit(server.territoryId, aidant.user.id, { notes: NOTE });
    const kept = makeVisit(server.territoryId, aidant.user.id, { notes: 'Autre note' });
    await push(server, aidant, [{ id: 5, name: 'visit.create@1', args: visit }, { id: 6, name: 'visit.create@1', args: kept }]);
    const staffStart = await pullAll(server, staff);
    const aidantStart = await pullAll(server, aidant);
    const erase = (who: TestAccount) => server.fetch(`/api/notes/${visit.id}`, { method: 'DELETE', headers: who.headers });
    expect((await erase(staff)).status).toBe(403);
    expect((await erase(aidant)).status).toBe(403);
    expect((await erase(admin)).status).toBe(200);
    expect((await erase(admin)).status).toBe(404);
    expect((await read(staff, visit.id)).status).toBe(404);
    expect((await read(staff, kept.id)).status).toBe(200);
    for (const [who, start] of [[staff, staffStart], [aidant, aidantStart]] as const) {
      const next = await pullAll(server, who, start.cursor);
      expect(next.changes).toEqual([expect.objectContaining({ collection: 'visit', id: visit.id, op: 'put', version: 2 })]);
      expect(next.changes[0]!.op === 'put' && next.changes[0]!.record).toMatchObject({ noteState: 'removed' });
    }
    const audit = await server.db.query<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'note.erase' AND target = $1", [visit.id]);
    expect(audit.rows.map((r) => r.actor_id)).toEqual([admin.user.id]);
  });

  it('the retention removes notes older than the setting, with a moved clock, from the server and (as a new version) every replica', async () => {
    clock = new Date('2026-05-01T10:00:00Z');
    const recent = makeVisit(server.territoryId, aidant.user.id, { notes: 'Récente' });
    await push(server, aidant, [{ id: 7, name: 'visit.create@1', args: recent }]);
    const start = await pullAll(server, staff);
    // 2026-03-01 + 90 days = 2026-05-30: nothing is old enough yet.
    expect(await purgeVisitNotes(server.db, new Date('2026-05-29T10:00:00Z'), 90)).toBe(0);
    const older = Number((await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM visit_note WHERE created_at < $1', ['2026-04-01'])).rows[0]!.n);
    expect(older).toBeGreaterThan(0);
    clock = new Date('2026-06-15T10:00:00Z');
    expect(await purgeVisitNotes(server.db, clock, 90)).toBe(older);
    const left = await server.db.query<{ visit_id: string }>('SELECT visit_id FROM visit_note');
    expect(left.rows.map((r) => r.visit_id)).toEqual([recent.id]);
    const next = await pullAll(server, staff, start.cursor);
    expect(next.changes.length).toBe(older);
    for (const c of next.changes) expect(c.op === 'put' && c.record).toMatchObject({ noteState: 'removed' });
    expect((await read(staff, recent.id)).status).toBe(200);
  });

  it('clear notes left in rows by an older version move out, encrypted, as a new version', async () => {
    const visit = makeVisit(server.territoryId, aidant.user.id);
    await push(server, aidant, [{ id: 8, name: 'visit.create@1', args: visit }]);
    // What a database written before migration 006 holds.
    await server.db.query(`UPDATE record SET data = data || '{"notes":"Ancienne note en clair"}'::jsonb WHERE collection = 'visit' AND id = $1`, [visit.id]);
    const start = await pullAll(server, staff);
    expect(await moveClearNotes(server.db, new NoteCipher(parseNotesKey(KEY)!), clock)).toBe(1);
    expect(await moveClearNotes(server.db, new NoteCipher(parseNotesKey(KEY)!), clock)).toBe(0);
    expect(await wholeDatabase(server.db)).not.toContain('Ancienne note');
    const next = await pullAll(server, staff, start.cursor);
    expect(next.changes.map((c) => c.id)).toEqual([visit.id]);
    expect(next.changes[0]!.op === 'put' && next.changes[0]!.record).toMatchObject({ noteState: 'server' });
    expect(await (await read(staff, visit.id)).json()).toMatchObject({ note: 'Ancienne note en clair' });
  });

  it('a rotation re-encrypts every note under the new key; the old key is no longer needed', async () => {
    const newKey = newNotesKey();
    const rotating = new NoteCipher(parseNotesKey(newKey)!, [parseNotesKey(KEY)!]);
    const count = Number((await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM visit_note')).rows[0]!.n);
    expect(count).toBeGreaterThan(1);
    expect(await rotateVisitNotes(server.db, rotating)).toEqual({ rotated: count, unopened: 0 });
    expect(await rotateVisitNotes(server.db, rotating)).toEqual({ rotated: 0, unopened: 0 });
    const onlyNew = new NoteCipher(parseNotesKey(newKey)!);
    const { rows } = await server.db.query<{ visit_id: string; kid: string; iv: string; ct: string }>('SELECT visit_id, kid, iv, ct FROM visit_note');
    expect(rows.map((r) => onlyNew.open(r.visit_id, r))).toContain('Récente');
    // A box moved onto another visit's row does not open.
    expect(() => onlyNew.open(rows[1]!.visit_id, rows[0]!)).toThrow();
    // The old key alone opens none of them any more.
    expect(() => new NoteCipher(parseNotesKey(KEY)!).open(rows[0]!.visit_id, rows[0]!)).toThrow(/does not hold/);
  });
});
