/**
 * After one online visit, the app shell opens with the network cut: the service worker is
 * installed and controlling, the home screen renders from its caches, and axe finds no
 * accessibility violation on it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, installAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';

let server: EscaleServer;
let browser: LaunchedChromium | undefined;

/**
 * The app's home screen: a <main> landmark with a non-empty <h1>, rendered by the app
 * itself. index.html carries a static first paint (`<main class="first-paint">` with an
 * <h1>) shown before any script runs, so that alone would pass with a broken bundle: wait
 * until the app has replaced it.
 */
async function expectHomeScreen(page: Page): Promise<void> {
  const main = page.locator('main:not(.first-paint)');
  await main.first().waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.getByRole('main').count()).toBe(1);
  const heading = main.locator('h1').first();
  await heading.waitFor({ state: 'visible', timeout: 30_000 });
  expect((await heading.innerText()).trim()).not.toBe('');
}

interface OfflinePage {
  page: Page;
  /** Same-origin files the page asked for offline and did not get. */
  failedOffline: string[];
  pageErrors: string[];
}

/**
 * One online visit on a fresh profile (the worker installs and takes control), then the
 * network is cut and the page reloaded.
 */
async function visitOnceThenReloadOffline(): Promise<OfflinePage> {
  browser = await launchChromium();
  await installAxe(browser.context);
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // While offline, every file the page asks for must come from the service worker's
  // cache. The worker's own requests are left out: a stale-while-revalidate route
  // answers from its cache and then fails to revalidate, which is expected offline.
  const failedOffline: string[] = [];
  let offline = false;
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (offline && !request.serviceWorker() && url.origin === server.url && !url.pathname.startsWith('/api/')) {
      failedOffline.push(`${url.pathname} (${request.failure()?.errorText ?? 'failed'})`);
    }
  });

  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  await expectHomeScreen(page);
  await waitForServiceWorkerControl(page);
  await expectHomeScreen(page);
  await page.waitForLoadState('networkidle');

  await setOffline(browser.context, true);
  offline = true;
  await page.reload({ waitUntil: 'load' });
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  return { page, failedOffline, pageErrors };
}

describe.skipIf(!browserAvailable())('offline app shell', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await server?.dispose();
  });

  test('the home screen opens offline after one online visit, with no axe violation', async () => {
    const { page, failedOffline, pageErrors } = await visitOnceThenReloadOffline();
    await expectHomeScreen(page);
    // The network state is always shown, in plain words (docs/interface.md).
    await page.getByText(/hors connexion/i).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: 'tests/.artifacts/e2e-home-offline.png', fullPage: true });
    await expectNoAxeViolations(page, 'home screen (offline)');
    expect(failedOffline.filter((f) => !/\.(svg|png|webmanifest)\b/.test(f)), 'app code that failed to load offline').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('every image and the manifest of the home screen load offline after one online visit', async () => {
    const { page, failedOffline } = await visitOnceThenReloadOffline();
    await expectHomeScreen(page);
    await page
      .waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 10_000 })
      .catch(() => undefined);
    const brokenImages = await page.evaluate(() =>
      [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => new URL(img.src).pathname),
    );
    expect({ brokenImages, failedOffline }, 'files of the home screen missing offline').toEqual({ brokenImages: [], failedOffline: [] });
  });
});
