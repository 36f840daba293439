import type { Page } from 'playwright-core';

/**
 * Waits until the app's service worker is active, then reloads until it controls the
 * page (on a first visit the page may have loaded before the worker claimed it).
 * After this, a reload with the network cut is served by the worker.
 */
export async function waitForServiceWorkerControl(page: Page, maxReloads = 5): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let attempt = 0; attempt <= maxReloads; attempt += 1) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    if (attempt < maxReloads) await page.reload({ waitUntil: 'load' });
  }
  throw new Error(`the service worker did not take control of ${page.url()} after ${maxReloads} reloads`);
}
