/**
 * A page opened from the network preloads its own route's chunks (src/server/routePreloads.ts):
 * a place's page opened on a fresh profile (a first visit, a QR code on a poster) has the
 * place's chunk and the data layer's fetched from index.html's preload links, not the home's
 * chunks; and the service worker keeps index.html as built, with the home's links (the
 * offline cold start is the home's).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';

let server: EscaleServer;
let browser: LaunchedChromium | undefined;

describe.skipIf(!browserAvailable())('route preloads', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('a place opened from the network preloads the place and the data layer; the worker keeps the home\'s page', async () => {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    const answer = await page.goto(`${server.url}/lieu/place-france-services-gencay`, { waitUntil: 'load' });
    const served = (await answer?.text()) ?? '';
    await page.locator('main:not(.first-paint)').getByRole('heading', { level: 1, name: /France Services de Gençay/ }).waitFor({ state: 'visible', timeout: 90_000 });

    // The links the page came with (Vite's loader adds its own later), and what it fetched.
    const links = [...served.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
    const fetched = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)`)) as string[];
    const chunk = (name: string) => new RegExp(`^/assets/${name}-[\\w-]{8}\\.js$`);
    for (const name of ['PlaceScreen', 'createDataLayer']) {
      expect(links.some((l) => chunk(name).test(l)), `${name} in ${JSON.stringify(links)}`).toBe(true);
    }
    expect(links.some((l) => chunk('HomeScreen').test(l)), JSON.stringify(links)).toBe(false);
    expect(fetched.some((f) => chunk('HomeScreen').test(f)), JSON.stringify(fetched)).toBe(false);

    await waitForServiceWorkerControl(page);
    const kept = (await page.evaluate(`caches.match('/index.html', { ignoreSearch: true }).then((r) => r ? r.text() : '')`)) as string;
    expect(kept).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/HomeScreen-[\w-]{8}\.js">/);
    expect(kept).not.toMatch(/PlaceScreen-/);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
});
