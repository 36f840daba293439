import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_COLLECTIONS } from '../../../src/shared/sync/collections';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makePlace, makeVisit } from '../support/fixtures';
import { pullPage, push, type PullPage } from '../support/syncClient';

// Public pull pages are kept encoded and shared by every public device (PageCache): a kept
// page must never outlive a change of the rows it covers, and a compressed answer must
// decode to the same JSON.

describe.each(backends)('directory stamp on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  // The trigger-kept stamp must always be the highest seq of the territory's directory
  // rows: a directory change moves it, a visit log does not.
  const stamp = async () => {
    const kept = await server.db.query<{ max_seq: unknown }>('SELECT max_seq FROM directory_stamp WHERE territory_id = $1', [server.territoryId]);
    const computed = await server.db.query<{ max_seq: unknown }>(
      `SELECT max(server_seq) AS max_seq FROM record WHERE territory_id = $1 AND collection = ANY($2::text[])`, [server.territoryId, [...DIRECTORY_COLLECTIONS]],
    );
    expect(String(kept.rows[0]?.max_seq)).toBe(String(computed.rows[0]?.max_seq));
    return String(kept.rows[0]!.max_seq);
  };

  it('follows every directory change and ignores visit logs', async () => {
    const staff = await server.createAccount('staff');
    const aidant = await server.createAccount('aidant');
    const t = server.territoryId;
    const s0 = await stamp();
    const created = makePlace(t, `${t}-stamp-1`);
    expect((await push(server, staff, [{ id: 1, name: 'place.create@1', args: { record: created } }])).results[0]!.status).toBe('applied');
    const s1 = await stamp();
    expect(Number(s1)).toBeGreaterThan(Number(s0));
    expect((await push(server, aidant, [{ id: 1, name: 'visit.create@1', args: makeVisit(t, aidant.user.id) }])).results[0]!.status).toBe('applied');
    expect(await stamp()).toBe(s1);
    expect((await push(server, staff, [{ id: 2, name: 'place.update@1', args: { id: created.id, baseVersion: 1, patch: { name: 'Renommé' } } }])).results[0]!.status).toBe('applied');
    const s2 = await stamp();
    expect(Number(s2)).toBeGreaterThan(Number(s1));
    expect((await push(server, staff, [{ id: 3, name: 'place.delete@1', args: { id: created.id, baseVersion: 2 } }])).results[0]!.status).toBe('applied');
    expect(Number(await stamp())).toBeGreaterThan(Number(s2));
  });
});

describe.each(backends)('public pull pages on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  const who = () => ({ territory: server.territoryId });

  it('the same page twice is the same; after an edit, a deletion or a new record the page shows it', async () => {
    const staff = await server.createAccount('staff');
    const t = server.territoryId;
    const first = (await pullPage(server, who(), undefined, 3)) as PullPage;
    expect(await pullPage(server, who(), undefined, 3)).toEqual(first);
    const target = first.changes.find((c) => c.collection === 'place');
    // Edit a place of the first page: it leaves that page (its seq moves to the end).
    if (target) {
      const r = await push(server, staff, [{ id: 1, name: 'place.update@1', args: { id: target.id, baseVersion: target.version, patch: { name: 'Renommé' } } }]);
      expect(r.results[0]!.status).toBe('applied');
      const again = (await pullPage(server, who(), undefined, 3)) as PullPage;
      expect(again.changes.map((c) => c.id)).not.toContain(target.id);
    }
    // A new record reaches a caught-up device at once.
    let end = first;
    while (end.hasMore) end = (await pullPage(server, who(), end.cursor, 50)) as PullPage;
    const caughtUp = (await pullPage(server, who(), end.cursor, 50)) as PullPage;
    expect(caughtUp.changes).toEqual([]);
    const created = makePlace(t, `${t}-cache-new`);
    expect((await push(server, staff, [{ id: 2, name: 'place.create@1', args: { record: created } }])).results[0]!.status).toBe('applied');
    const after = (await pullPage(server, who(), end.cursor, 50)) as PullPage;
    expect(after.changes.find((c) => c.id === created.id)).toMatchObject({ op: 'put', version: 1 });
    const deleted = await push(server, staff, [{ id: 3, name: 'place.delete@1', args: { id: created.id, baseVersion: 1 } }]);
    expect(deleted.results[0]!.status).toBe('applied');
    const gone = (await pullPage(server, who(), end.cursor, 50)) as PullPage;
    expect(gone.changes.find((c) => c.id === created.id)).toMatchObject({ op: 'delete', version: 2 });
  });

  it('answers br or gzip to a client that accepts it, decoding to the same JSON, with its length', async () => {
    const url = `/api/sync/pull?territory=${server.territoryId}&limit=50`;
    const plain = await (await server.fetch(url)).text();
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await server.fetch(url, { headers: { 'accept-encoding': `${encoding}, identity` } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
        const body = Buffer.from(await res.arrayBuffer());
        expect(Number(res.headers.get('content-length'))).toBe(body.byteLength);
        expect(body.byteLength).toBeLessThan(plain.length);
        expect(decode(body).toString('utf8')).toBe(plain);
      }
    }
    // An authenticated pull goes through the compression middleware.
    const aidant = await server.createAccount('aidant');
    const res = await server.fetch('/api/sync/pull?limit=50', { headers: { ...aidant.headers, 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'))).toMatchObject({ lastMutationId: 0 });
    // A page made for one device is compressed at each request: gzip, far cheaper than
    // brotli to set up; a public page, compressed once and kept: brotli.
    const browser = 'gzip, deflate, br, zstd';
    const own = await server.fetch('/api/sync/pull?limit=50', { headers: { ...aidant.headers, 'accept-encoding': browser } });
    expect(own.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await own.arrayBuffer())).toString('utf8'))).toMatchObject({ lastMutationId: 0 });
    const shared = await server.fetch(url, { headers: { 'accept-encoding': browser } });
    expect(shared.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await shared.arrayBuffer())).toString('utf8')).toBe(plain);
  });
});

describe('record_directory_seq (migration 004) and directory_stamp (migration 005)', () => {
  it('name exactly the directory collections, as pullChanges writes them', () => {
    for (const file of ['004_directory_seq.sql', '005_directory_stamp.sql']) {
      const sql = readFileSync(fileURLToPath(new URL(`../../../src/server/db/migrations/${file}`, import.meta.url)), 'utf8');
      const lists = [...sql.matchAll(/collection IN \(([^)]*)\)/g)];
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) expect(list[1]!.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...DIRECTORY_COLLECTIONS]);
    }
  });
});
