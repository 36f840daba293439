/**
 * The Civray office (/bureau) in a real browser against the real server:
 * - sign in as staff (accounts made through the admin API with the harness's admin);
 * - a conflict: device A edits a place online while device B (another browser, another
 *   staff account) edits the same place offline; both sync; B resolves field by field;
 * - import a data·inclusion file with one invalid record: the report names it, only the
 *   valid ones are written, and only once confirmed;
 * - indicators after visits arrive from an aidant device (pushed through the sync API);
 * - fields beyond the main ones (a thematique, a language, wifi, the English description)
 *   edited in the form reach the server's record after a sync;
 * - the admin's action log lists a device revoke;
 * - axe-core on every staff screen; 1280×800 screenshots in tests/.artifacts/.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { diFileWithOneInvalid } from '../unit/staff/fixtures';
import { serverApi } from '../support/serverApi';

const PLACE_ID = 'place-france-services-gencay';
const PASSWORD = 'bureau-mot-de-passe';
const VIEWPORT = { width: 1280, height: 800 };

let server: EscaleServer;
let deviceA: LaunchedChromium;
let deviceB: LaunchedChromium;
let pageA: Page;
let pageB: Page;
let adminToken: string;

const api = serverApi(() => server.url);

const login = (loginName: string, password: string, clientId = randomUUID()) =>
  api<{ token: string; user: { id: string } }>('/api/auth/login', { body: { login: loginName, password, clientId } }).then((r) => ({ ...r, clientId }));

async function signIn(page: Page, loginName: string) {
  await page.goto(`${server.url}/bureau`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Connexion du bureau' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Identifiant').fill(loginName);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bureau — Civraisien en Poitou' }).waitFor({ timeout: 30_000 });
}

/** On the office home: sync now and wait until the device says it is up to date. */
async function syncHome(page: Page, state: RegExp = /^À jour/) {
  if (!page.url().endsWith('/bureau')) await page.goto(`${server.url}/bureau`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Bureau — Civraisien en Poitou' }).waitFor({ timeout: 60_000 });
  const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
  const runs = Number(await button.getAttribute('data-sync-runs'));
  await button.click();
  await page.locator(`button[data-sync-runs="${runs + 1}"]`).waitFor({ timeout: 60_000 });
  await page.locator('.staff-sync', { hasText: state }).waitFor({ timeout: 60_000 });
}

async function openPlace(page: Page) {
  await page.goto(`${server.url}/bureau/lieux/${PLACE_ID}`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: /^Modifier :/ }).waitFor({ timeout: 60_000 });
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `tests/.artifacts/staff-${name}.png`, fullPage: true });
}

describe.skipIf(!browserAvailable())('the office space (/bureau)', () => {
  beforeAll(async () => {
    await mkdir('tests/.artifacts', { recursive: true });
    server = await startEscaleServer();
    adminToken = (await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD)).token;
    for (const [l, role] of [['bureau-a', 'staff'], ['bureau-b', 'staff'], ['aidant-e2e', 'aidant']] as const) {
      await api('/api/admin/accounts', { token: adminToken, body: { login: l, displayName: `Compte ${l}`, role, password: PASSWORD } });
    }
    deviceA = await launchChromium({ viewport: VIEWPORT });
    await installAxe(deviceA.context);
    pageA = await deviceA.context.newPage();
    await signIn(pageA, 'bureau-a');
    await syncHome(pageA);
  });

  afterAll(async () => {
    await deviceB?.close();
    await deviceA?.close();
    await server?.dispose();
  });

  test('a conflict between two devices is shown field by field and resolved in the interface', async () => {
    deviceB = await launchChromium({ viewport: VIEWPORT });
    await installAxe(deviceB.context);
    pageB = await deviceB.context.newPage();
    await signIn(pageB, 'bureau-b');
    await syncHome(pageB);

    // B opens the place, loses the network, edits it: the change waits on the device.
    await openPlace(pageB);
    await setOffline(deviceB.context, true);
    await pageB.getByLabel('Téléphone', { exact: true }).fill('05 49 22 22 22');
    await pageB.getByRole('button', { name: 'Enregistrer' }).click();
    await pageB.getByText(/^Enregistré\./).waitFor();

    // Meanwhile A edits the same place online.
    await openPlace(pageA);
    await pageA.getByLabel('Téléphone', { exact: true }).fill('05 49 11 11 11');
    await pageA.getByLabel('Adresse', { exact: true }).fill('1 place du Champ de Foire');
    await pageA.getByRole('button', { name: 'Enregistrer' }).click();
    await pageA.getByText(/^Enregistré\./).waitFor();
    await syncHome(pageA);

    // B comes back: its edit was based on the old version → a conflict.
    await setOffline(deviceB.context, false);
    await syncHome(pageB, /Action nécessaire/);
    await pageB.getByTestId('count-conflicts').filter({ hasText: '1' }).waitFor({ timeout: 30_000 });
    await pageB.getByRole('link', { name: 'Conflits à résoudre' }).click();
    const phoneRow = pageB.locator('tr[data-field="phone"]');
    await phoneRow.waitFor({ timeout: 30_000 });
    expect(await phoneRow.locator('[data-side="mine"]').innerText()).toBe('05 49 22 22 22');
    expect(await phoneRow.locator('[data-side="theirs"]').innerText()).toBe('05 49 11 11 11');
    await shoot(pageB, 'conflicts');
    const violations = await runAxe(pageB);
    expect(violations, formatViolations(violations)).toEqual([]);

    // Keep my phone number (the only field I changed): a new edit on the current version.
    await phoneRow.getByLabel('la mienne').check();
    await pageB.getByRole('button', { name: 'Enregistrer mon choix champ par champ' }).click();
    await pageB.getByText('Conflit résolu.').waitFor();
    await syncHome(pageB);
    expect(await pageB.getByTestId('count-conflicts').innerText()).toBe('0');

    // A sees B's phone and keeps its own address.
    await syncHome(pageA);
    await openPlace(pageA);
    expect(await pageA.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('05 49 22 22 22');
    expect(await pageA.getByLabel('Adresse', { exact: true }).inputValue()).toBe('1 place du Champ de Foire');
  });

  test('a thematique, a language, wifi and an English text edited in the form reach the server', async () => {
    await openPlace(pageA);
    const themes = pageA.getByRole('group', { name: 'Thématiques' });
    const theme = themes.locator('input[type="checkbox"]:not(:checked)').first();
    const slug = await theme.getAttribute('value');
    await theme.check();
    const languages = pageA.getByRole('group', { name: 'Langues' });
    await languages.getByLabel('Anglais (en)').check();
    await pageA.getByLabel('Wifi public').selectOption({ label: 'Oui' });
    await pageA.getByLabel('Description (anglais)').fill('One-stop desk for paperwork.');
    await shoot(pageA, 'place-form-all-fields');
    const violations = await runAxe(pageA);
    expect(violations, formatViolations(violations)).toEqual([]);
    await pageA.getByRole('button', { name: 'Enregistrer' }).click();
    await pageA.getByText(/^Enregistré\./).waitFor();
    await syncHome(pageA);
    const place = (await publicRecord('place', PLACE_ID)) as { thematiques: string[]; languages: string[]; digital: { wifi?: boolean }; description?: { en?: string } };
    expect(place.thematiques).toContain(slug);
    expect(place.languages).toContain('en');
    expect(place.digital.wifi).toBe(true);
    expect(place.description?.en).toBe('One-stop desk for paperwork.');
  });

  test('a data·inclusion import names the invalid record and writes the valid ones only when confirmed', async () => {
    await pageA.goto(`${server.url}/bureau/import`, { waitUntil: 'load' });
    await pageA.getByRole('heading', { level: 1, name: 'Importer et exporter' }).waitFor({ timeout: 60_000 });
    const file = { name: 'lieux.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(diFileWithOneInvalid())) };

    // Cancel first: nothing written.
    await pageA.getByLabel(/Fichier JSON data·inclusion/).setInputFiles(file);
    const broken = pageA.getByRole('row', { name: /Lieu cassé/ });
    await broken.waitFor({ timeout: 30_000 });
    expect(await broken.innerText()).toMatch(/Invalide/);
    await shoot(pageA, 'import-preview');
    const violations = await runAxe(pageA);
    expect(violations, formatViolations(violations)).toEqual([]);
    await pageA.getByRole('button', { name: 'Annuler l’import' }).click();
    await pageA.getByText(/Import annulé/).waitFor();
    await syncHome(pageA);
    const before = await publicPlaceIds();
    expect(before.filter((id) => id.startsWith('import-test-'))).toEqual([]);

    // Then confirm: the two valid ones reach the server, not the broken one.
    await pageA.goto(`${server.url}/bureau/import`, { waitUntil: 'load' });
    await pageA.getByLabel(/Fichier JSON data·inclusion/).setInputFiles(file);
    await pageA.getByRole('button', { name: 'Importer 2 lieu(x)' }).click();
    await pageA.getByText(/2 lieu\(x\) importé\(s\)/).waitFor();
    await syncHome(pageA);
    const after = await publicPlaceIds();
    expect(after.filter((id) => id.startsWith('import-test-')).sort()).toEqual(['import-test-1', 'import-test-3']);
  });

  test('the indicators count the visits pushed by an aidant device', async () => {
    const aidant = await login('aidant-e2e', PASSWORD);
    const at = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const visit = (n: number) => ({
      id: randomUUID(), territoryId: 'civraisien-en-poitou', aidantId: aidant.user.id, createdAt: at, kind: 'individuel',
      participants: n, durationMinutes: 20, themes: ['courriels'], procedures: [], autonomy: 'autonome', referral: ['caf'],
      ageBand: '60-69', residenceInsee: '86078', firstVisit: n === 1, equipment: ['smartphone'], checklistRuns: [],
      notes: 'Note de suivi privée',
    });
    const pushed = await api<{ results: Array<{ status: string }> }>('/api/sync/push', {
      token: aidant.token,
      body: { protocol: 1, clientId: aidant.clientId, mutations: [1, 2, 3].map((n) => ({ id: n, name: 'visit.create@1', args: visit(n) })) },
    });
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    await syncHome(pageA);
    await pageA.goto(`${server.url}/bureau/indicateurs`, { waitUntil: 'load' });
    await pageA.getByRole('heading', { level: 1, name: 'Indicateurs' }).waitFor({ timeout: 60_000 });
    await pageA.getByTestId('total-visits').filter({ hasText: /^3$/ }).waitFor({ timeout: 30_000 });
    expect(await pageA.getByTestId('total-people').innerText()).toBe('6');
    expect(await pageA.getByTestId('total-first').innerText()).toBe('1');
    const civray = pageA.locator('#map-visits-title').locator('xpath=..').locator('path[data-insee="86078"] title');
    expect(await civray.textContent()).toBe('Civray : 3 visites');
    await shoot(pageA, 'indicators');
  });

  test('every staff screen passes axe', async () => {
    const routes = [
      '/bureau', '/bureau/lieux', `/bureau/lieux/${PLACE_ID}`, '/bureau/lieux/nouveau', '/bureau/transports', '/bureau/demarches',
      '/bureau/tournees', '/bureau/conflits', '/bureau/corrections', '/bureau/import', '/bureau/indicateurs', '/bureau/comptes',
    ];
    const firstOf = async (prefix: string) => {
      await pageA.goto(`${server.url}${prefix}`, { waitUntil: 'load' });
      return pageA.locator(`main table a[href^="${prefix}/"]`).first().getAttribute('href', { timeout: 30_000 });
    };
    for (const prefix of ['/bureau/transports', '/bureau/demarches', '/bureau/tournees']) {
      const href = await firstOf(prefix);
      if (href) routes.push(href);
    }
    const problems: string[] = [];
    for (const route of routes) {
      await pageA.goto(`${server.url}${route}`, { waitUntil: 'load' });
      await pageA.locator('main .staff h1').first().waitFor({ timeout: 60_000 });
      await pageA.locator('main [role="status"]', { hasText: 'Chargement…' }).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
      await shoot(pageA, route.slice(1).replace(/[^a-z0-9]+/gi, '-'));
      const violations = await runAxe(pageA);
      if (violations.length) problems.push(`${route}: ${formatViolations(violations)}`);
    }
    // The admin screen with real content: device B signs in as the admin.
    await pageB.goto(`${server.url}/bureau`, { waitUntil: 'load' });
    await pageB.getByRole('button', { name: 'Se déconnecter' }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Connexion du bureau' }).waitFor({ timeout: 30_000 });
    await pageB.getByLabel('Identifiant').fill(TEST_ADMIN_LOGIN);
    await pageB.getByLabel('Mot de passe').fill(TEST_ADMIN_PASSWORD);
    await pageB.getByRole('button', { name: 'Se connecter' }).click();
    await pageB.getByRole('link', { name: 'Appareils et comptes' }).click();
    await pageB.getByText('Appareils du territoire', { exact: false }).first().waitFor({ timeout: 30_000 });
    // Revoke the aidant's device: the action log lists it at the top, with who and on what.
    await pageB.getByRole('button', { name: /^Révoquer Compte aidant-e2e/ }).first().click();
    await pageB.getByRole('alertdialog').getByRole('button', { name: 'Confirmer' }).click();
    await pageB.getByText('Appareil révoqué.').waitFor({ timeout: 30_000 });
    const log = pageB.getByRole('table', { name: 'Journal des actions d’administration' });
    const newest = log.locator('tbody tr').first();
    await newest.filter({ hasText: 'Appareil révoqué' }).waitFor({ timeout: 30_000 });
    expect(await newest.innerText()).toMatch(/aidant-e2e/);
    expect(await newest.innerText()).toMatch(new RegExp(TEST_ADMIN_LOGIN));
    expect(await log.locator('tbody tr[data-action="account.create"]').count()).toBeGreaterThanOrEqual(3);
    await shoot(pageB, 'admin');
    const adminViolations = await runAxe(pageB);
    if (adminViolations.length) problems.push(`/bureau/comptes (admin): ${formatViolations(adminViolations)}`);
    expect(problems.join('\n\n')).toBe('');
  });
});

/** One record as the server gives it to a public device. */
async function publicRecord(collection: string, id: string): Promise<unknown> {
  let cursor = '';
  let found: unknown;
  for (;;) {
    const page = await api<{ changes: Array<{ collection: string; id: string; op: string; record?: unknown }>; cursor: string; hasMore: boolean }>(
      `/api/sync/pull?territory=civraisien-en-poitou&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const c of page.changes) if (c.collection === collection && c.id === id) found = c.op === 'put' ? c.record : undefined;
    cursor = page.cursor;
    if (!page.hasMore) return found;
  }
}

/** The place ids the server gives a public device (the directory after the sync). */
async function publicPlaceIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (;;) {
    const page = await api<{ changes: Array<{ collection: string; id: string; op: string }>; cursor: string; hasMore: boolean }>(
      `/api/sync/pull?territory=civraisien-en-poitou&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const c of page.changes) if (c.collection === 'place' && c.op === 'put') ids.push(c.id);
    cursor = page.cursor;
    if (!page.hasMore) return ids;
  }
}
