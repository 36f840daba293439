import { readFileSync, readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { waitForServiceWorkerControl } from '../support/serviceWorker';
import { TEST_PASSWORD } from '../server/support/createTestServer';
import { type Bench, fmt, median, type Row, withTimeout } from './common';
import { allChanges, countRows } from './support/replica';
import { startBenchServer } from './support/startBenchServer';

/**
 * The memory of the tablet's tab after a day in the bus, reported with no bar
 * (docs/performance.md): the built app on a fresh Chromium profile, an aidant signed in
 * online with a replica of the seed plus 50,000 generated places (ESCALE_BENCH_MEMORY_PLACES),
 * then offline: a session opened and 50 visits logged through the screens, as in
 * tests/e2e/aidant.e2e.ts. Measured after the first sync and after the visits, each time
 * after a forced garbage collection:
 *  - the tab's renderer processes (this profile's `--type=renderer` processes, which
 *    also run its workers): proportional set size (Pss) from /proc, the memory the tab
 *    really holds on the machine;
 *  - the page's JavaScript heap in use (CDP Runtime.getHeapUsage) and its DOM nodes
 *    (CDP Performance.getMetrics).
 * One run: memory does not depend on the machine's load the way times do.
 */
const TERRITORY = 'civraisien-en-poitou';
const PLACES = Number(process.env.ESCALE_BENCH_MEMORY_PLACES ?? 50_000);
const VISITS = 50;
const PIN = '482915';

interface Sample {
  rendererPssMb: number;
  renderers: number;
  jsHeapMb: number;
  domNodes: number;
}

/** Sum of Pss of this profile's renderer processes (Linux /proc). */
function rendererPss(userDataDir: string): { mb: number; count: number } {
  let kb = 0;
  let count = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(userDataDir)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      count++;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { mb: kb / 1024, count };
}

async function sample(cdp: CDPSession, userDataDir: string): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 1000));
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const pss = rendererPss(userDataDir);
  return {
    rendererPssMb: pss.mb,
    renderers: pss.count,
    jsHeapMb: heap.usedSize / 1024 / 1024,
    domNodes: metrics.find((m) => m.name === 'Nodes')?.value ?? 0,
  };
}

async function heading(page: Page, text: RegExp | string, timeout = 60_000): Promise<void> {
  await page.locator('main h1').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

/** Online sign-in with long bounds: the first sync of 50,000 places comes first. */
async function signIn(page: Page, url: string, login: string, boundMs: number): Promise<void> {
  await page.goto(`${url}/aidant`, { waitUntil: 'load' });
  await waitForServiceWorkerControl(page);
  await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: boundMs });
  await heading(page, 'Connexion de l’aidant');
  await page.locator('#aidant-login').fill(login);
  await page.locator('#aidant-password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await heading(page, 'Choisissez votre code');
  await page.locator('#pin-new').fill(PIN);
  await page.locator('#pin-confirm').fill(PIN);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await heading(page, 'Aujourd’hui');
  await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: boundMs });
}

/** Logs the visits through the screens; returns each visit's time (ms) and each step's total (ESCALE_BENCH_MEMORY_STEPS=1 logs them). */
async function logVisits(page: Page): Promise<number[]> {
  await page.getByRole('link', { name: 'Ouvrir une session' }).click();
  await heading(page, 'Ouvrir une session');
  await page.locator('summary', { hasText: 'Autre commune' }).click();
  await page.locator('.stop-button').first().click();
  await page.getByRole('button', { name: 'Commencer la session' }).click();
  await page.getByText(/Session en cours à/).waitFor({ timeout: 30_000 });
  const times: number[] = [];
  const steps = new Map<string, number>();
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.set(name, (steps.get(name) ?? 0) + now - mark);
    mark = now;
  };
  for (let i = 0; i < VISITS; i++) {
    const start = performance.now();
    mark = start;
    await page.getByRole('navigation').getByRole('link', { name: /Démarche/ }).click();
    await heading(page, 'Démarche avec une personne');
    step('open the checklists');
    await page.locator('.checklist-picker button').first().click();
    await page.locator('.checklist-docs input[type=checkbox]').first().check();
    step('pick a checklist, tick a paper');
    await page.getByRole('button', { name: 'Joindre à la visite' }).click();
    await heading(page, 'Noter une visite');
    step('open the visit form');
    await page.getByRole('button', { name: 'Démarche en ligne' }).click();
    await page.getByRole('button', { name: 'Fait avec elle' }).click();
    step('fill the form');
    await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await page.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 60_000 });
    step('save');
    times.push(performance.now() - start);
  }
  if (process.env.ESCALE_BENCH_MEMORY_STEPS === '1') {
    console.log([...steps].map(([name, ms]) => `${name}: ${fmt(ms / VISITS)} ms`).join('; '));
  }
  await page.getByRole('navigation').getByRole('link', { name: /Aujourd’hui/ }).click();
  await page.getByText(`Visites du jour : ${VISITS}`).waitFor({ timeout: 60_000 });
  return times;
}

export const tabMemoryBench: Bench = {
  name: 'memory',
  description: `memory of the tablet's tab: aidant replica of the seed + ${fmt(PLACES)} places, then ${VISITS} visits logged offline`,
  async run(ctx) {
    const dist = await ctx.distDir();
    ctx.log(`memory: starting the server (seed + ${fmt(PLACES)} places)`);
    const server = await startBenchServer({ territoryId: TERRITORY, distDir: dist, extraPlaces: PLACES, aidants: 1, readyTimeoutMs: 900_000 });
    const browser = await launchChromium({ viewport: { width: 1024, height: 768 } });
    try {
      const expected = new Set((await allChanges(server)).map((c) => `${c.collection}/${c.id}`)).size;
      const boundMs = 300_000 + expected * 20;
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return await withTimeout('tab memory', boundMs * 2 + 600_000, (async (): Promise<Row[]> => {
        await signIn(page, server.url, server.accounts[0]!.login, boundMs);
        const rows = await countRows(page);
        if (rows < expected) throw new Error(`the replica holds ${rows} of ${expected} records after the first sync`);
        const synced = await sample(cdp, browser.userDataDir);
        ctx.log(`memory: after the first sync ${fmt(synced.rendererPssMb)} MB (renderers), JS heap ${fmt(synced.jsHeapMb)} MB`);
        await setOffline(browser.context, true);
        const visitTimes = await logVisits(page);
        const day = await sample(cdp, browser.userDataDir);
        ctx.log(`memory: after ${VISITS} visits ${fmt(day.rendererPssMb)} MB (renderers), JS heap ${fmt(day.jsHeapMb)} MB`);
        const row = (figure: string, s: Sample): Row => ({
          bench: 'memory',
          figure,
          value: `${fmt(s.rendererPssMb)} MB`,
          reference: `JS heap ${fmt(s.jsHeapMb, 1)} MB, ${fmt(s.domNodes)} DOM nodes`,
          verdict: 'INFO',
          data: { ...s, records: expected, places: PLACES, visits: VISITS },
          note: `Pss of the tab's ${s.renderers} renderer process(es), after a forced GC; replica of ${fmt(expected)} records`,
        });
        return [
          row(`tablet tab after the first sync (${fmt(expected)} records)`, synced),
          row(`tablet tab after ${VISITS} visits logged offline`, day),
          {
            bench: 'memory',
            figure: `one visit logged through the screens (checklist, form, save), replica of ${fmt(expected)} records`,
            value: `${fmt(median(visitTimes))} ms`,
            reference: `first ${fmt(visitTimes[0]!)} ms, last ${fmt(visitTimes.at(-1)!)} ms`,
            verdict: 'INFO',
            data: { visitTimesMs: visitTimes },
            note: 'median of the visits, Playwright driving the screens (its own round trips included)',
          },
        ];
      })());
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
