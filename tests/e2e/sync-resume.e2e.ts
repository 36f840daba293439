/**
 * Issue 4, the browser part, in real Chromium against the real server:
 *
 * 1. An aidant writes visits offline, reloads, writes more, closes the page and opens a new
 *    one on the same profile, comes back online and syncs: the server holds every visit
 *    exactly once.
 * 2. A public pull of a directory spanning several pages is cut half-way by stopping the
 *    server; after a restart the device ends with every place exactly once, and the pull
 *    resumed from its stored cursor (the first answered pull carries it, none starts from
 *    zero, and every change crosses the wire once across the cut).
 *
 * The app's pull page size is not settable from the page (createDataLayer's `pullLimit`
 * is not exposed), so the directory is made big enough for ≥ 3 pages of the default 500.
 * The cut is made deterministic by holding the second pull request (page.route) until the
 * server has stopped, then letting it go on to the stopped port: nothing is mocked, the
 * request really fails against a dead server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { aidantHeading, firstAidantSignIn, unlockAidant } from '../support/aidantSteps';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { DEFAULT_PULL_LIMIT, PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { serverApi } from '../support/serverApi';
import { heldKeys, readHeldRecords } from '../support/readHeldRecords';

const TERRITORY = 'civraisien-en-poitou';
const AIDANT = { login: 'paul.aidant', displayName: 'Paul Aidant', password: 'aidant-password-2' };
const STAFF = { login: 'bureau-resume', displayName: 'Bureau Reprise', password: 'staff-password-2' };
const PIN = '5293';
/** Places pushed on top of the seed: with the seed, well over 3 pages of the default size. */
const EXTRA_PLACES = 2 * DEFAULT_PULL_LIMIT + 250;

let server: EscaleServer;

const api = serverApi(() => server.url);

const login = async (l: string, password: string, clientId: string = randomUUID()) =>
  (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: l, password, clientId } })).token;

type Change = { collection: string; id: string; op: string; record?: Record<string, unknown> };

/** Every change a pull sees (all pages), as staff (token) or as the public (territory). */
async function pullAll(query: { token?: string; territory?: string }): Promise<Change[]> {
  const out: Change[] = [];
  let cursor = '';
  for (;;) {
    const params = new URLSearchParams({ limit: '5000' });
    if (query.territory) params.set('territory', query.territory);
    if (cursor) params.set('cursor', cursor);
    const page = await api<{ changes: Change[]; cursor: string; hasMore: boolean }>(`/api/sync/pull?${params}`, query.token ? { token: query.token } : {});
    out.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

/** The replicated records (one key each, whether held as a row or in a pack's id list) and the stored cursor. */
async function readReplica(page: Page): Promise<{ places: string[]; total: number; cursor: unknown }> {
  const held = await page.evaluate(readHeldRecords);
  const keys = heldKeys(held);
  return { places: keys.filter(([c]) => c === 'place').map(([, id]) => id), total: keys.length, cursor: held.cursor };
}

function makePlace(id: string, insee: string): Record<string, unknown> {
  return {
    id, territoryId: TERRITORY, name: `Lieu reprise ${id}`, category: 'mairie', insee, postcode: '86400', city: 'Civray',
    lat: 46.15, lon: 0.29, reseauxPorteurs: ['communes'], thematiques: [], publics: ['tous-publics'], frais: ['gratuit'],
    modesAccueil: ['en-presentiel'], services: [], digital: {}, accessibility: {}, languages: ['fr'], itinerant: false,
    verifiedAt: '', internal: { notes: `note interne ${id}`, directPhone: '05 49 00 00 00' },
  };
}

describe.skipIf(!browserAvailable())('sync resumes: offline writes and a cut pull', () => {
  let staffToken: string;

  beforeAll(async () => {
    server = await startEscaleServer();
    const admin = await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    await api('/api/admin/accounts', { method: 'POST', token: admin, body: { ...AIDANT, role: 'aidant' } });
    await api('/api/admin/accounts', { method: 'POST', token: admin, body: { ...STAFF, role: 'staff' } });
    staffToken = await login(STAFF.login, STAFF.password);
  });

  afterAll(async () => {
    await server?.dispose();
  });

  test('write while offline, reload, close and reopen the page, go online: the server has every write exactly once', async () => {
    const browser: LaunchedChromium = await launchChromium({ viewport: { width: 820, height: 1180 } });
    let page: Page = await browser.context.newPage();
    const heading = (text: RegExp | string) => aidantHeading(page, text);
    const unlock = () => unlockAidant(page, { ...AIDANT, pin: PIN });
    const nav = (name: RegExp) => page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name }).click();
    const logVisit = async () => {
      await nav(/Démarche/);
      await heading('Démarche avec une personne');
      await page.locator('.checklist-picker button').first().click();
      await page.locator('.checklist-docs input[type=checkbox]').first().check();
      await page.getByRole('button', { name: 'Joindre à la visite' }).click();
      await heading('Noter une visite');
      await page.getByRole('button', { name: 'Démarche en ligne' }).click();
      await page.getByRole('button', { name: 'Fait avec elle' }).click();
      await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
      await page.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 15_000 });
    };
    try {
      await firstAidantSignIn(page, server.url, { ...AIDANT, pin: PIN });

      // Offline from here: a session, 3 visits, a reload, 2 more.
      await setOffline(browser.context, true);
      await page.reload({ waitUntil: 'load' });
      await unlock();
      await page.getByRole('link', { name: 'Ouvrir une session' }).click();
      await heading('Ouvrir une session');
      await page.locator('summary', { hasText: 'Autre commune' }).click();
      await page.locator('.stop-button').first().click();
      await page.getByRole('button', { name: 'Commencer la session' }).click();
      await page.getByText(/Session en cours à/).waitFor({ timeout: 30_000 });
      for (let i = 0; i < 3; i++) await logVisit();
      await page.reload({ waitUntil: 'load' });
      await unlock();
      for (let i = 0; i < 2; i++) await logVisit();

      // The page closed and a new one opened on the same profile, still offline.
      await page.close();
      page = await browser.context.newPage();
      await page.goto(`${server.url}/aidant`, { waitUntil: 'load' });
      await unlock();
      await nav(/Aujourd’hui/);
      await page.getByText('Visites du jour : 5').waitFor({ timeout: 15_000 });
      // Nothing reached the server while offline.
      expect((await pullAll({ token: staffToken })).filter((c) => c.collection === 'visit')).toHaveLength(0);

      // Back online: one sync.
      await setOffline(browser.context, false);
      await nav(/À envoyer/);
      await heading('À envoyer');
      await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await page.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });

      const visits = (await pullAll({ token: staffToken })).filter((c) => c.collection === 'visit' && c.op === 'put');
      expect(visits).toHaveLength(5);
      expect(new Set(visits.map((v) => v.id)).size).toBe(5);
      // A second sync sends nothing more.
      await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await page.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });
      expect((await pullAll({ token: staffToken })).filter((c) => c.collection === 'visit')).toHaveLength(5);
    } finally {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
  });

  test('a pull cut half-way by stopping the server resumes after it restarts', async () => {
    // A directory of several pages, written through the real push endpoint.
    const territory = (await import('../../src/territories/civraisien-en-poitou/territory.json', { with: { type: 'json' } })).default as {
      communes: Array<{ insee: string }>;
    };
    const insee = territory.communes[0]!.insee;
    // A push comes from the device its session was opened on: a fresh sign-in for this client.
    const clientId = randomUUID();
    const pushToken = await login(STAFF.login, STAFF.password, clientId);
    const runId = randomUUID().slice(0, 8);
    const mutations = Array.from({ length: EXTRA_PLACES }, (_, i) => ({
      id: i + 1, name: 'place.create@1', args: { record: makePlace(`resume-${runId}-${i}`, insee) },
    }));
    for (let from = 0; from < mutations.length; from += 500) {
      const res = await api<{ results: Array<{ status: string }> }>('/api/sync/push', {
        method: 'POST', token: pushToken, body: { protocol: PROTOCOL_VERSION, clientId, mutations: mutations.slice(from, from + 500) },
      });
      expect(res.results.filter((r) => r.status !== 'applied')).toEqual([]);
    }
    const publicPull = await pullAll({ territory: TERRITORY });
    const serverPlaces = publicPull.filter((c) => c.collection === 'place' && c.op === 'put').map((c) => c.id);
    const serverTotal = publicPull.filter((c) => c.op === 'put').length;
    expect(serverPlaces.length).toBeGreaterThanOrEqual(EXTRA_PLACES);
    const fullPullPages = Math.ceil(serverTotal / DEFAULT_PULL_LIMIT);
    expect(fullPullPages).toBeGreaterThanOrEqual(3);

    // No service worker here: the page's own pull requests are what page.route sees.
    const browser = await launchChromium({ serviceWorkers: 'block' });
    const page = await browser.context.newPage();
    const pulls: string[] = [];
    /** Pull requests the server answered (200), in order: the ones that moved the cursor. */
    const answered: Array<{ url: string; changes: Promise<number> }> = [];
    page.on('response', (res) => {
      if (!res.url().includes('/api/sync/pull') || res.status() !== 200) return;
      const changes = res.json().then((b: { changes?: unknown[] }) => b.changes?.length ?? 0, () => 0);
      answered.push({ url: res.url(), changes });
    });
    const changesIn = async (list: typeof answered) => (await Promise.all(list.map((a) => a.changes))).reduce((x, y) => x + y, 0);
    let stopped = false;
    let cut: Promise<void> | undefined;
    await page.route('**/api/sync/pull**', async (route: Route) => {
      pulls.push(route.request().url());
      if (pulls.length === 2 && !stopped) {
        // The first page is stored; the second request goes to a server that has just stopped.
        stopped = true;
        cut = server.stop();
        await cut;
      }
      await route.continue().catch(() => undefined);
    });
    try {
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await expect.poll(() => stopped, { timeout: 60_000 }).toBe(true);
      await cut;
      // The failed request was answered by a dead server; the first page and its cursor stayed.
      const during = await readReplica(page);
      expect(during.cursor).toBeTruthy();
      expect(during.total).toBeGreaterThan(0);
      expect(during.total).toBeLessThan(serverTotal);
      const answeredBeforeRestart = answered.length;
      expect(answeredBeforeRestart).toBe(1);
      const storedCursor = (during.cursor as { cursor?: string }).cursor;
      expect(storedCursor).toBeTruthy();

      await server.restart();
      // Wake the engine now rather than after its backoff: an offline → online flip.
      await setOffline(browser.context, true);
      await setOffline(browser.context, false);
      await expect
        .poll(async () => (await readReplica(page)).places.length, { timeout: 60_000, interval: 250 })
        .toBe(serverPlaces.length);
      await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 60_000 });

      const after = await readReplica(page);
      expect(new Set(after.places).size).toBe(after.places.length);
      expect(new Set(after.places)).toEqual(new Set(serverPlaces));
      expect(after.total).toBe(serverTotal);
      // Resumed from the cursor: the first pull the restarted server answered carried the
      // cursor stored before the cut, every later one a cursor too (none started from zero),
      // and what came after the restart is the rest of the directory, not all of it again:
      // across the cut every change was delivered exactly once. (The app may run one more,
      // empty, pull after finishing, so pages are compared by their content, not counted.)
      const resumed = answered.slice(answeredBeforeRestart);
      expect(resumed.length).toBeGreaterThan(0);
      expect(new URL(resumed[0]!.url).searchParams.get('cursor')).toBe(storedCursor);
      for (const { url } of resumed) expect(new URL(url).searchParams.get('cursor'), url).toBeTruthy();
      const before = await changesIn(answered.slice(0, answeredBeforeRestart));
      const afterRestart = await changesIn(resumed);
      expect(before).toBe(DEFAULT_PULL_LIMIT);
      expect(afterRestart).toBeLessThan(publicPull.length);
      expect(before + afterRestart).toBe(publicPull.length);
      const nonEmpty = (await Promise.all(resumed.map((a) => a.changes))).filter((n) => n > 0).length;
      expect(nonEmpty).toBeLessThan(fullPullPages);
      // The cut was real: at least one pull failed against the stopped server.
      expect(pulls.length).toBeGreaterThan(answered.length);
    } finally {
      await browser.close();
    }
  });
});
