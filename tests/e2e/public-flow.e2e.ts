/**
 * Issue 5, in real Chromium: the inhabitant's path through the public screens.
 *
 * One online visit on a fresh profile (the service worker takes control, the first sync
 * stores the directory), then the network is cut and, offline: choose a commune by typing
 * "gencay", the nearest places sorted by distance, a need filter, a place's page, the next
 * bus passage, the mobility offers, the same screens in English (a checklist and the map
 * too), documents ticked on a checklist kept across a reload, and the position found from
 * a mocked fix (the only mock), said in the home screen's live region. A second fresh profile, online, checks the refusal
 * message when the position is not allowed, and the map's commune outlines drawn while
 * the tile server (ESCALE_TILE_URL on an unused loopback port) is unreachable.
 * Every screen visited gets an axe audit.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, installAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';

/** Nothing listens on the discard port: every tile request fails. */
const UNREACHABLE_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';
/** Inside Gençay (86103). */
const GENCAY_POSITION = { latitude: 46.370527, longitude: 0.413253 };
const FRANCE_SERVICES_GENCAY = '/lieu/place-france-services-gencay';

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;
let pageErrors: string[] = [];

/** The route has rendered: the app's <main> (not index.html's first paint) with this <h1>. */
async function expectHeading(p: Page, name: string | RegExp): Promise<void> {
  const main = p.locator('main:not(.first-paint)');
  await main.first().waitFor({ state: 'visible', timeout: 30_000 });
  await main.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** First online visit on a fresh profile: worker in control, directory stored. */
async function firstVisitOnline(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`${server.url}/`, { waitUntil: 'load' });
  await waitForServiceWorkerControl(p);
  await p.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });
  await p.waitForLoadState('networkidle');
  return p;
}

/** Distances shown in the list, in km ("À moins d'1 km" / "Less than 1 km away" count as 0). */
async function listedDistances(p: Page): Promise<number[]> {
  const metas = await p.locator('.place-list .place-meta').allInnerTexts();
  return metas.map((text) => {
    if (/moins d.1 km|less than 1 km/i.test(text)) return 0;
    const match = /(\d+(?:[.,]\d+)?)\s*km/.exec(text);
    if (!match) throw new Error(`no distance in list item: ${JSON.stringify(text)}`);
    return Number((match[1] ?? '').replace(',', '.'));
  });
}

async function placeCount(p: Page): Promise<number> {
  return p.locator('.place-list .place-item').count();
}

/** The list's length once every place is in it (PlaceList shows its first places, then the rest a task later): the count its status announces. */
async function wholeListCount(p: Page): Promise<number> {
  const announced = async () => Number(/\d+/.exec(await p.getByRole('status').filter({ hasText: /lieu\(x\)|place\(s\)/ }).first().innerText())?.[0]);
  await expect.poll(async () => (await placeCount(p)) === (await announced())).toBe(true);
  return placeCount(p);
}

function expectAscending(values: number[]): void {
  for (let i = 1; i < values.length; i += 1) {
    expect(values[i], `distance #${i} (${values.join(', ')})`).toBeGreaterThanOrEqual(values[i - 1] ?? 0);
  }
}

describe.skipIf(!browserAvailable())('public flow (issue 5)', () => {
  beforeAll(async () => {
    server = await startEscaleServer({ env: { ESCALE_TILE_URL: UNREACHABLE_TILES } });
    browser = await launchChromium();
    await installAxe(browser.context);
    page = await firstVisitOnline(browser.context);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await setOffline(browser.context, true);
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
  });

  test('offline: commune typed without accent, nearest places, need filter, a place, the bus, the mobility offers', async () => {
    pageErrors = [];
    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await expectHeading(page, 'Trouver de l’aide près de chez vous');
    await expectNoAxeViolations(page, 'home offline, no commune');

    // Choose the commune: "gencay" finds Gençay.
    await page.getByLabel('Votre commune ou code postal').fill('gencay');
    await page.getByRole('button', { name: /^Gençay\b/ }).click();
    await page.getByRole('status').filter({ hasText: 'Vous êtes à Gençay.' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { level: 2, name: 'Les lieux les plus proches de Gençay' }).waitFor();

    // Nearest places, sorted by distance, the first one in Gençay.
    await page.locator('.place-list .place-item').first().waitFor();
    const allCount = await wholeListCount(page);
    expect(allCount).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.place-list .place-item').first().locator('.place-meta').innerText()).toContain('Gençay');
    const distances = await listedDistances(page);
    expect(distances.length).toBe(allCount);
    expect(distances[0]).toBe(0);
    expectAscending(distances);
    // The home screen's teaser: the next bus passage in Gençay, flagged as an example.
    await page.getByText(/Le bus des services passe à Gençay le .+ à \d{1,2}\s?h(\s?\d{2})?\./).waitFor({ timeout: 15_000 });
    await page.getByText('Attention : c’est un exemple, pas encore le vrai horaire.').waitFor();
    await expectNoAxeViolations(page, 'home offline, Gençay chosen');

    // Filter by a need: "Papiers et droits".
    const names = await page.locator('.place-list .place-name').allInnerTexts();
    await page.getByRole('button', { name: 'Papiers et droits' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Papiers et droits' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('besoin')).toBe('papers');
    await expect.poll(() => placeCount(page)).toBeLessThan(allCount);
    const papersCount = await placeCount(page);
    expect(papersCount).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: `${papersCount} lieu(x)` }).waitFor();
    const papersNames = await page.locator('.place-list .place-name').allInnerTexts();
    expect(papersNames.every((n) => names.includes(n)), 'filtered places are among all the places').toBe(true);
    expect(papersNames).toContain('France Services de Gençay (mairie annexe)');
    expect(papersNames, 'the library does not help with papers').not.toContain('Bibliothèque de Gençay');
    expectAscending(await listedDistances(page));
    await expectNoAxeViolations(page, 'home offline, need papers');

    // Open France Services Gençay.
    await page.getByRole('link', { name: /France Services de Gençay/ }).click();
    await page.waitForURL((url) => url.pathname === FRANCE_SERVICES_GENCAY);
    await expectHeading(page, /France Services de Gençay/);
    const call = page.getByRole('link', { name: /Appeler le 05 16 83 80 86/ });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:0516838086');
    await page.getByText(/Vérifié le \d/).first().waitFor();
    await expectNoAxeViolations(page, 'place offline');

    // The next bus passages in Gençay.
    await page.goto(`${server.url}/bus`, { waitUntil: 'load' });
    await expectHeading(page, 'Quand passe le bus ?');
    const here = page.locator('section[aria-labelledby="bus-here"]');
    await here.getByRole('heading', { level: 2, name: 'Prochains passages à Gençay' }).waitFor();
    const when = here.locator('.passage-when').first();
    await when.waitFor({ timeout: 15_000 });
    expect(await when.innerText()).toMatch(/\d.*, de \d{1,2}\s?h(\s?\d{2})? à \d{1,2}\s?h(\s?\d{2})?/);
    await here.getByText(/^Exemple : ces horaires ne sont pas les vrais/).first().waitFor();
    await expectNoAxeViolations(page, '/bus offline');

    // The mobility offers.
    await page.goto(`${server.url}/trajets`, { waitUntil: 'load' });
    await expectHeading(page, 'Comment y aller ?');
    await page.getByRole('heading', { level: 2, name: 'Solutions à Gençay' }).waitFor();
    expect(await page.locator('main .card-list > li.card').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, '/trajets offline');

    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('offline: the same screens in English', async () => {
    pageErrors = [];
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await expectHeading(page, 'Trouver de l’aide près de chez vous');
    await page.getByRole('button', { name: 'Read in English' }).click();
    await expectHeading(page, 'Find help near you');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('status').filter({ hasText: 'You are in Gençay.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Places nearest to Gençay' }).waitFor();
    await page.getByRole('button', { name: 'Papers and rights' }).waitFor();
    await expectNoAxeViolations(page, 'home in English');

    await page.goto(`${server.url}${FRANCE_SERVICES_GENCAY}`, { waitUntil: 'load' });
    await expectHeading(page, /France Services de Gençay/);
    await page.getByRole('link', { name: /Call 05 16 83 80 86/ }).waitFor();
    await page.getByText(/Checked on \S/).first().waitFor();
    await expectNoAxeViolations(page, 'place in English');

    await page.goto(`${server.url}/bus`, { waitUntil: 'load' });
    await expectHeading(page, 'When does the bus come?');
    await page.getByText(/^Example: these times are not the real ones/).first().waitFor();
    await expectNoAxeViolations(page, '/bus in English');

    await page.goto(`${server.url}/trajets`, { waitUntil: 'load' });
    await expectHeading(page, 'How do I get there?');
    await expectNoAxeViolations(page, '/trajets in English');

    await page.goto(`${server.url}/preparer`, { waitUntil: 'load' });
    await expectHeading(page, 'Prepare my appointment');
    await page.locator('main a[href^="/preparer/"]').first().click();
    await page.locator('main:not(.first-paint) h1').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/preparer\/./);
    await expectNoAxeViolations(page, 'a checklist in English');

    await page.goto(`${server.url}/carte`, { waitUntil: 'load' });
    await expectHeading(page, 'Map');
    await page.getByRole('link', { name: 'Skip the map: go to the list of places' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Keep the map for offline use' }).waitFor();
    await expect.poll(() => page.locator('.leaflet-marker-icon').first().getAttribute('aria-label')).toMatch(/^.+, .+\. (Open|Closed|Opening hours unknown)/);
    expect(await page.locator('.leaflet-control-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
    await expectNoAxeViolations(page, '/carte in English');

    await page.goto(`${server.url}/trajets`, { waitUntil: 'load' });
    await expectHeading(page, 'How do I get there?');

    // Back to French for the next tests (the choice is kept in Preferences).
    await page.getByRole('button', { name: 'Lire en français' }).click();
    await expectHeading(page, 'Comment y aller ?');
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('offline: prepare a visit, the documents ticked are kept on the phone', async () => {
    pageErrors = [];
    await page.goto(`${server.url}/preparer`, { waitUntil: 'load' });
    await expectHeading(page, 'Préparer mon rendez-vous');
    await page.locator('main a[href^="/preparer/"]').first().click();
    await page.locator('main:not(.first-paint) h1').waitFor();
    const checklistUrl = page.url();
    const boxes = page.locator('.checklist-docs input[type="checkbox"]');
    const total = await boxes.count();
    expect(total).toBeGreaterThan(1);
    const status = page.locator('section[aria-labelledby="docs-title"] [role="status"]');
    const before = await status.innerText();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => status.innerText()).not.toBe(before);
    const after = await status.innerText();
    expect(after).toMatch(/\b2\b/);
    await expectNoAxeViolations(page, 'a checklist, two documents ticked');

    // Still offline, a reload: the same two documents are ticked.
    await page.goto(checklistUrl, { waitUntil: 'load' });
    await page.locator('main:not(.first-paint) h1').waitFor();
    await expect.poll(() => boxes.nth(1).isChecked(), { timeout: 15_000 }).toBe(true);
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await status.innerText()).toBe(after);
    // Untick one for the next visit.
    await boxes.nth(1).uncheck();
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('offline: the position, allowed, finds Gençay', async () => {
    await browser.context.grantPermissions(['geolocation'], { origin: server.url });
    await browser.context.setGeolocation(GENCAY_POSITION);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await expectHeading(page, 'Trouver de l’aide près de chez vous');
    await page.getByRole('button', { name: 'Changer de commune' }).click();
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    // The explanation first, then the browser's permission.
    await page.getByText(/Votre téléphone va vous demander l’autorisation/).waitFor();
    await page.getByRole('button', { name: 'Continuer' }).click();
    // The commune was cleared above, so only the position can choose it again. The home
    // screen's live region (there before the choice, kept after it) says it was found.
    const where = page.locator('section[aria-labelledby="where-title"]');
    const found = where.getByRole('status').filter({ hasText: 'Position trouvée : vous êtes à Gençay.' });
    await found.waitFor({ timeout: 30_000 });
    expect(await found.getAttribute('aria-live')).toBe('polite');
    expect(await found.isVisible(), 'sighted people read it too').toBe(true);
    // The focus is not lost with the position button: it is on "Changer de commune".
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Changer de commune');
    await page.getByRole('heading', { level: 2, name: 'Les lieux les plus proches de Gençay' }).waitFor();
    await expect.poll(() => page.locator('.place-list .place-item').first().locator('.place-meta').innerText()).toContain('Gençay');
    expectAscending(await listedDistances(page));
    await expectNoAxeViolations(page, 'home, position found');
  });

  test('offline: the map shows the commune outlines', async () => {
    await page.goto(`${server.url}/carte`, { waitUntil: 'load' });
    await expectHeading(page, 'Carte');
    await expect
      .poll(() => page.locator('.leaflet-overlay-pane path').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(35);
    await expectNoAxeViolations(page, '/carte offline');
  });

  describe('a fresh profile, online, no permission given', () => {
    let fresh: LaunchedChromium | undefined;
    let freshPage: Page;

    beforeAll(async () => {
      fresh = await launchChromium();
      await installAxe(fresh.context);
      freshPage = await firstVisitOnline(fresh.context);
    });

    afterAll(async () => {
      await fresh?.close();
    });

    test('the position refused gives the plain refusal message', async () => {
      await expectHeading(freshPage, 'Trouver de l’aide près de chez vous');
      await freshPage.getByRole('button', { name: 'Utiliser ma position' }).click();
      await freshPage.getByRole('button', { name: 'Continuer' }).click();
      await freshPage
        .getByText('Vous avez refusé la position. Ce n’est pas grave : tapez le nom de votre commune.')
        .waitFor({ timeout: 30_000 });
      // The commune field is still there to type instead.
      await freshPage.getByLabel('Votre commune ou code postal').waitFor();
      await expectNoAxeViolations(freshPage, 'home, position refused');
    });

    test('the map draws the outlines with the tile server unreachable', async () => {
      const tileRequests: string[] = [];
      freshPage.on('request', (request) => {
        if (request.url().startsWith('http://127.0.0.1:9/')) tileRequests.push(request.url());
      });
      await freshPage.goto(`${server.url}/carte`, { waitUntil: 'load' });
      await expectHeading(freshPage, 'Carte');
      await expect
        .poll(() => freshPage.locator('.leaflet-overlay-pane path').count(), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(35);
      expect(tileRequests.length, 'the map did ask the (unreachable) tile server').toBeGreaterThan(0);
      await expectNoAxeViolations(freshPage, '/carte, tiles unreachable');
    });
  });
});
