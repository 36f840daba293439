/**
 * Issue 17, a shared tablet one aidant at a time, in Chromium against the real server:
 * B signed in on the tablet earlier; A signs in, logs a visit with a note, it is sent and
 * pulled back; A switches aidant and B opens the tablet with their PIN, offline. B's
 * screens list none of A's visits, and, offline and again after B's pull, the
 * tablet's whole IndexedDB, read back, holds neither A's visit nor the note's text; A's
 * visit is on the server exactly once (docs/privacy.md, "A shared tablet").
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { aidantHeading, firstAidantSignIn, unlockAidant } from '../support/aidantSteps';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { dumpIndexedDb } from '../support/dumpIndexedDb';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';

const A = { login: 'anne.matin', displayName: 'Anne Matin', password: 'aidant-password-a1', pin: '5827' };
const B = { login: 'bruno.soir', displayName: 'Bruno Soir', password: 'aidant-password-b2', pin: '6394' };
const NOTE = 'Facture OCELOT-3317 impayee';

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

interface Dumped { db: string; store: string; rows: Array<Record<string, unknown>> }
const visitRows = (dump: Dumped[]) => dump.find((s) => s.db === 'escale' && s.store === 'rows')!.rows.filter((r) => r.collection === 'visit');
async function signInOnGate(who: typeof A): Promise<void> {
  await aidantHeading(page, 'Connexion de l’aidant');
  await page.locator('#aidant-login').fill(who.login);
  await page.locator('#aidant-password').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await aidantHeading(page, 'Choisissez votre code');
  await page.locator('#pin-new').fill(who.pin);
  await page.locator('#pin-confirm').fill(who.pin);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await page.getByText(`Connecté : ${who.displayName}`).waitFor({ timeout: 30_000 });
}
const nav = (name: RegExp) => page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name }).click();

describe.skipIf(!browserAvailable())('shared tablet: one aidant at a time', () => {
  let admin = '';
  beforeAll(async () => {
    server = await startEscaleServer();
    admin = (await api<{ token: string }>('/api/auth/login', { body: { login: TEST_ADMIN_LOGIN, password: TEST_ADMIN_PASSWORD, clientId: randomUUID() } })).token;
    for (const who of [A, B]) await api('/api/admin/accounts', { token: admin, body: { ...who, role: 'aidant' } });
    browser = await launchChromium({ viewport: { width: 820, height: 1180 } });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('B, after A, reads none of A\'s visits or notes, on screen or in IndexedDB; A\'s visit is sent once', async () => {
    // B signed in on this tablet earlier; then A signs in (the device's last sign-in is A's).
    await firstAidantSignIn(page, server.url, B);
    await page.getByRole('button', { name: 'Changer d’aidant' }).click();
    await aidantHeading(page, 'Qui utilise la tablette ?');
    await page.getByRole('button', { name: 'Un autre aidant : se connecter' }).click();
    await signInOnGate(A);

    await nav(/Visite/);
    await aidantHeading(page, 'Noter une visite');
    await page.getByRole('button', { name: 'Démarche en ligne' }).click();
    await page.getByRole('button', { name: 'Fait avec elle' }).click();
    await page.locator('#visit-notes').fill(NOTE);
    await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await page.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 15_000 });
    await nav(/À envoyer/);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await page.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });
    // Sent, then pulled back under A: the replica holds it.
    let visitId = '';
    await expect.poll(async () => {
      const rows = visitRows(JSON.parse(await page.evaluate(dumpIndexedDb)) as Dumped[]);
      visitId = String(rows[0]?.id ?? '');
      return rows.length;
    }, { timeout: 60_000 }).toBe(1);
    await nav(/Aujourd’hui/);
    await page.getByText('Visites du jour : 1').waitFor({ timeout: 15_000 });

    // A hands over the tablet, out of coverage; B opens it with their PIN.
    await setOffline(browser.context, true);
    await page.getByRole('button', { name: 'Changer d’aidant' }).click();
    await aidantHeading(page, 'Qui utilise la tablette ?');
    await page.getByRole('button', { name: B.displayName }).click();
    await unlockAidant(page, B);
    await page.getByText('Visites du jour : 0').waitFor({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Voir ma note' }).count()).resolves.toBe(0);
    await expect.poll(async () => visitRows(JSON.parse(await page.evaluate(dumpIndexedDb)) as Dumped[]).length, { timeout: 15_000 }).toBe(0);

    // Back in coverage, B's pull (under B) settles.
    await setOffline(browser.context, false);
    await nav(/À envoyer/);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await page.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });
    await nav(/Aujourd’hui/);
    // The raw IndexedDB, once B's pull has settled: nothing of A's visit, nor the note.
    await page.getByText(/informations à jour/i).first().waitFor({ timeout: 60_000 });
    await page.getByText('Visites du jour : 0').waitFor({ timeout: 15_000 });
    const dump = await page.evaluate(dumpIndexedDb);
    const stores = JSON.parse(dump) as Dumped[];
    expect(visitId).not.toBe('');
    expect(dump).not.toContain('OCELOT');
    expect(visitRows(stores)).toEqual([]);
    // The replica, outbox and pending edits: not one trace of A's visit.
    expect(JSON.stringify(stores.filter((s) => s.db === 'escale'))).not.toContain(visitId);
    // A's note stays on the tablet only as A's PIN-sealed box (B cannot open it).
    const notes = stores.filter((s) => s.db === 'escale-aidant-notes').flatMap((s) => s.rows);
    expect(notes).toEqual([expect.objectContaining({ visitId, box: expect.objectContaining({ ct: expect.any(String) }) })]);

    const pulled = await api<{ changes: Array<{ collection: string; id: string }> }>('/api/sync/pull?limit=5000', { token: admin });
    expect(pulled.changes.filter((c) => c.collection === 'visit').map((c) => c.id)).toEqual([visitId]);
  });
});
