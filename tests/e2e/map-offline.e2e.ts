/**
 * Issue 5, the map offline, in real Chromium against a real tile server of our own
 * (tests/support/serveTiles.ts: real PNGs over HTTP with CORS, every request counted,
 * answers held back on demand). Escale is started with ESCALE_TILE_URL pointing at it.
 *
 * 1. Tiles are cached as they are seen: a tile shown online is shown again offline.
 * 2. "Garder la carte sans internet": the size is told before starting, the progress bar
 *    stops where the tile server stops and goes on to the end with it, every tile of the
 *    territory (zoom 8 to 14) is in Cache Storage; then, offline and with the tile server
 *    gone, the map still shows the territory's tiles, at two zoom levels.
 * 3. "Libérer la place" empties the cache, and the map then has no tile offline.
 *
 * The tiles are served with `Cache-Control: no-store`, so offline they can only come from
 * the service worker's Cache Storage, never from the browser's HTTP cache.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { civraisienEnPoitouSeed as seed } from '../../src/territories/civraisien-en-poitou/seed';
import { countTiles, KEEP_MAX_ZOOM, KEEP_MIN_ZOOM, tilesIn } from '../../src/app/map/tileMath';
import { KEPT_TILE_CACHE, TILE_CACHES } from '../../src/app/sw/tileCache';
import { expectNoAxeViolations, installAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';
import { startTileServer, type TileServer } from '../support/serveTiles';

const KEPT = [...tilesIn(seed.territory.bbox, KEEP_MIN_ZOOM, KEEP_MAX_ZOOM)].map((t) => `/${t.z}/${t.x}/${t.y}.png`);
const KEPT_COUNT = countTiles(seed.territory.bbox, KEEP_MIN_ZOOM, KEEP_MAX_ZOOM);

let tiles: TileServer;
let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;
let pageErrors: string[] = [];

interface ShownTile {
  path: string;
  z: number;
  loaded: boolean;
}

/** The tile images Leaflet has in the page now, and whether each has loaded a real image. */
async function shownTiles(p: Page): Promise<ShownTile[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) => {
      const path = new URL(img.src).pathname;
      return {
        path,
        z: Number(path.split('/')[1]),
        loaded: img.classList.contains('leaflet-tile-loaded') && img.complete && img.naturalWidth === 256,
      };
    }),
  );
}

/** Paths of the tiles stored on the device (seen or kept), each once. */
async function cachedTilePaths(p: Page): Promise<string[]> {
  const paths = new Set<string>();
  for (const name of TILE_CACHES) for (const path of await tilePathsIn(p, name)) paths.add(path);
  return [...paths];
}

/** Paths of the tiles in one Cache Storage cache. */
async function tilePathsIn(p: Page, cacheName: string): Promise<string[]> {
  return p.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((request) => new URL(request.url).pathname);
  }, cacheName);
}

async function openMap(p: Page): Promise<void> {
  await p.goto(`${server.url}/carte`, { waitUntil: 'load' });
  await p.locator('main:not(.first-paint)').getByRole('heading', { level: 1, name: 'Carte' }).waitFor({ timeout: 30_000 });
  await p.locator('.leaflet-container').waitFor({ timeout: 30_000 });
}

/** Waits until the map shows tiles (of zoom `z` when given) and every one of them has loaded. */
async function waitForAllTilesLoaded(p: Page, z?: number): Promise<ShownTile[]> {
  let last: ShownTile[] = [];
  await expect
    .poll(async () => {
      last = (await shownTiles(p)).filter((t) => z === undefined || t.z === z);
      return last.length > 0 && last.every((t) => t.loaded);
    }, { timeout: 30_000, message: 'every tile shown has loaded' })
    .toBe(true);
  return last;
}

/** A tile asked by the map's <img> (directly or through the service worker), not by fetch(). */
function isImageRequest(request: { accept: string }): boolean {
  return request.accept.includes('image/');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const keepPanel = () => page.locator('section[aria-labelledby="keep-title"]');

describe.skipIf(!browserAvailable())('the map offline, with our own tile server', () => {
  beforeAll(async () => {
    tiles = await startTileServer();
    server = await startEscaleServer({ env: { ESCALE_TILE_URL: tiles.template, ESCALE_TILE_MAX_ZOOM: '16' } });
    browser = await launchChromium();
    await installAxe(browser.context);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await waitForServiceWorkerControl(page);
    await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
    await tiles?.stop();
  });

  test('markers: one tab stop each, named with the place and whether it is open; Enter opens the popup, Escape closes it', async () => {
    pageErrors = [];
    await openMap(page);
    const listed = await page.locator('.place-list .place-name').allInnerTexts();
    expect(listed.length).toBeGreaterThan(5);
    const markers = page.locator('.leaflet-marker-icon');
    // One marker per place, but the bus (one line of the list) is a marker at each of its
    // tour's 35 stops.
    expect(listed).toContain('Bus des services du Civraisien');
    await expect.poll(() => markers.count()).toBe(listed.length - 1 + 35);

    // The link before the map skips it, straight to the list.
    const skip = page.getByRole('link', { name: 'Passer la carte : aller à la liste des lieux' });
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('map-list');

    // From the skip link, Tab reaches the map, then its first marker: the first place of the list.
    await skip.focus();
    const path: string[] = [];
    while (path.length < 4 && !(path.at(-1) ?? '').includes('leaflet-marker-icon')) {
      await page.keyboard.press('Tab');
      path.push(await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('class') ?? ''}`));
    }
    expect(path.at(-1), `focus went: ${path.join(' → ')}`).toContain('leaflet-marker-icon');
    const first = page.locator('.leaflet-marker-icon:focus');
    expect(await first.getAttribute('role')).toBe('button');
    // Named with the place, its town and, once the hours are computed, its opening status.
    await expect
      .poll(() => first.getAttribute('aria-label'))
      .toMatch(new RegExp(`^${escapeRegExp(listed[0] ?? '')}(?: \\(Lieu itinérant\\))?, [^.]+\\. (Ouvert|Fermé|Horaires inconnus)`));
    const firstName = (await first.getAttribute('aria-label')) ?? '';
    await page.getByRole('button', { name: firstName, exact: true }).waitFor();

    await page.locator('.map-box').screenshot({ path: 'tests/.artifacts/map-marker-focus.png' });
    // Tab goes on to the next marker, in the list's order.
    await page.keyboard.press('Tab');
    expect(await page.locator('.leaflet-marker-icon:focus').getAttribute('aria-label')).toContain(listed[1] ?? '');
    await page.keyboard.press('Shift+Tab');

    // Enter: the popup, the focus on its link to the place's page.
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Voir la fiche');
    expect(await popup.getByRole('button', { name: 'Fermer' }).count()).toBe(1);
    await page.locator('.map-box').screenshot({ path: 'tests/.artifacts/map-marker-popup.png' });
    await expectNoAxeViolations(page, '/carte, a marker’s popup open');

    // Escape: closed, and the focus back on the marker.
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    expect(await page.locator('.leaflet-marker-icon:focus').getAttribute('aria-label')).toBe(firstName);

    // Enter, Enter: the place's page.
    await page.keyboard.press('Enter');
    await popup.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('main:not(.first-paint)').getByRole('heading', { level: 1, name: listed[0] }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/lieu\//);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('on a phone, the bottom menu stays above the map, its tiles and its markers', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await openMap(page);
      await waitForAllTilesLoaded(page);
      // The map box runs under the fixed bottom menu at this size.
      const box = await page.locator('.map-box').boundingBox();
      const nav = await page.locator('.public-nav').boundingBox();
      expect(box && nav && box.y + box.height > nav.y, 'the map reaches under the menu').toBe(true);
      const hits = await page.locator('.public-nav a').evaluateAll((links) =>
        links.map((link) => {
          const r = link.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { link: link.textContent, inMenu: hit?.closest('.public-nav') !== null && hit !== null };
        }),
      );
      expect(hits.length).toBeGreaterThan(3);
      expect(hits.filter((h) => !h.inMenu), 'menu links covered by the map').toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('a sync in the background leaves the map where the person moved it', async () => {
    await openMap(page);
    await waitForAllTilesLoaded(page);
    const zoom = Math.max(...(await shownTiles(page)).map((t) => t.z));
    await page.locator('.leaflet-control-zoom-in').click();
    await waitForAllTilesLoaded(page, zoom + 1);
    // Mark this map's pane: a map built again would have a new one.
    await page.locator('.leaflet-map-pane').evaluate((pane) => pane.setAttribute('data-test-first', 'yes'));
    // Back online after a cut: the app syncs and reads the directory again.
    await setOffline(browser.context, true);
    const pulled = page.waitForResponse((response) => response.url().includes('/api/sync/pull'), { timeout: 30_000 });
    await setOffline(browser.context, false);
    await pulled;
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.leaflet-map-pane[data-test-first="yes"]').count(), 'the same map').toBe(1);
    expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(5);
    const zooms = new Set((await shownTiles(page)).filter((t) => t.loaded).map((t) => t.z));
    expect(zooms.has(zoom + 1), 'still at the zoom the person chose').toBe(true);
  });

  test('a tile seen online is served offline afterwards, from the cache', async () => {
    pageErrors = [];
    await openMap(page);
    const seen = await waitForAllTilesLoaded(page);
    const seenPaths = seen.map((t) => t.path);
    expect(seenPaths.every((path) => tiles.requests.includes(path)), 'the tiles came from our tile server').toBe(true);
    // The service worker keeps them as they arrive (CacheFirst, escale-tiles).
    await expect
      .poll(async () => {
        const cached = new Set(await cachedTilePaths(page));
        return seenPaths.filter((path) => !cached.has(path));
      }, { timeout: 15_000, message: 'tiles seen but not cached' })
      .toEqual([]);
    // The panel counts them without a reload.
    const storedLine = keepPanel().getByText(/^Images de carte sur l’appareil : \d+\.$/);
    await expect
      .poll(async () => Number(/(\d+)\.$/.exec(await storedLine.innerText())?.[1]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(seenPaths.length);

    await setOffline(browser.context, true);
    const requestsBefore = tiles.requests.length;
    await openMap(page);
    const offline = await waitForAllTilesLoaded(page);
    expect(offline.map((t) => t.path).sort()).toEqual([...seenPaths].sort());
    expect(tiles.requests.length, 'no tile request reached the tile server offline').toBe(requestsBefore);
    await setOffline(browser.context, false);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('"Garder la carte": size told first, progress to the end, every tile stored, the map offline without the tile server', async () => {
    pageErrors = [];
    await openMap(page);
    await waitForAllTilesLoaded(page);
    // Start from an empty cache, so every tile of the territory goes through the tile server.
    const panel = keepPanel();
    await panel.getByRole('button', { name: 'Libérer la place' }).click();
    await panel.getByRole('status').filter({ hasText: 'La carte gardée a été effacée.' }).waitFor();
    expect(await cachedTilePaths(page)).toEqual([]);
    await panel.getByText('Images de carte sur l’appareil : 0.').waitFor();

    // The size, before anything is stored: 761 images, about 15 MB.
    expect(KEPT_COUNT).toBe(761);
    await panel.getByText('La carte du territoire prend 761 images, environ 15 Mo sur ce téléphone.').waitFor();

    // Start with the tile server holding its answers: the bar shows 0 of 761.
    tiles.hold();
    const requestsBefore = tiles.requests.length;
    await panel.getByRole('button', { name: 'Garder la carte' }).click();
    const bar = panel.getByRole('progressbar');
    await bar.waitFor();
    expect(await bar.getAttribute('max')).toBe(String(KEPT_COUNT));
    await panel.getByText('0 sur 761 images gardées').waitFor();
    await expect.poll(() => tiles.waiting()).toBeGreaterThan(0);

    // 100 tiles through: the bar stops at 100, as the tile server did.
    tiles.allow(100);
    await panel.getByText('100 sur 761 images gardées').waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      const since = tiles.log.slice(requestsBefore);
      throw new Error(`${String(error)}\npanel: ${await panel.innerText()}\nrequests: ${since.length}, ${since.filter(isImageRequest).length} for the map's images, waiting ${tiles.waiting()}`);
    });
    expect(await bar.evaluate((el: HTMLProgressElement) => el.value)).toBe(100);
    await panel.getByRole('button', { name: 'Arrêter' }).waitFor();
    await panel.screenshot({ path: 'tests/.artifacts/map-keep-progress.png' });
    await expectNoAxeViolations(page, '/carte, keeping the map (progress bar)');

    // Looking at the list meanwhile does not stop it: back on the map, the bar is there.
    await page.locator('.public-nav').getByRole('link', { name: 'Lieux' }).click();
    await page.locator('main:not(.first-paint)').getByRole('heading', { level: 1, name: 'Trouver de l’aide près de chez vous' }).waitFor();
    await page.locator('.public-nav').getByRole('link', { name: 'Carte' }).click();
    await panel.getByText('100 sur 761 images gardées').waitFor({ timeout: 15_000 });
    await panel.getByRole('progressbar').waitFor();

    // The rest: the bar goes on to the end and the panel says it is done.
    tiles.release();
    await panel.getByRole('status').filter({ hasText: 'La carte est gardée sur l’appareil (761 images).' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.count()).toBe(0);
    // Each tile of the territory fetched once by "keep the map" (the map's own <img> tiles,
    // asked again when it came back on screen, are counted apart).
    const keepRequests = tiles.log.slice(requestsBefore).filter((r) => !isImageRequest(r)).map((r) => r.path);
    expect(new Set(keepRequests).size, 'each tile asked once').toBe(keepRequests.length);
    // The tiles the map had just shown again were copied from the browsing cache.
    const shownBefore = new Set(tiles.log.slice(requestsBefore).filter(isImageRequest).map((r) => r.path));
    expect(keepRequests.filter((path) => !KEPT.includes(path)), 'only territory tiles fetched').toEqual([]);
    expect(KEPT.filter((path) => !keepRequests.includes(path) && !shownBefore.has(path)), 'territory tiles neither fetched nor copied').toEqual([]);
    // All of them in Cache Storage, beside the tiles the map showed; the panel says how many.
    await waitForAllTilesLoaded(page);
    const storedLine = panel.getByText(/^Images de carte sur l’appareil : \d+\.$/);
    await expect
      .poll(async () => (await storedLine.innerText()) === `Images de carte sur l’appareil : ${(await cachedTilePaths(page)).length}.`, { timeout: 15_000 })
      .toBe(true);
    const cached = await cachedTilePaths(page);
    const cachedSet = new Set(cached);
    expect(KEPT.filter((path) => !cachedSet.has(path)), 'territory tiles missing from the cache').toEqual([]);
    // …in the cache of kept tiles, which no expiration of the browsing cache reaches.
    const inKeptCache = new Set(await tilePathsIn(page, KEPT_TILE_CACHE));
    expect(KEPT.filter((path) => !inKeptCache.has(path)), 'territory tiles missing from the kept cache').toEqual([]);
    const shownByMap = new Set(tiles.log.filter(isImageRequest).map((r) => r.path));
    expect(cached.filter((path) => !KEPT.includes(path) && !shownByMap.has(path)), 'tiles cached but neither kept nor seen').toEqual([]);
    await expectNoAxeViolations(page, '/carte, map kept');

    // Offline, and the tile server gone: the map still has the territory's tiles.
    await setOffline(browser.context, true);
    await tiles.stop();
    const failedKept: string[] = [];
    page.on('requestfailed', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.url().startsWith(tiles.origin) && KEPT.includes(path)) failedKept.push(path);
    });
    await openMap(page);
    // Only the tiles inside the territory are kept; the edges of the view may stay blank.
    const keptSet = new Set(KEPT);
    const keptShown = async (z: number) => (await shownTiles(page)).filter((t) => t.z === z && keptSet.has(t.path));
    await expect.poll(async () => (await shownTiles(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const zoom = Math.max(...(await shownTiles(page)).map((t) => t.z));
    await expect
      .poll(async () => {
        const shown = await keptShown(zoom);
        return shown.length > 0 && shown.every((t) => t.loaded);
      }, { timeout: 30_000, message: `the territory's tiles at zoom ${zoom} load offline` })
      .toBe(true);
    await page.locator('.map-box').screenshot({ path: 'tests/.artifacts/map-offline-kept.png' });

    // One level closer: other tiles, from the cache too.
    await page.locator('.leaflet-control-zoom-in').click();
    await expect
      .poll(async () => {
        const shown = await keptShown(zoom + 1);
        return shown.length > 0 && shown.every((t) => t.loaded);
      }, { timeout: 30_000, message: `the territory's tiles at zoom ${zoom + 1} load offline` })
      .toBe(true);
    expect(failedKept, 'kept tiles that failed offline').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('"Libérer la place" empties the cache; offline the map then has no tile', async () => {
    // Still offline, the tile server still gone.
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await openMap(page);
    const panel = keepPanel();
    await panel.getByText(/^Images de carte sur l’appareil : \d+\.$/).waitFor();
    await expectNoAxeViolations(page, '/carte offline, map kept');
    await panel.getByRole('button', { name: 'Libérer la place' }).click();
    await panel.getByRole('status').filter({ hasText: 'La carte gardée a été effacée.' }).waitFor();
    await panel.getByText('Images de carte sur l’appareil : 0.').waitFor();
    // No tile left in either cache. (The caches themselves may exist again, empty: the
    // service worker's CacheFirst opens, and so creates, its cache on each tile request.)
    expect(await cachedTilePaths(page)).toEqual([]);
    // Nothing to free any more.
    expect(await panel.getByRole('button', { name: 'Libérer la place' }).count()).toBe(0);

    let failedTiles = 0;
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(tiles.origin)) failedTiles += 1;
    });
    await openMap(page);
    await expect.poll(() => failedTiles, { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await shownTiles(page)).filter((t) => t.loaded)).toEqual([]);
    // The commune outlines are still drawn.
    await expect.poll(() => page.locator('.leaflet-overlay-pane path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(35);
  });
});
