/**
 * DESIGN.md, "What done means": after one online visit, every public screen opens with
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
});
