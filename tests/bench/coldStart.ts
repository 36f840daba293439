import { launchChromium } from '../support/chromium';
import { waitForServiceWorkerControl } from '../support/serviceWorker';
import { type Bench, fmt, median, passIf } from './common';
import { allChanges, countRows } from './support/replica';
import { startBenchServer } from './support/startBenchServer';

/**
 * 5. Offline cold start on a mid-range phone. One online visit to "/" (service worker in
 * control, first sync done), the commune chosen (Civray, in the app's preferences store),
 * then for each of 5 runs: the browser is closed and reopened on the same profile (a cold
 * start from disk), the network cut, a phone emulated (390×844 at 3×, touch, mobile UA)
 * with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), and "/" opened. Measured
 * in the page: performance.now() (from navigation start) when the first item of the
 * nearest-places list (`.place-list .place-item`, PlaceList.tsx) is in the DOM under the
 * title naming the chosen commune (`#places-title`, "… de Civray").
 */
const TERRITORY_COMMUNE = '86078'; // Civray (territory.json)
const RUNS = 5;

const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};

// Plain JavaScript strings for the page (see firstSync.ts: no loader helpers in the page).
// The first list item, and separately when the title names the chosen commune (the home
// may first show a list without the commune, read from the preferences a moment later).
const WATCH_LIST = `(() => {
  var mark = function () {
    if (!document.querySelector('.place-list .place-item')) return;
    if (window.__placesListedAt === undefined) window.__placesListedAt = performance.now();
    var title = document.getElementById('places-title');
    if (window.__communeListedAt === undefined && title && title.textContent.indexOf('Civray') >= 0) window.__communeListedAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
})();`;

const SET_COMMUNE = `(async (insee) => {
  function open(version) {
    return new Promise(function (resolve, reject) {
      var req = version ? indexedDB.open('escale-preferences', version) : indexedDB.open('escale-preferences');
      req.onupgradeneeded = function () { if (!req.result.objectStoreNames.contains('kv')) req.result.createObjectStore('kv'); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  var db = await open();
  if (!db.objectStoreNames.contains('kv')) { var v = db.version; db.close(); db = await open(v + 1); }
  await new Promise(function (resolve, reject) {
    var tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(insee, 'commune');
    tx.oncomplete = function () { resolve(); };
    tx.onerror = function () { reject(tx.error); };
  });
  db.close();
})`;

export const coldStartBench: Bench = {
  name: 'coldstart',
  description: 'offline cold start, phone emulation with 4× CPU slowdown: nearest places listed',
  async run(ctx) {
    const dist = await ctx.distDir();
    const server = await startBenchServer({ territoryId: 'civraisien-en-poitou', distDir: dist });
    const browser = await launchChromium(PHONE);
    try {
      const expected = new Set((await allChanges(server)).map((c) => `${c.collection}/${c.id}`)).size;
      // The online visit: service worker in control, first sync complete.
      let page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await waitForServiceWorkerControl(page);
      const deadline = Date.now() + 60_000;
      while ((await countRows(page)) < expected) {
        if (Date.now() > deadline) throw new Error('first sync did not finish in 60 s');
        await new Promise((r) => setTimeout(r, 200));
      }
      await page.evaluate(`${SET_COMMUNE}(${JSON.stringify(TERRITORY_COMMUNE)})`);
      const times: number[] = [];
      let title = '';
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.reopen();
        await context.setOffline(true);
        await context.addInitScript({ content: WATCH_LIST });
        page = context.pages()[0] ?? (await context.newPage());
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(`${server.url}/`, { waitUntil: 'commit', timeout: 30_000 });
        // A function, not a string: the app's CSP forbids eval, which the string form needs.
        await page.waitForFunction(() => (window as unknown as { __placesListedAt?: number }).__placesListedAt !== undefined, undefined, { timeout: 30_000 });
        const at = (await page.evaluate('window.__placesListedAt')) as number | undefined;
        if (typeof at !== 'number') throw new Error('the list appeared but its time was not recorded');
        times.push(at);
        title = (await page.locator('#places-title').textContent().catch(() => null)) ?? '';
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
      const ms = median(times);
      return [
        {
          bench: 'coldstart',
          figure: 'offline cold start to nearest places listed (phone, 4× CPU)',
          value: `${fmt(ms)} ms`,
          bar: '< 1,000 ms',
          verdict: passIf(ms < 1000),
          data: { runsMs: times, records: expected, listTitle: title },
          note: `runs: ${times.map((t) => fmt(t)).join(', ')} ms; list title: "${title.trim()}"${title.includes('Civray') ? '' : ' (the chosen commune was not applied: time to the list without a commune)'}`,
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
