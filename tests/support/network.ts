import type { BrowserContext } from 'playwright-core';

/**
 * Cuts or restores the network for every page of the context, service worker included
 * (Chromium answers requests with net::ERR_INTERNET_DISCONNECTED and `navigator.onLine`
 * turns false, as on a phone in a white zone).
 */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
  await context.setOffline(offline);
}
