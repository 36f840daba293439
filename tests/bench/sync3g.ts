import { CAUGHT_UP_MARK } from '../../src/app/sync/caughtUpMark';
import { launchChromium } from '../support/chromium';
import { type Bench, fmt, median, type Row, withTimeout } from './common';
import { allChanges, countRows } from './support/replica';
import { startBenchServer } from './support/startBenchServer';

/**
 * First sync over the bus's usual link, reported with no bar (docs/performance.md): the
 * built app at "/" on a fresh Chromium profile, the network throttled by CDP
 * (Network.emulateNetworkConditions) to a 3G profile, the real seed, then the seed plus
 * 10,000 generated places; timed in the page from navigation start to the sync engine's
 * mark after the last page's commit (CAUGHT_UP_MARK), with the bytes the pulls carried.
 * The CPU is not slowed (the network is what is measured). Medians of 3 for the seed, one
 * run for 10,000 (each takes minutes on 3G).
 *
 * The profile is Chrome DevTools' "3G": 300 ms of latency, 750 kbit/s down, 250 kbit/s up
 * (ESCALE_BENCH_3G="latencyMs,downKbit,upKbit" to change it).
 */
const TERRITORY = 'civraisien-en-poitou';
const [LATENCY_MS, DOWN_KBIT, UP_KBIT] = (process.env.ESCALE_BENCH_3G ?? '300,750,250').split(',').map(Number) as [number, number, number];

async function run3g(url: string, expected: number, boundMs: number): Promise<{ ms: number; bytes: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    let bytes = 0;
    page.on('response', (res) => {
      if (res.url().includes('/api/sync/pull')) bytes += Number(res.headers()['content-length'] ?? 0);
    });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: LATENCY_MS, downloadThroughput: (DOWN_KBIT * 1024) / 8, uploadThroughput: (UP_KBIT * 1024) / 8,
    });
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: boundMs });
    const deadline = performance.now() + boundMs;
    while ((await countRows(page).catch(() => 0)) < expected) {
      if (performance.now() > deadline) throw new Error(`3G first sync of ${expected} rows: not done in ${Math.round(boundMs / 1000)} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const ms = (await page.evaluate(`(() => { const m = performance.getEntriesByName(${JSON.stringify(CAUGHT_UP_MARK)})[0]; return m ? m.startTime : null; })()`)) as number | null;
    if (ms === null) throw new Error('the sync engine did not mark the end of the first sync');
    return { ms, bytes };
  } finally {
    await browser.close();
  }
}

export const sync3gBench: Bench = {
  name: 'sync3g',
  description: `first sync over a throttled 3G link (${LATENCY_MS} ms, ${DOWN_KBIT}/${UP_KBIT} kbit/s): the seed, then 10,000 places`,
  async run(ctx) {
    const dist = await ctx.distDir();
    const rows: Row[] = [];
    for (const [extra, runs] of [[0, 3], [10_000, 1]] as const) {
      const server = await startBenchServer({ territoryId: TERRITORY, distDir: dist, extraPlaces: extra, readyTimeoutMs: 600_000 });
      try {
        const expected = new Set((await allChanges(server)).map((c) => `${c.collection}/${c.id}`)).size;
        const boundMs = 120_000 + expected * 60;
        const results = [];
        for (let i = 0; i < runs; i++) results.push(await withTimeout('3G first sync', boundMs + 30_000, run3g(server.url, expected, boundMs)));
        const ms = median(results.map((r) => r.ms));
        const kb = median(results.map((r) => r.bytes)) / 1024;
        ctx.log(`sync3g: ${expected} records in ${fmt(ms)} ms`);
        rows.push({
          bench: 'sync3g',
          figure: `first sync over 3G, ${extra ? `seed + ${fmt(extra)} places` : 'the seed'} (${fmt(expected)} records)`,
          value: `${fmt(ms / 1000, 1)} s`,
          reference: `${fmt(kb)} KB of pull answers (compressed)`,
          verdict: 'INFO',
          data: { runs: results, records: expected, latencyMs: LATENCY_MS, downKbit: DOWN_KBIT, upKbit: UP_KBIT },
          note: runs > 1 ? `runs: ${results.map((r) => fmt(r.ms)).join(', ')} ms, from navigation start` : 'one run, from navigation start',
        });
      } finally {
        await server.close();
      }
    }
    return rows;
  },
};
