/**
 * docs/quality.md, Lighthouse on the public screens: nothing already on screen moves while a
 * first visit's sync fills the page. On a phone-sized window (Lighthouse's 412 × 823), a
 * fresh profile opens the home and a place's page; the status line's words change by
 * themselves (connected, updating, up to date at such an hour) and the data replaces the
 * "being received" notice. Every layout shift not caused by input is added up, as CLS
 * does, until the page says it is up to date, and must stay well under the 0.1 that
 * Lighthouse and Web Vitals call good. Before the fixes the home moved 0.08–0.12 (the
 * status line taking a second line pushed the page down; the notice's section became the
 * commune picker's and moved under the heading); now 0.001 there, and 0.013 on the place
 * page (something in its heading block still grows once its hours are evaluated).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { startEscaleServer, type EscaleServer } from '../support/server';

let server: EscaleServer;
let browser: LaunchedChromium | undefined;

const WATCH_SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => (s.node && s.node.textContent || '?').trim().slice(0, 60)) });
  }
}).observe({ type: 'layout-shift', buffered: true });`;

describe.skipIf(!browserAvailable())('layout stays put during a first visit', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test.each(['/', '/lieu/place-france-services-gencay'])('%s on a phone, fresh profile: the layout shifts add up to under 0.05', async (path) => {
    browser = await launchChromium({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(WATCH_SHIFTS);
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });
      // The screens are told once the last page is stored; let them render what they read.
      await page.waitForLoadState('networkidle');
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const shifts = (await page.evaluate('window.__shifts')) as Array<{ value: number; sources: string[] }>;
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.05);
    } finally {
      await browser.close();
      browser = undefined;
    }
  });
});
