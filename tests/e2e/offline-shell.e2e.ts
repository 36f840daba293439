/**
 * After one online visit, the app shell opens with the network cut: the service worker is
 * installed and controlling, the home screen renders from its precache, and axe finds no
 * accessibility violation on it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, installAxe } from '../support/axe';
import { findChromium, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';

const hasBrowser = Boolean(findChromium()) && process.env.ESCALE_SKIP_BROWSER !== '1';

let server: EscaleServer;
let browser: LaunchedChromium;

/** Waits for the service worker to be active, then reloads until it controls the page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    await page.reload({ waitUntil: 'load' });
  }
  throw new Error('the service worker never took control of the page');
}

/** The shell's home screen: a <main> landmark with a non-empty <h1>. */
async function expectHomeScreen(page: Page): Promise<void> {
  await page.getByRole('main').first().waitFor({ state: 'visible', timeout: 30_000 });
  const heading = page.locator('h1').first();
  await heading.waitFor({ state: 'visible', timeout: 30_000 });
  expect((await heading.innerText()).trim()).not.toBe('');
}

describe.skipIf(!hasBrowser)('offline app shell', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
    browser = await launchChromium();
    await installAxe(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('the home screen opens offline after one online visit, with no axe violation', async () => {
    const { context } = browser;
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await expectHomeScreen(page);
    await waitForServiceWorkerControl(page);

    await setOffline(context, true);
    try {
      await page.reload({ waitUntil: 'load' });
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      await expectHomeScreen(page);
      await expectNoAxeViolations(page, 'home screen (offline)');
    } finally {
      await setOffline(context, false);
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
});
