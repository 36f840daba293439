import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChanges } from '../../../src/server/sync/pull/pullChanges';
import { decodeCursor } from '../../../src/server/sync/pull/pullCursor';
import { backends } from '../support/backends';
import { createTestServer, type TestAccount, type TestServer } from '../support/createTestServer';
import { makePlace, makeVisit } from '../support/fixtures';
import { pullPage, push, type PullPage } from '../support/syncClient';

// An aidant page is the directory's rows kept for every aidant of the territory (read
// once per directory state, PullCaches) merged with the device's own rows, read for it.
// Whatever the cache holds, every page must be the page read whole, in one statement,
// without any cache.

describe.each(backends)('aidant pages from kept directory rows on $name', (backend) => {
  let server: TestServer;
  let staff: TestAccount;
  let staffIds = 0;
  const mutationIds = new Map<string, number>();
  beforeAll(async () => {
    server = await createTestServer(backend);
    staff = await server.createAccount('staff');
  });
  afterAll(() => server.close());

  const nextId = (a: TestAccount) => {
    const id = (mutationIds.get(a.clientId) ?? 0) + 1;
    mutationIds.set(a.clientId, id);
    return id;
  };
  const logVisit = (a: TestAccount) => push(server, a, [{ id: nextId(a), name: 'visit.create@1', args: makeVisit(server.territoryId, a.user.id) }]);
  const addPlace = () => push(server, staff, [{ id: ++staffIds, name: 'place.create@1', args: { record: makePlace(server.territoryId, `${server.territoryId}-merge-${staffIds}`) } }]);

  /** Every page from the start over HTTP, each checked against the page read whole. */
  async function pagesMatchUncached(a: TestAccount, limit: number): Promise<PullPage[]> {
    const pages: PullPage[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 500; i++) {
      const page = (await pullPage(server, a, cursor, limit)) as PullPage;
      const whole = await pullChanges(server.db, {
        scope: { kind: 'aidant', territoryId: server.territoryId, userId: a.user.id },
        cursor: cursor ? decodeCursor(cursor) : undefined,
        limit,
        clientId: a.clientId,
        ownSince: new Date(0),
      });
      expect(whole.kind).toBe('page');
      if (whole.kind === 'page') expect(page).toEqual(JSON.parse(whole.page.json));
      // As a browser asks: gzip, built from a prefix compressed once for every aidant
      // (PagePrefix) when the page holds no own row. It must decode to the same page.
      const params = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const zipped = await server.fetch(`/api/sync/pull?${params}`, { headers: { ...a.headers, 'accept-encoding': 'gzip' } });
      const raw = Buffer.from(await zipped.arrayBuffer());
      const text = zipped.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      expect(JSON.parse(text)).toEqual(page);
      pages.push(page);
      if (!page.hasMore) return pages;
      cursor = page.cursor;
    }
    throw new Error('no end');
  }

  it('are the pages read whole, at any page size, whether the directory rows were kept or not', async () => {
    const a = await server.createAccount('aidant');
    const b = await server.createAccount('aidant');
    // Own rows and directory rows interleave in seq order.
    for (let i = 0; i < 4; i++) {
      await logVisit(a);
      await addPlace();
      await logVisit(b);
      await logVisit(a);
    }
    for (const limit of [1, 2, 3, 5, 50]) {
      // b first fills the cache; a's pages then merge kept rows with its own (bounded read).
      const fromB = await pagesMatchUncached(b, limit);
      const first = await pagesMatchUncached(a, limit);
      expect(await pagesMatchUncached(a, limit)).toEqual(first);
      const own = (pages: PullPage[]) => pages.flatMap((p) => p.changes).filter((c) => c.collection === 'visit').length;
      expect(own(first)).toBe(8);
      expect(own(fromB)).toBe(4);
    }
  }, 120_000);

  it('show a new visit log of the device at once (the directory rows stay kept), and a directory change', async () => {
    const a = await server.createAccount('aidant');
    await logVisit(a);
    const before = (await pagesMatchUncached(a, 3)).flatMap((p) => p.changes);
    await logVisit(a);
    const after = (await pagesMatchUncached(a, 3)).flatMap((p) => p.changes);
    expect(after.filter((c) => c.collection === 'visit')).toHaveLength(before.filter((c) => c.collection === 'visit').length + 1);
    await addPlace();
    const withPlace = (await pagesMatchUncached(a, 3)).flatMap((p) => p.changes);
    expect(withPlace.filter((c) => c.collection === 'place')).toHaveLength(after.filter((c) => c.collection === 'place').length + 1);
    // lastMutationId is the device's own, read with its rows.
    const last = (await pullPage(server, a, undefined, 3)) as PullPage;
    expect(last.lastMutationId).toBe(mutationIds.get(a.clientId));
  });

  it('are right when aidants miss together and share one read of the directory rows', async () => {
    const aidants = [];
    for (let i = 0; i < 4; i++) {
      const a = await server.createAccount('aidant');
      for (let v = 0; v <= i; v++) await logVisit(a);
      await addPlace();
      aidants.push(a);
    }
    // Page sizes no test has asked yet: nothing kept, so every first pull of each page
    // misses, at the same time, and joins one read. Then a directory change makes every
    // kept part stale: the next wave reads for itself, at the same time too.
    for (const limit of [4, 6]) {
      for (let wave = 0; wave < 2; wave++) {
        if (wave === 1) await addPlace();
        const pages = await Promise.all(aidants.map((a) => pagesMatchUncached(a, limit)));
        pages.forEach((p, i) => expect(p.flatMap((x) => x.changes).filter((c) => c.collection === 'visit')).toHaveLength(i + 1));
      }
    }
  });
});
