/**
 * Issue 17, a shared tablet one aidant at a time, in Chromium against the real server:
 * B signed in on the tablet earlier; A signs in, logs a visit with a note, it is sent and
 * pulled back; A switches aidant and B opens the tablet with their PIN, offline. B's
 * screens list none of A's visits, and, offline and again after B's pull, the
 * tablet's whole IndexedDB, read back, holds neither A's visit nor the note's text; A's
 * visit is on the server exactly once (docs/privacy.md, "A shared tablet").
 *
 * Then A's visits still waiting: C signs in and logs visits offline, locks; D opens the
 * tablet with the PIN, offline. D's screens show none of them, and the raw IndexedDB holds
 * none of their ids, answers or note: the outbox keeps them sealed for the server. Back
 * online, each reaches the server once, as C's, and D's own visit as D's.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { aidantHeading, firstAidantSignIn, handOverTo, openGate } from '../support/aidantSteps';
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
async function signInOnGate(who: typeof A, page: Page = mainPage()): Promise<void> {
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
const mainPage = () => page;
const nav = (name: RegExp, on: Page = page) => on.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name }).click();
const escaleStores = (dump: Dumped[]) => dump.filter((s) => s.db === 'escale');

/** Logs one visit on the visit screen: online procedure, done with the person; `young`: age 12–17 (in "Plus de détails"). */
async function logVisit(on: Page, options: { young?: boolean; note?: string } = {}): Promise<void> {
  await nav(/Visite/, on);
  await aidantHeading(on, 'Noter une visite');
  await on.getByRole('button', { name: 'Démarche en ligne' }).click();
  await on.getByRole('button', { name: 'Fait avec elle' }).click();
  if (options.young) {
    const age = on.getByRole('button', { name: '12–17 ans' });
    if (!(await age.isVisible())) await on.getByText('Plus de détails (âge, commune, équipement)').click();
    await age.click();
  }
  if (options.note) await on.locator('#visit-notes').fill(options.note);
  await on.getByRole('button', { name: 'Enregistrer la visite' }).click();
  await on.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 15_000 });
}

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
    await openGate(page);
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
    await handOverTo(page, B);
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

  test('D, after C, reads none of C\'s visits still waiting, on screen or in IndexedDB; online, each is sent once, as C\'s', async () => {
    const C = { login: 'chloe.aube', displayName: 'Chloé Aube', password: 'aidant-password-c3', pin: '7150' };
    const D = { login: 'denis.midi', displayName: 'Denis Midi', password: 'aidant-password-d4', pin: '2861' };
    const WAITING_NOTE = 'Dette LOUTRE-8842 chez le bailleur';
    const idOf: Record<string, string> = {};
    for (const who of [C, D]) idOf[who.login] = (await api<{ user: { id: string } }>('/api/admin/accounts', { token: admin, body: { ...who, role: 'aidant' } })).user.id;
    // A tablet of its own (a fresh profile): D signed in on it earlier, then C, online.
    const tablet = await launchChromium({ viewport: { width: 820, height: 1180 } });
    try {
      const on = await tablet.context.newPage();
      await firstAidantSignIn(on, server.url, D);
      await openGate(on);
      await on.getByRole('button', { name: 'Un autre aidant : se connecter' }).click();
      await signInOnGate(C, on);

      // Out of coverage, C logs two visits (a 12–17-year-old each, a note on the first): they wait.
      await setOffline(tablet.context, true);
      await logVisit(on, { young: true, note: WAITING_NOTE });
      await logVisit(on, { young: true });
      const before = JSON.parse(await on.evaluate(dumpIndexedDb)) as Dumped[];
      const waitingIds = before.find((s) => s.db === 'escale' && s.store === 'pendingEdits')!.rows
        .filter((r) => r.collection === 'visit').map((r) => String(r.id));
      expect(waitingIds).toHaveLength(2);
      // Waiting, in C's session: in clear in the outbox (C's answers) until someone else opens the tablet.
      expect(JSON.stringify(escaleStores(before))).toContain('"ageBand":"12-17"');
      await nav(/Aujourd’hui/, on);
      await on.getByText('Visites du jour : 2').waitFor({ timeout: 15_000 });

      // C hands over the tablet; D opens it with the PIN, still offline.
      await handOverTo(on, D);
      await on.getByText('Visites du jour : 0').waitFor({ timeout: 15_000 });
      await expect(on.getByRole('button', { name: 'Voir ma note' }).count()).resolves.toBe(0);
      // The raw IndexedDB: C's entries sealed for the server, nothing of their content left.
      await expect.poll(async () => {
        const outbox = escaleStores(JSON.parse(await on.evaluate(dumpIndexedDb)) as Dumped[]).find((s) => s.store === 'outbox')!.rows;
        return outbox.filter((e) => e.sealed !== undefined && e.args === undefined).length;
      }, { timeout: 15_000 }).toBe(2);
      const dump = await on.evaluate(dumpIndexedDb);
      const stores = JSON.parse(dump) as Dumped[];
      const escale = JSON.stringify(escaleStores(stores));
      for (const id of waitingIds) expect(escale).not.toContain(id);
      expect(escale).not.toContain('"ageBand":"12-17"');
      expect(escale).not.toContain('"themes"');
      expect(dump).not.toContain('LOUTRE');
      expect(visitRows(stores)).toEqual([]);
      const outbox = escaleStores(stores).find((s) => s.store === 'outbox')!.rows;
      // The one with a note is visit.create@2 (its note sealed inside), the other @1.
      expect(outbox.map((e) => [e.name, e.sealed !== undefined, e.authorId])).toEqual([['visit.create@2', true, idOf[C.login]], ['visit.create@1', true, idOf[C.login]]]);
      // C's note stays on the tablet only as C's PIN-sealed box (D cannot open it).
      const notes = stores.filter((s) => s.db === 'escale-aidant-notes').flatMap((s) => s.rows);
      expect(notes).toEqual([expect.objectContaining({ box: expect.objectContaining({ ct: expect.any(String) }) })]);
      expect(waitingIds).toContain(notes[0]!.visitId);

      // D logs a visit of their own, offline too.
      await logVisit(on);
      await nav(/Aujourd’hui/, on);
      await on.getByText('Visites du jour : 1').waitFor({ timeout: 15_000 });

      // The waiting screen counts C's two as sealed, not shown.
      await nav(/À envoyer/, on);
      await on.getByText('Dont 2 d’un autre aidant, scellés pour le serveur', { exact: false }).waitFor({ timeout: 15_000 });

      // Back in coverage: everything is sent.
      await setOffline(tablet.context, false);
      await on.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await on.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });

      const pulled = await api<{ changes: Array<{ collection: string; id: string; record?: { aidantId: string; ageBand: string; noteState?: string } }> }>('/api/sync/pull?limit=5000', { token: admin });
      const visits = pulled.changes.filter((c) => c.collection === 'visit');
      const ofC = visits.filter((v) => v.record?.aidantId === idOf[C.login]);
      const ofD = visits.filter((v) => v.record?.aidantId === idOf[D.login]);
      // Each of C's waiting visits once, as C's, with C's answers and the note received.
      expect(ofC.map((v) => v.id).sort()).toEqual([...waitingIds].sort());
      expect(ofC.map((v) => v.record!.ageBand)).toEqual(['12-17', '12-17']);
      expect(ofC.filter((v) => v.record!.noteState === 'server')).toHaveLength(1);
      expect(ofD).toHaveLength(1);
      expect(ofD[0]!.record!.ageBand).not.toBe('12-17');
    } finally {
      await tablet.close();
    }
  });
});
