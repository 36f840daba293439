import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../../src/app/aidant/crypto/serverSeal';
import { noteServerKeySchema, type NoteServerKey } from '../../../src/shared/domain/sealedNote';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makeVisit } from '../support/fixtures';
import { pullAll, push } from '../support/syncClient';

// Visit notes travel sealed for the server (visit.create@2): the server publishes its
// key, opens each box on receipt and stores the note; an aidant's pull never carries it
// back in clear (their tablet keeps its own PIN-sealed copy), nor does the office's.

describe.each(backends)('sealed visit notes on $name', (backend) => {
  let server: TestServer;
  let key: NoteServerKey;
  beforeAll(async () => {
    server = await createTestServer(backend);
    key = noteServerKeySchema.parse(await (await server.fetch('/api/sync/note-key')).json());
  });
  afterAll(() => server.close());

  it('publishes one stable key', async () => {
    const again = noteServerKeySchema.parse(await (await server.fetch('/api/sync/note-key')).json());
    expect(again).toEqual(key);
  });

  it('opens the note on receipt; a box moved to another visit loses its note, not the visit', async () => {
    const aidant = await server.createAccount('aidant');
    const staff = await server.createAccount('staff');
    const first = makeVisit(server.territoryId, aidant.user.id);
    const second = makeVisit(server.territoryId, aidant.user.id);
    const sealed = await sealForServer(key, 'Rappeler lundi pour la CAF', first.id);
    const answer = await push(server, aidant, [
      { id: 1, name: 'visit.create@2', args: { ...first, sealedNotes: sealed } },
      { id: 2, name: 'visit.create@2', args: { ...second, sealedNotes: sealed } },
      { id: 3, name: 'visit.create@1', args: makeVisit(server.territoryId, aidant.user.id) },
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const { rows } = await server.db.query<{ id: string; data: { notes?: string; noteState?: string } }>("SELECT id, data FROM record WHERE collection = 'visit'");
    const byId = new Map(rows.map((r) => [r.id, r.data]));
    // The note rests apart, encrypted (notesAtRest.test.ts); the row only says it is there.
    expect(byId.get(first.id)).toMatchObject({ noteState: 'server' });
    expect(byId.get(first.id)?.notes).toBeUndefined();
    expect(byId.get(second.id)).toBeDefined();
    expect(byId.get(second.id)?.noteState).toBeUndefined();
    expect(JSON.stringify([...byId.values()])).not.toContain('sealedNotes');
    const staffRead = await server.fetch(`/api/notes/${first.id}`, { headers: staff.headers });
    expect(await staffRead.json()).toMatchObject({ note: 'Rappeler lundi pour la CAF' });
    expect((await server.fetch(`/api/notes/${second.id}`, { headers: staff.headers })).status).toBe(404);

    const mine = await pullAll(server, aidant);
    const visits = mine.changes.filter((c) => c.collection === 'visit');
    expect(visits).toHaveLength(3);
    expect(JSON.stringify(visits)).not.toContain('Rappeler');
    const office = await pullAll(server, staff);
    expect(JSON.stringify(office.changes)).not.toContain('Rappeler');
  });
});
