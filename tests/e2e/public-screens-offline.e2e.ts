/**
 * docs/quality.md: after one online visit, every public screen opens with
 * the network cut, shows the data synced during that visit, and passes an axe audit.
 *
 * One online visit on a fresh profile: the service worker takes control and the first
 * sync completes ("Informations à jour"). Then, offline, each public route is opened
 * by URL (a navigation the worker answers from its precache) and audited.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { installAxe, runAxe, formatViolations } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;
/** Detail pages found while online (first place, first checklist), audited offline too. */
const detailRoutes: string[] = [];

/** The route has rendered: the app's <main> (not index.html's first paint) with an <h1>. */
async function expectScreen(route: string): Promise<string> {
  const main = page.locator('main:not(.first-paint)');
  await main.first().waitFor({ state: 'visible', timeout: 30_000 });
  const heading = main.locator('h1').first();
  await heading.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await heading.innerText()).trim();
  expect(text, `${route}: <h1> text`).not.toBe('');
  return text;
}

async function firstLinkTo(prefix: string): Promise<string | undefined> {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href', { timeout: 15_000 }).catch(() => null);
  return href ?? undefined;
}

describe.skipIf(!browserAvailable())('public screens offline', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
    browser = await launchChromium();
    await installAxe(browser.context);
    page = await browser.context.newPage();

    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await waitForServiceWorkerControl(page);
    // The first sync has stored the directory on the device.
    await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });

    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const place = await firstLinkTo('/lieu/');
    if (place) detailRoutes.push(place);
    await page.goto(`${server.url}/preparer`, { waitUntil: 'load' });
    const checklist = await firstLinkTo('/preparer/');
    if (checklist) detailRoutes.push(checklist);
    await page.waitForLoadState('networkidle');

    await setOffline(browser.context, true);
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
  });

  test('the home screen lists places and the detail pages were reachable online', () => {
    expect(detailRoutes.find((r) => r.startsWith('/lieu/')), 'a link to a place on the home screen').toBeTruthy();
    expect(detailRoutes.find((r) => r.startsWith('/preparer/')), 'a link to a checklist on /preparer').toBeTruthy();
  });

  // Each public screen of src/app/App.tsx; detail pages are added from the online visit.
  test.each(['/', '/bus', '/trajets', '/preparer', '/carte', '*details'])('%s opens offline with no axe violation', async (routeOrDetails) => {
    const routes = routeOrDetails === '*details' ? detailRoutes : [routeOrDetails];
    const problems: string[] = [];
    for (const route of routes) {
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(String(error));
      page.on('pageerror', onError);
      try {
        await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
        const title = await expectScreen(route);
        const name = route === '/' ? 'home' : route.slice(1).replace(/[^a-z0-9]+/gi, '-');
        await page.screenshot({ path: `tests/.artifacts/e2e-offline-${name}.png`, fullPage: true });
        const violations = await runAxe(page);
        if (violations.length) problems.push(`${route} ("${title}"): ${violations.length} axe violation(s)\n${formatViolations(violations)}`);
        if (errors.length) problems.push(`${route}: uncaught errors: ${errors.join('; ')}`);
      } catch (error) {
        problems.push(`${route}: ${String(error).split('\n')[0]}`);
      } finally {
        page.off('pageerror', onError);
      }
    }
    expect(problems.join('\n\n'), 'problems found offline').toBe('');
  });

  // Opening hours are evaluated in a worker (src/app/hours/hoursWorker.ts) in production
  // builds: offline, its script comes from the service worker's precache like the rest.
  test('offline, opening hours are computed in their worker: badges on the home, the week on a place page', async () => {
    const workers: string[] = [];
    const onWorker = (worker: { url(): string }) => workers.push(worker.url());
    // hoursEvaluator.ts falls back to the page, with a warning, if the worker fails to load.
    const warnings: string[] = [];
    const onConsole = (message: { text(): string }) => warnings.push(message.text());
    page.on('worker', onWorker);
    page.on('console', onConsole);
    try {
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await expectScreen('/');
      const main = page.locator('main:not(.first-paint)');
      await main.locator('.place-item .status-open, .place-item .status-closed').first().waitFor({ state: 'visible', timeout: 30_000 });
      await expect.poll(() => main.locator('.status-loading').count(), { timeout: 30_000 }).toBe(0);
      expect(workers.filter((url) => /hoursWorker/.test(url)), 'the opening-hours worker started').toHaveLength(1);
      expect(await runAxe(page), 'home with its badges: axe').toEqual([]);

      const href = await main.locator('.place-item:has(.status-open, .status-closed) a.place-link').first().getAttribute('href');
      expect(href).toMatch(/^\/lieu\//);
      await page.goto(`${server.url}${href}`, { waitUntil: 'load' });
      await expectScreen(href!);
      await main.locator('table.week tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
      expect(await main.locator('table.week tbody tr').count()).toBe(7);
      await expect.poll(() => main.locator('.status-open, .status-closed').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await runAxe(page), 'place page with its week: axe').toEqual([]);
      expect(warnings.filter((w) => /opening-hours worker/.test(w)), 'no fallback to the page').toEqual([]);
    } finally {
      page.off('worker', onWorker);
      page.off('console', onConsole);
    }
  });

  // docs/quality.md: "works at 200 % zoom"; docs/interface.md: body text 18 px or more. A 320 CSS px
  // wide viewport is a 1280 px window at 400 % zoom (WCAG 1.4.10), so 200 % is covered.
  test('at 320 CSS px wide, no public screen scrolls sideways and no text is under 18 px', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const problems: string[] = [];
    try {
      for (const route of ['/', '/bus', '/trajets', '/preparer', '/carte', ...detailRoutes]) {
        await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
        await expectScreen(route);
        await page.waitForLoadState('networkidle');
        const found = await page.evaluate(() => {
          const root = document.documentElement;
          const tooSmall = new Set<string>();
          const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || !node.textContent?.trim() || parent.closest('.leaflet-control-attribution')) continue;
            const style = getComputedStyle(parent);
            if (style.display === 'none' || style.visibility === 'hidden' || parent.closest('.visually-hidden')) continue;
            if (parseFloat(style.fontSize) < 17.9) tooSmall.add(`${parent.tagName.toLowerCase()}.${parent.className} (${style.fontSize}): ${node.textContent.trim().slice(0, 40)}`);
          }
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, tooSmall: [...tooSmall].slice(0, 5) };
        });
        if (found.scrollWidth > found.clientWidth) problems.push(`${route}: ${found.scrollWidth} px wide content in a ${found.clientWidth} px window`);
        if (found.tooSmall.length) problems.push(`${route}: text under 18 px: ${found.tooSmall.join(' | ')}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    expect(problems.join('\n'), 'reflow and text size').toBe('');
  });
});
