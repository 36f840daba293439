import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_COLLECTIONS } from '../../../src/shared/sync/collections';
import type { Role } from '../../../src/shared/domain/vocabularies';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeCorrection, makeCoverage, makePlace, makeSeed, makeSession, makeVisit, OTHER_TERRITORY } from '../support/fixtures';
import { pullAll, pullPage, push } from '../support/syncClient';

// I10: no row outside the session's scope is ever sent; public devices never see a
// place's `internal` field. Random operations by random accounts of two territories,
// then every kind of viewer pulls from zero and each change is checked against the
// database row it came from; every row in scope must also arrive.

type Viewer = { kind: 'public'; territory: string } | { kind: 'account'; account: TestAccount };

describe.each(backends)('pull scope on $name (I10)', (backend) => {
  let server: TestServer;
  const accounts: TestAccount[] = [];
  const nextId = new Map<string, number>();
  let placeCounter = 0;

  beforeAll(async () => {
    server = await createTestServer(backend);
    await server.seed(makeSeed(OTHER_TERRITORY));
    const roles: Role[] = ['aidant', 'aidant', 'staff', 'admin'];
    for (const territory of [server.territoryId, OTHER_TERRITORY]) {
      for (const role of roles) accounts.push(await server.createAccount(role, territory));
    }
  });
  afterAll(() => server.close());

  async function act(who: TestAccount, kind: number): Promise<void> {
    const t = who.user.territoryId;
    const id = (nextId.get(who.clientId) ?? 0) + 1;
    nextId.set(who.clientId, id);
    const args = [
      () => ({ name: 'visit.create@1', args: makeVisit(t, who.user.id) }),
      () => ({ name: 'session.open@1', args: makeSession(t, who.user.id) }),
      () => ({ name: 'coverage.record@1', args: makeCoverage(t) }),
      () => ({ name: 'correction.propose@1', args: makeCorrection(t, who.user.id, `${t}-place-1`) }),
      () => ({ name: 'place.create@1', args: { record: makePlace(t, `${t}-scope-${++placeCounter}`) } }),
      // Deliberately cross-territory: must be refused and leave no trace elsewhere.
      () => ({ name: 'place.create@1', args: { record: makePlace(t === OTHER_TERRITORY ? server.territoryId : OTHER_TERRITORY, `x-scope-${++placeCounter}`) } }),
    ][kind]!();
    await push(server, who, [{ id, ...args }]);
  }

  interface Row { collection: string; id: string; territory_id: string; owner_id: string | null }

  function inScope(viewer: Viewer, row: Row): boolean {
    const directory = (DIRECTORY_COLLECTIONS as readonly string[]).includes(row.collection);
    if (viewer.kind === 'public') return row.territory_id === viewer.territory && directory;
    const user = viewer.account.user;
    if (row.territory_id !== user.territoryId) return false;
    if (user.role === 'aidant') return directory || row.owner_id === user.id;
    return true;
  }

  it('property: every viewer gets exactly its scope, and public never sees `internal`', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ actor: fc.integer({ min: 0, max: 7 }), kind: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (ops, limit) => {
          for (const op of ops) await act(accounts[op.actor]!, op.kind);
          const { rows } = await server.db.query<Row>('SELECT collection, id, territory_id, owner_id FROM record');
          const byKey = new Map(rows.map((r) => [`${r.collection}/${r.id}`, r]));
          const viewers: Viewer[] = [
            { kind: 'public', territory: server.territoryId },
            { kind: 'public', territory: OTHER_TERRITORY },
            ...accounts.map((account) => ({ kind: 'account' as const, account })),
          ];
          for (const viewer of viewers) {
            const who = viewer.kind === 'public' ? { territory: viewer.territory } : viewer.account;
            const { changes } = await pullAll(server, who, undefined, limit);
            const keys = new Set<string>();
            for (const change of changes) {
              const key = `${change.collection}/${change.id}`;
              keys.add(key);
              const row = byKey.get(key);
              expect(row, key).toBeDefined();
              expect(inScope(viewer, row!), `${key} sent to ${JSON.stringify(viewer.kind === 'public' ? viewer : viewer.account.user.role)}`).toBe(true);
              if (change.op === 'put' && change.collection === 'place' && viewer.kind === 'public') {
                expect(change.record).not.toHaveProperty('internal');
              }
            }
            for (const row of rows) if (inScope(viewer, row)) expect(keys.has(`${row.collection}/${row.id}`)).toBe(true);
          }
        },
      ),
      { numRuns: backend.name === 'pglite' ? 10 : 6 },
    );
  }, 180_000);

  it('staff and aidants see `internal`; a cursor from another scope gets reset', async () => {
    const aidant = accounts[0]!;
    const staff = accounts[2]!;
    const withInternal = (await pullAll(server, aidant)).changes.find((c) => c.collection === 'place' && c.op === 'put');
    expect(withInternal?.op === 'put' && withInternal.record).toHaveProperty('internal');
    const aidantCursor = (await pullAll(server, aidant)).cursor;
    expect(await pullPage(server, staff, aidantCursor)).toEqual({ reset: true });
    const publicCursor = (await pullAll(server, { territory: server.territoryId })).cursor;
    expect(await pullPage(server, aidant, publicCursor)).toEqual({ reset: true });
    expect(await pullPage(server, { territory: OTHER_TERRITORY }, publicCursor)).toEqual({ reset: true });
  });
});
