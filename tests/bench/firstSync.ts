import { CAUGHT_UP_MARK } from '../../src/app/sync/caughtUpMark';
import { DEFAULT_PULL_LIMIT } from '../../src/shared/sync/protocol';
import { launchChromium } from '../support/chromium';
import { type Bench, type BenchContext, fmt, median, passIf, type Row, withTimeout } from './common';
import { startPouchReference } from './support/pouchReference';
import { allChanges, countRows } from './support/replica';
import { startBenchServer, type BenchServer } from './support/startBenchServer';

/**
 * 4. First sync in real Chromium. The server (its own process, PGlite) holds the real
 * seed plus N generated places (~660 bytes of JSON each). For each page size of the
 * sweep, a fresh profile opens the built app at "/" and Escale's own sync engine pulls
 * everything into Dexie; the page size is set by rewriting `limit=` on the app's pull
 * requests (the app asks for DEFAULT_PULL_LIMIT). Runs until the replica holds every
 * record, one value each in `rows` or many per value in packs (src/app/replica/packs.ts),
 * polled every 100 ms; timed in the page from the first pull request's start to the sync
 * engine's mark after the last page's commit.
 * References, same browser, same run, fresh profile each:
 *  (a) raw IndexedDB: the same records (fetched beforehand) written with one `put` per
 *      record in transactions of 1,000, no Dexie; also a bare fetch-a-page-then-put loop;
 *  (b) PouchDB (pouchdb-browser, IndexedDB adapter) replicating the same documents from an
 *      in-memory PouchDB server on 127.0.0.1, at batch_size 100 (its default) and 1,000.
 * Medians of 3, the Escale and raw runs interleaved (round i: every page size, then raw).
 * ESCALE_BENCH_SYNC_SIZES (default "10000,50000") and
 * ESCALE_BENCH_SYNC_PAGES (default "500,1000,2000,5000") narrow it; 50,000 runs the
 * sweep's two largest pages only and PouchDB once per batch size, to bound its time.
 */
const TERRITORY = 'civraisien-en-poitou';
const RUNS = 3;
const SIZES = (process.env.ESCALE_BENCH_SYNC_SIZES ?? '10000,50000').split(',').map(Number).filter((n) => n > 0);
const PAGES = (process.env.ESCALE_BENCH_SYNC_PAGES ?? '500,1000,2000,5000').split(',').map(Number).filter((n) => n > 0);

interface SyncRun {
  ms: number;
  /** 'mark': in the page, up to the engine's mark; 'poll': up to the row count polled from here. */
  timedBy: 'mark' | 'poll';
  requests: number;
  bytes: number;
}

async function escaleRun(server: BenchServer, expected: number, pageSize: number, boundMs: number): Promise<SyncRun> {
  const browser = await launchChromium();
  try {
    const context = browser.context;
    let requests = 0;
    let bytes = 0;
    let firstPull = 0;
    await context.route('**/api/sync/pull?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', String(pageSize));
      if (!firstPull) firstPull = performance.now();
      requests++;
      return route.continue({ url: url.toString() });
    });
    context.on('response', (res) => {
      if (res.url().includes('/api/sync/pull')) bytes += Number(res.headers()['content-length'] ?? 0);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const deadline = performance.now() + boundMs;
    for (;;) {
      const n = await countRows(page);
      if (n >= expected) break;
      if (performance.now() > deadline) throw new Error(`first sync of ${expected} rows at page ${pageSize}: ${n} after ${Math.round(boundMs / 1000)} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Timed in the page, from the first pull request's start to the engine's mark after
    // the last page's commit (CAUGHT_UP_MARK): the polling above, done through the page's
    // main thread, also counted the screens' refresh that follows a sync (the home reads
    // every place again, ~0.6 s at 10,000) and up to 100 ms of polling. A build without
    // the mark (ESCALE_BENCH_REF of an older commit) is timed by the polling.
    const inPage = (await page.evaluate(`(() => {
      const mark = performance.getEntriesByName(${JSON.stringify(CAUGHT_UP_MARK)})[0];
      const pull = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/sync/pull'));
      return mark && pull ? mark.startTime - pull.startTime : null;
    })()`)) as number | null;
    const ms = inPage ?? performance.now() - firstPull;
    return { ms, timedBy: inPage === null ? 'poll' : 'mark', requests, bytes };
  } finally {
    await browser.close();
  }
}

// In-page scripts are plain JavaScript strings: a function handed to page.evaluate would
// carry the TypeScript loader's helpers (`__name`), which do not exist in the page.
const RAW_PAGE_SCRIPT = `async function (territory) {
  function open(name) {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(name, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore('rows', { keyPath: ['collection', 'id'] }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function putAll(db, rows) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction('rows', 'readwrite');
      var store = tx.objectStore('rows');
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        store.put({ collection: r.collection, id: r.id, version: r.version, seq: r.seq, record: r.record });
      }
      tx.oncomplete = function () { resolve(); };
      tx.onerror = function () { reject(tx.error); };
    });
  }
  async function pull(cursor, limit) {
    var res = await fetch('/api/sync/pull?territory=' + territory + '&limit=' + limit + (cursor ? '&cursor=' + cursor : ''));
    return res.json();
  }
  // A bare loop: fetch a page of 1,000, put it in one transaction, next.
  var a = await open('raw-loop');
  var t0 = performance.now();
  var cursor = '';
  for (;;) {
    var page = await pull(cursor, 1000);
    await putAll(a, page.changes);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  var loopMs = performance.now() - t0;
  // The raw write rate: the same records already in memory, transactions of 1,000.
  var all = [];
  cursor = '';
  for (;;) {
    var p = await pull(cursor, 5000);
    for (var k = 0; k < p.changes.length; k++) all.push(p.changes[k]);
    cursor = p.cursor;
    if (!p.hasMore) break;
  }
  var b = await open('raw-write');
  var t1 = performance.now();
  for (var i = 0; i < all.length; i += 1000) await putAll(b, all.slice(i, i + 1000));
  return { writeMs: performance.now() - t1, loopMs: loopMs, records: all.length };
}`;

const POUCH_PAGE_SCRIPT = `async function (o) {
  var local = new PouchDB('local-places');
  var t0 = performance.now();
  var result = await PouchDB.replicate(o.remote, local, { batch_size: o.batch });
  return { ms: performance.now() - t0, docs: result.docs_written };
}`;

async function rawRun(server: BenchServer): Promise<{ writeMs: number; loopMs: number; records: number }> {
  const browser = await launchChromium();
  try {
    const context = browser.context;
    await context.route('**/__bench/raw', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>raw</title>' }));
    const page = await context.newPage();
    await page.goto(`${server.url}/__bench/raw`);
    return (await page.evaluate(`(${RAW_PAGE_SCRIPT})(${JSON.stringify(TERRITORY)})`)) as { writeMs: number; loopMs: number; records: number };
  } finally {
    await browser.close();
  }
}

async function pouchRun(url: string, dbUrl: string, batchSize: number, expected: number): Promise<{ ms: number; docs: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}/__bench/pouch.html`);
    const r = (await page.evaluate(`(${POUCH_PAGE_SCRIPT})(${JSON.stringify({ remote: dbUrl, batch: batchSize })})`)) as { ms: number; docs: number };
    if (r.docs !== expected) throw new Error(`PouchDB wrote ${r.docs} of ${expected} documents`);
    return r;
  } finally {
    await browser.close();
  }
}

async function forSize(ctx: BenchContext, n: number): Promise<Row[]> {
  const dist = await ctx.distDir();
  ctx.log(`sync ${n}: starting the server with ${n} generated places`);
  const server = await startBenchServer({ territoryId: TERRITORY, distDir: dist, extraPlaces: n, readyTimeoutMs: 600_000 });
  const rows: Row[] = [];
  try {
    const changes = await allChanges(server);
    const expected = new Set(changes.map((c) => `${c.collection}/${c.id}`)).size;
    const boundMs = Math.max(120_000, expected * 6);
    const rate = (ms: number) => (expected / ms) * 1000;
    // Bounded at 50,000 for time on this machine: the sweep's two largest pages, and one
    // PouchDB run per batch size (a PouchDB run of 50,000 takes minutes here).
    const pages = n >= 50_000 ? PAGES.slice(-2) : PAGES;
    const pouchRuns = n >= 50_000 ? 1 : RUNS;
    // Rounds: each round runs Escale at every page size, then the raw reference, so that a
    // change of the machine's load (other work on these 2 cores) weighs on both sides alike
    // instead of on whichever ran during it.
    const sweep: Array<{ pageSize: number; runs: SyncRun[] }> = pages.map((pageSize) => ({ pageSize, runs: [] }));
    const raws: Array<{ writeMs: number; loopMs: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      for (const s of sweep) {
        ctx.log(`sync ${n}: Escale, page ${s.pageSize}, run ${i + 1}/${RUNS}`);
        s.runs.push(await withTimeout('first sync', boundMs + 30_000, escaleRun(server, expected, s.pageSize, boundMs)));
      }
      ctx.log(`sync ${n}: raw IndexedDB, run ${i + 1}/${RUNS}`);
      raws.push(await withTimeout('raw IndexedDB', boundMs, rawRun(server)));
    }
    const rawRate = rate(median(raws.map((r) => r.writeMs)));
    const loopRate = rate(median(raws.map((r) => r.loopMs)));

    // PouchDB: the same records as documents (the record body, _id = id).
    const docs = changes.filter((c) => c.op === 'put' && c.record).map((c) => ({ ...(c.record as Record<string, unknown>), id: `${c.collection}:${c.id}`, collection: c.collection }));
    ctx.log(`sync ${n}: loading ${docs.length} documents into the PouchDB reference server`);
    const pouchRates: Array<{ batch: number; rate: number; runs: number[] }> = [];
    let pouchError = '';
    // A failing reference must not throw away the figures measured above.
    try {
      const pouch = await startPouchReference(docs);
      try {
        for (const batch of [100, 1000]) {
          const runs: number[] = [];
          for (let i = 0; i < pouchRuns; i++) {
            ctx.log(`sync ${n}: PouchDB batch ${batch}, run ${i + 1}/${pouchRuns}`);
            runs.push((await withTimeout('PouchDB replication', boundMs * 3, pouchRun(pouch.url, pouch.dbUrl, batch, docs.length))).ms);
          }
          pouchRates.push({ batch, rate: (docs.length / median(runs)) * 1000, runs });
        }
      } finally {
        await pouch.close();
      }
    } catch (error) {
      pouchError = error instanceof Error ? error.message : String(error);
      ctx.log(`sync ${n}: PouchDB reference failed: ${pouchError}`);
    }
    const bestPouch = Math.max(...pouchRates.map((p) => p.rate));

    let best = { pageSize: 0, rate: 0 };
    for (const s of sweep) {
      const ms = median(s.runs.map((r) => r.ms));
      const r = rate(ms);
      if (r > best.rate) best = { pageSize: s.pageSize, rate: r };
      rows.push({
        bench: 'sync',
        figure: `${fmt(n)} places, Escale page ${s.pageSize}${s.pageSize === DEFAULT_PULL_LIMIT ? ' (app default)' : ''}`,
        value: `${fmt(r)} rec/s (${fmt(ms / 1000, 1)} s, ${median(s.runs.map((x) => x.requests))} req, ${fmt(median(s.runs.map((x) => x.bytes)) / 1e6, 1)} MB)`,
        reference: `raw IDB ${fmt(rawRate)} rec/s`,
        ratio: `${fmt((100 * r) / rawRate)} % of raw`,
        verdict: 'INFO',
        data: { runs: s.runs, records: expected },
      });
    }
    rows.push({
      bench: 'sync',
      figure: `${fmt(n)} places: Escale best (page ${best.pageSize}) vs raw IndexedDB`,
      value: `${fmt(best.rate)} rec/s`,
      reference: `raw IDB put ${fmt(rawRate)} rec/s (fetch+put loop ${fmt(loopRate)})`,
      ratio: `${fmt((100 * best.rate) / rawRate)} %`,
      bar: '≥ 80 % of raw',
      verdict: passIf(best.rate >= 0.8 * rawRate),
      data: { raws, rawRate, loopRate, records: expected },
      note: [
        n >= 50_000 && pages.length < PAGES.length ? `sweep bounded to pages ${pages.join(', ')} for time` : '',
        `Escale timed ${sweep.every((s) => s.runs.every((r) => r.timedBy === 'mark')) ? 'in the page, first pull request to the sync engine\'s mark after the last commit' : 'by polling the row count (a build without the engine\'s mark)'}`,
      ].filter(Boolean).join('; '),
    });
    rows.push({
      bench: 'sync',
      figure: `${fmt(n)} places: Escale best vs PouchDB best`,
      value: `${fmt(best.rate)} rec/s`,
      reference: pouchRates.map((p) => `PouchDB batch ${p.batch} ${fmt(p.rate)} rec/s`).join(', '),
      ratio: `${fmt(best.rate / bestPouch, 1)}×`,
      bar: '≥ 3× PouchDB best',
      verdict: pouchError ? 'ERROR' : passIf(best.rate >= 3 * bestPouch),
      data: { pouchRates },
      note: pouchError || `PouchDB server: express-pouchdb on the in-memory adapter (pouchdb-server needs leveldown, a native module); ${pouchRuns} run(s) per batch size`,
    });
  } finally {
    await server.close();
  }
  return rows;
}

export const firstSyncBench: Bench = {
  name: 'sync',
  description: 'first sync of 10,000 and 50,000 places into IndexedDB in Chromium vs raw IndexedDB and PouchDB',
  async run(ctx) {
    const rows: Row[] = [];
    for (const n of SIZES) rows.push(...(await forSize(ctx, n)));
    return rows;
  },
};
