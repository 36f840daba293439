/**
 * Issue 19, part 2, in real Chromium: one server (one PGlite) serves two territories by
 * host (ESCALE_TERRITORIES), and one browser profile opens both as two origins,
 * http://civraisien.localhost:<port> and http://coutances.localhost:<port> (Chromium
 * treats `*.localhost` as a secure context, so each gets its service worker; the resolver
 * rule sends both names to 127.0.0.1). Checked: each shows its own territory's name and
 * directory; each origin's service worker scope, Cache Storage and IndexedDB hold only its
 * own territory's data; after the network is cut, a reload of each shows its own again.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { makePlace } from '../server/support/fixtures';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { dumpIndexedDb } from '../support/dumpIndexedDb';
import { setOffline } from '../support/network';
import { startEscaleServer, type EscaleServer } from '../support/server';
import { waitForServiceWorkerControl } from '../support/serviceWorker';

const CIVRAISIEN = { id: 'civraisien-en-poitou', host: 'civraisien.localhost', name: 'Civraisien en Poitou' };
const COUTANCES = { id: 'coutances-mer-et-bocage', host: 'coutances.localhost', name: 'Coutances Mer et Bocage' };
type Side = typeof CIVRAISIEN | typeof COUTANCES;
/** A place of the Civraisien's seed (places.json). */
const CIVRAISIEN_PLACE = 'France Services de Gençay (mairie annexe)';
/** Coutances's directory is empty after `territory:create`: its office adds this one. */
const COUTANCES_PLACE = 'Maison France Services de Coutances';

let server: EscaleServer;
let browser: LaunchedChromium;
const pages = new Map<string, Page>();
const pageErrors: string[] = [];

const origin = (side: Side) => `http://${side.host}:${server.port}`;

/** A JSON request to the server as `host` would send it (Node's resolver knows no `*.localhost`). */
function call(host: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request({
      host: '127.0.0.1', port: server.port, method, path,
      headers: { host: `${host}:${server.port}`, ...(text ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      let out = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (out += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: out ? (JSON.parse(out) as Record<string, unknown>) : {} }));
    });
    req.on('error', fail);
    req.end(text);
  });
}

/** The first admin of Coutances: its login and password, printed once by the first start. */
function coutancesAdmin(output: string): { login: string; password: string } {
  const match = /first admin of coutances-mer-et-bocage created: login "([^"]+)"\n\[escale\] its password, shown only now: (\S+)/.exec(output);
  if (!match) throw new Error(`no first admin of Coutances in the server's output:\n${output}`);
  return { login: match[1]!, password: match[2]! };
}

/** What the page shows: its territory (index.html's meta tag, the header) and the places listed. */
async function shown(page: Page): Promise<{ meta: string | null; brand: string; places: string[] }> {
  await page.locator('main:not(.first-paint) .place-list .place-item').first().waitFor({ state: 'visible', timeout: 30_000 });
  return {
    meta: await page.locator('meta[name="escale-territory"]').getAttribute('content'),
    brand: (await page.locator('.brand-territory').first().innerText()).trim(),
    places: (await page.locator('.place-list .place-name').allInnerTexts()).map((t) => t.trim()),
  };
}

/** The origin's own storage, read in its page: worker registrations, caches and their URLs, IndexedDB. */
async function storage(page: Page): Promise<{ origin: string; scopes: string[]; caches: Array<{ name: string; urls: string[] }>; databases: string[]; cachedIndex: string }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const listed = await Promise.all(names.map(async (name) => ({ name, urls: (await (await caches.open(name)).keys()).map((r) => r.url) })));
    let cachedIndex = '';
    for (const { name, urls } of listed) {
      const url = urls.find((u) => new URL(u).pathname === '/index.html');
      if (url) cachedIndex = (await (await (await caches.open(name)).match(url))?.text()) ?? '';
    }
    return {
      origin: location.origin,
      scopes: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
      caches: listed,
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      cachedIndex,
    };
  });
}

describe.skipIf(!browserAvailable())('two territories on one server, opened in one browser profile (issue 19)', () => {
  beforeAll(async () => {
    server = await startEscaleServer({ env: { ESCALE_TERRITORIES: `${CIVRAISIEN.host}=${CIVRAISIEN.id},${COUTANCES.host}=${COUTANCES.id}` } });
    // Coutances's office adds a place to its empty directory, at its own address.
    const admin = coutancesAdmin(server.output());
    const clientId = crypto.randomUUID();
    const login = await call(COUTANCES.host, 'POST', '/api/auth/login', { ...admin, clientId });
    expect(login.status, JSON.stringify(login.json)).toBe(200);
    const place = makePlace(COUTANCES.id, 'place-france-services-coutances', { name: COUTANCES_PLACE, insee: '50147', postcode: '50200', city: 'Coutances', lat: 49.0477, lon: -1.4453 });
    const pushed = await call(COUTANCES.host, 'POST', '/api/sync/push', {
      protocol: PROTOCOL_VERSION, clientId, mutations: [{ id: 1, name: 'place.create@1', args: { record: place } }],
    }, login.json.token as string);
    expect(pushed.status, JSON.stringify(pushed.json)).toBe(200);
    expect((pushed.json.results as Array<{ status: string }>)[0]!.status).toBe('applied');

    browser = await launchChromium({ extraArgs: ['--host-resolver-rules=MAP *.localhost 127.0.0.1'] });
    // Both origins, one after the other, in the same profile: worker in control, directory stored.
    for (const side of [CIVRAISIEN, COUTANCES]) {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${side.host}: ${String(error)}`));
      await page.goto(`${origin(side)}/`, { waitUntil: 'load' });
      await waitForServiceWorkerControl(page);
      await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      pages.set(side.id, page);
    }
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
  });

  test('each origin shows its own territory’s name and directory', async () => {
    const a = await shown(pages.get(CIVRAISIEN.id)!);
    expect(a).toMatchObject({ meta: CIVRAISIEN.id, brand: CIVRAISIEN.name });
    expect(a.places).toContain(CIVRAISIEN_PLACE);
    expect(a.places).not.toContain(COUTANCES_PLACE);
    const b = await shown(pages.get(COUTANCES.id)!);
    expect(b).toMatchObject({ meta: COUTANCES.id, brand: COUTANCES.name, places: [COUTANCES_PLACE] });
  });

  test('service worker scope, Cache Storage and IndexedDB of each origin hold only its own territory', async () => {
    for (const [side, other] of [[CIVRAISIEN, COUTANCES], [COUTANCES, CIVRAISIEN]] as const) {
      const page = pages.get(side.id)!;
      const s = await storage(page);
      expect(s.origin).toBe(origin(side));
      expect(s.scopes).toEqual([`${origin(side)}/`]);
      expect(s.caches.length, `${side.host} has caches`).toBeGreaterThan(0);
      const urls = s.caches.flatMap((c) => c.urls);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(new URL(url).origin, `${side.host} cache holds ${url}`).toBe(origin(side));
      // The app shell the worker serves offline is this territory's page.
      expect(s.cachedIndex).toContain(`<meta name="escale-territory" content="${side.id}"`);
      expect(s.cachedIndex).not.toContain(other.id);
      expect(s.databases).toContain('escale');
      // Every stored record of this origin is of its territory, its pull cursor is of its
      // territory's scope. (Texts may name the other: Coutances's checklists say they were
      // taken from the Civraisien's.)
      const stores = JSON.parse(await page.evaluate(dumpIndexedDb)) as Array<{ db: string; store: string; rows: Array<Record<string, unknown>> }>;
      const rows = stores.find((x) => x.db === 'escale' && x.store === 'rows')!.rows as Array<{ collection: string; id: string; record?: { territoryId?: string } }>;
      expect(rows.length).toBeGreaterThan(1);
      const of = new Set(rows.map((r) => (r.collection === 'territory' ? r.id : r.record?.territoryId)));
      expect([...of], `territories in ${side.host}'s replica`).toEqual([side.id]);
      expect(rows.filter((r) => r.id.includes(other.id)).map((r) => r.id)).toEqual([]);
      const meta = stores.find((x) => x.db === 'escale' && x.store === 'meta')!.rows as Array<{ key: string; value: unknown }>;
      expect(meta.find((m) => m.key === 'cursor')?.value).toMatchObject({ scope: `public:${side.id}` });
      const places = rows.filter((r) => r.collection === 'place').map((r) => (r.record as { name?: string } | undefined)?.name);
      expect(places).not.toContain(side === CIVRAISIEN ? COUTANCES_PLACE : CIVRAISIEN_PLACE);
    }
  });

  test('offline, a reload of each origin shows its own territory and directory', async () => {
    await setOffline(browser.context, true);
    for (const side of [CIVRAISIEN, COUTANCES]) {
      const page = pages.get(side.id)!;
      await page.reload({ waitUntil: 'load' });
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), `${side.host} served by its worker`).toBe(true);
      const now = await shown(page);
      expect(now).toMatchObject({ meta: side.id, brand: side.name });
      if (side === COUTANCES) expect(now.places).toEqual([COUTANCES_PLACE]);
      else expect(now.places).toContain(CIVRAISIEN_PLACE);
    }
    expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
  });
});
