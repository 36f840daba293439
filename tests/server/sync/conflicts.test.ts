import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makePlace } from '../support/fixtures';
import { push } from '../support/syncClient';

// I8: two offline editors of one record give one `applied` and one `conflict`, never a
// silent overwrite.

describe.each(backends)('optimistic concurrency on $name (I8)', (backend) => {
  let server: TestServer;
  let editors: TestAccount[];
  const nextId = new Map<string, number>();
  const send = (who: TestAccount, name: string, args: unknown) => {
    const id = (nextId.get(who.clientId) ?? 0) + 1;
    nextId.set(who.clientId, id);
    return push(server, who, [{ id, name, args }]);
  };

  beforeAll(async () => {
    server = await createTestServer(backend);
    editors = [await server.createAccount('staff'), await server.createAccount('admin'), await server.createAccount('staff')];
  });
  afterAll(() => server.close());

  it('two editors from the same version: the first applies, the second conflicts with the current record', async () => {
    const [a, b] = editors as [TestAccount, TestAccount];
    const id = `${server.territoryId}-place-1`;
    const ra = await send(a, 'place.update@1', { id, baseVersion: 1, patch: { name: 'Version A' } });
    const rb = await send(b, 'place.update@1', { id, baseVersion: 1, patch: { name: 'Version B' } });
    expect(ra.results[0]?.status).toBe('applied');
    const conflict = rb.results[0];
    expect(conflict?.status).toBe('conflict');
    if (conflict?.status === 'conflict') {
      expect(conflict.current?.version).toBe(2);
      expect((conflict.current?.record as { name: string }).name).toBe('Version A');
    }
    const { rows } = await server.db.query<{ name: string }>("SELECT data->>'name' AS name FROM record WHERE collection = 'place' AND id = $1", [id]);
    expect(rows[0]?.name).toBe('Version A');
  });

  it('an edit against a deleted record is a conflict with no record', async () => {
    const [a, b] = editors as [TestAccount, TestAccount];
    const place = makePlace(server.territoryId, `${server.territoryId}-to-delete`);
    await send(a, 'place.create@1', { record: place });
    expect((await send(a, 'place.delete@1', { id: place.id, baseVersion: 1 })).results[0]?.status).toBe('applied');
    const r = await send(b, 'place.update@1', { id: place.id, baseVersion: 1, patch: { name: 'x' } });
    expect(r.results[0]).toMatchObject({ status: 'conflict', current: { version: 2, record: null } });
  });

  it('property: concurrent edits of a record from random base versions never overwrite silently', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ editor: fc.integer({ min: 0, max: 2 }), lag: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom('update', 'update', 'delete') }), { minLength: 1, maxLength: 8 }),
        async (edits) => {
          const place = makePlace(server.territoryId, `${server.territoryId}-prop-${++n}`);
          await send(editors[0]!, 'place.create@1', { record: place });
          // Model: the server's version and whether the record is deleted.
          let version = 1;
          let deleted = false;
          let name = place.name;
          for (const [i, e] of edits.entries()) {
            const base = Math.max(1, version - e.lag);
            const newName = `Nom ${i}`;
            const r = e.kind === 'update'
              ? await send(editors[e.editor]!, 'place.update@1', { id: place.id, baseVersion: base, patch: { name: newName } })
              : await send(editors[e.editor]!, 'place.delete@1', { id: place.id, baseVersion: base });
            const result = r.results[0]!;
            if (!deleted && base === version) {
              expect(result.status).toBe('applied');
              version++;
              if (e.kind === 'delete') deleted = true;
              else name = newName;
            } else {
              expect(result.status).toBe('conflict');
              if (result.status === 'conflict') {
                expect(result.current?.version).toBe(version);
                if (deleted) expect(result.current?.record).toBeNull();
                else expect((result.current?.record as { name: string }).name).toBe(name);
              }
            }
          }
          const { rows } = await server.db.query<{ version: number; deleted: boolean; name: string }>(
            "SELECT version, deleted_at IS NOT NULL AS deleted, data->>'name' AS name FROM record WHERE collection = 'place' AND id = $1", [place.id],
          );
          expect(rows[0]).toEqual({ version, deleted, name });
        },
      ),
      { numRuns: backend.name === 'pglite' ? 40 : 25 },
    );
  }, 120_000);
});
