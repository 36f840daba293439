/**
 * Places held in packs (src/app/replica/packs.ts) read like any other, in real Chromium,
 * offline: a first sync whose page holds more than PACK_MIN places stores them as one pack;
 * a staff edit pulled afterwards lands as a row beside the pack. Then, on a cold start
 * with the network cut, the home ranks the packed places for the chosen commune (the
 * first paint's bootReader and the data layer both read the packs), the edited place shows
 * its new name and never its packed one, and a packed place's own page opens.
 *
 * The unit tests (tests/unit/data/packedReplica.test.ts) hold the rules on fake-indexeddb;
 * this one holds them in the browser, through the screens, with the service worker.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';
import { serverApi } from '../support/serverApi';
import { readHeldRecords } from '../support/readHeldRecords';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { PACK_MIN } from '../../src/app/replica/packs';

const TERRITORY = 'civraisien-en-poitou';
const STAFF = { login: 'bureau-packs', displayName: 'Bureau Paquets', password: 'staff-password-3' };
/** Gençay's point (territory.json): the packed places stand on it, so they rank first there. */
const GENCAY = { insee: '86103', lat: 46.370527, lon: 0.413253 };
const PACKED = PACK_MIN + 50;

let server: EscaleServer;
let browser: LaunchedChromium;
const api = serverApi(() => server.url);
const runId = randomUUID().slice(0, 8);
const placeId = (i: number) => `pack-${runId}-${String(i).padStart(3, '0')}`;
/**
 * The place edited after the first sync stands exactly on the point, the others a metre or
 * so apart going north, so the home's nearest list is ours but for the seed places that
 * stand on the commune's point too (a seed place there is given the point as its position).
 */
const EDITED = placeId(0);
const EDITED_NAME = 'Lieu groupé, nom corrigé';

function makePlace(i: number): Record<string, unknown> {
  return {
    id: placeId(i), territoryId: TERRITORY, name: `Lieu groupé ${String(i).padStart(3, '0')}`, category: 'mairie',
    insee: GENCAY.insee, postcode: '86160', city: 'Gençay', lat: GENCAY.lat + i * 0.00001, lon: GENCAY.lon,
    reseauxPorteurs: ['communes'], thematiques: [], publics: ['tous-publics'], frais: ['gratuit'],
    modesAccueil: ['en-presentiel'], services: [], digital: {}, accessibility: {}, languages: ['fr'], itinerant: false, verifiedAt: '',
  };
}

/** What the device holds: place ids in rows (with their version) and in the packs' id lists. */
async function readHeld(page: Page): Promise<{ rows: Array<{ id: string; version: number }>; packed: string[] }> {
  const held = await page.evaluate(readHeldRecords);
  return {
    rows: held.rows.filter((r) => r.collection === 'place').map(({ id, version }) => ({ id, version })),
    packed: held.packs.filter((p) => p.collection === 'place').flatMap((p) => p.ids),
  };
}

async function coldStartOffline(path: string): Promise<Page> {
  const context = await browser.reopen();
  await setOffline(context, true);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return page;
}

describe.skipIf(!browserAvailable())('packed places read offline through the screens', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
    const admin = (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: TEST_ADMIN_LOGIN, password: TEST_ADMIN_PASSWORD, clientId: randomUUID() } })).token;
    await api('/api/admin/accounts', { method: 'POST', token: admin, body: { ...STAFF, role: 'staff' } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
  });

  test('a first sync packs the places, a later edit lands beside them, and offline every screen reads both', async () => {
    const clientId = randomUUID();
    const staff = (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: STAFF.login, password: STAFF.password, clientId } })).token;
    const push = async (mutations: Array<{ id: number; name: string; args: unknown }>) => {
      const res = await api<{ results: Array<{ status: string }> }>('/api/sync/push', {
        method: 'POST', token: staff, body: { protocol: PROTOCOL_VERSION, clientId, mutations },
      });
      expect(res.results.filter((r) => r.status !== 'applied')).toEqual([]);
    };
    await push(Array.from({ length: PACKED }, (_, i) => ({ id: i + 1, name: 'place.create@1', args: { record: makePlace(i) } })));

    // Online, once: the service worker takes control, the first sync stores one page.
    let page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await waitForServiceWorkerControl(page);
    await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });
    const first = await readHeld(page);
    const ours = Array.from({ length: PACKED }, (_, i) => placeId(i));
    expect(first.packed).toEqual(expect.arrayContaining(ours));
    expect(first.rows.filter((r) => r.id.startsWith(`pack-${runId}`))).toEqual([]);

    await page.getByLabel('Votre commune ou code postal').fill('gencay');
    await page.getByRole('button', { name: /^Gençay\b/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Les lieux les plus proches de Gençay' }).waitFor();
    await expect.poll(() => page.locator('.place-list .place-name').allInnerTexts(), { timeout: 15_000 }).toContain('Lieu groupé 000');

    // The office renames the place on the point; the device pulls it (a reload online).
    await push([{ id: PACKED + 1, name: 'place.update@1', args: { id: EDITED, baseVersion: 1, patch: { name: EDITED_NAME } } }]);
    await page.reload({ waitUntil: 'load' });
    await expect
      .poll(async () => (await readHeld(page)).rows.find((r) => r.id === EDITED)?.version, { timeout: 60_000, interval: 250 })
      .toBe(2);
    // Still in the pack too: the row, being newer, is what every reader takes.
    expect((await readHeld(page)).packed).toContain(EDITED);
    await expect.poll(() => page.locator('.place-list .place-name').allInnerTexts(), { timeout: 15_000 }).toContain(EDITED_NAME);
    await page.waitForLoadState('networkidle');

    // Cold start with the network cut: the home, once the app has taken over from the snapshot.
    page = await coldStartOffline('/');
    await page.locator('#app:not([data-snapshot]) .place-list .place-item').first().waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: 'Les lieux les plus proches de Gençay' }).waitFor();
    await expect.poll(() => page.locator('.place-list .status-loading').count(), { timeout: 30_000 }).toBe(0);
    const names = await page.locator('.place-list .place-name').allInnerTexts();
    expect(names).toContain(EDITED_NAME);
    expect(names).not.toContain('Lieu groupé 000');
    // Ours are most of the list (seed places of Gençay stand among them), nearest first.
    const packedShown = names.filter((n) => /^Lieu groupé \d{3}$/.test(n));
    expect(packedShown.length).toBeGreaterThan(names.length / 2);
    expect(packedShown).toEqual([...packedShown].sort());

    // A packed place's own page, and the edited one's, opened by URL offline.
    page = await coldStartOffline(`/lieu/${placeId(7)}`);
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 30_000 }).toBe('Lieu groupé 007');
    await page.goto(`${server.url}/lieu/${EDITED}`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 30_000 }).toBe(EDITED_NAME);
  });
});
