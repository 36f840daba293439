import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, postgresBackend } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makeVisit } from '../support/fixtures';
import { pullPage, push, type PullPage } from '../support/syncClient';

// I5: no gap under concurrent writers. Only real PostgreSQL can show the sequence-gap
// trap (PGlite has one connection), so this runs there. Each push sleeps a random time
// inside its transaction, after taking its seqs and before COMMIT (the beforeCommit
// hook), while a puller loops: without the advisory lock, a puller would see seq n+1
// committed before n and move its cursor past n for ever.

const CLIENTS = 20;
const MUTATIONS = 20;

describe.skipIf(!postgresAvailable)('concurrent writers on postgres (I5)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(postgresBackend, {
      hooks: { beforeCommit: () => new Promise((r) => setTimeout(r, Math.random() * 15)) },
    });
  });
  afterAll(() => server.close());

  it(`${CLIENTS} clients × ${MUTATIONS} mutations and a looping puller: every committed row is pulled, none skipped`, async () => {
    const staff = await server.createAccount('staff');
    const aidants: TestAccount[] = [];
    for (let i = 0; i < CLIENTS; i++) aidants.push(await server.createAccount('aidant'));

    let writing = true;
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    let lastSeq = 0;
    const pullOnce = async () => {
      for (;;) {
        const page = (await pullPage(server, staff, cursor, 37)) as PullPage;
        for (const c of page.changes) {
          expect(c.seq).toBeGreaterThan(lastSeq);
          lastSeq = c.seq;
          seen.set(`${c.collection}/${c.id}`, c.seq);
        }
        cursor = page.cursor;
        if (!page.hasMore) return;
      }
    };
    const puller = (async () => {
      while (writing) {
        await pullOnce();
        await new Promise((r) => setTimeout(r, Math.random() * 5));
      }
    })();

    await Promise.all(
      aidants.map(async (aidant) => {
        for (let id = 1; id <= MUTATIONS; id++) {
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          const r = await push(server, aidant, [{ id, name: 'visit.create@1', args: makeVisit(server.territoryId, aidant.user.id) }]);
          expect(r.results[0]?.status).toBe('applied');
        }
      }),
    );
    writing = false;
    await puller;
    await pullOnce();

    const { rows } = await server.db.query<{ collection: string; id: string }>('SELECT collection, id FROM record WHERE territory_id = $1', [server.territoryId]);
    expect(rows.length).toBeGreaterThanOrEqual(CLIENTS * MUTATIONS);
    const missing = rows.filter((r) => !seen.has(`${r.collection}/${r.id}`));
    expect(missing).toEqual([]);
    expect([...seen.keys()].filter((k) => k.startsWith('visit/'))).toHaveLength(CLIENTS * MUTATIONS);
  }, 120_000);
});
