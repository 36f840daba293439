/**
 * Issue 6, end to end in Chromium: an aidant signs in online on a fresh tablet, chooses a
 * PIN, goes offline, unlocks with the PIN, opens a session at a stop, logs 10 visits each
 * with a checklist run, reloads, locks and unlocks, closes the session, comes back online
 * and syncs. The server then holds exactly those 10 visits (with their runs), the session
 * and its coverage observations, once each. axe-core audits every aidant screen.
 *
 * `ESCALE_SHOTS=dir` saves tablet and phone screenshots of the screens there (not committed).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { aidantHeading, firstAidantSignIn, unlockAidant } from '../support/aidantSteps';
import { dumpIndexedDb } from '../support/dumpIndexedDb';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { serverApi } from '../support/serverApi';

const AIDANT = { login: 'marie.aidante', displayName: 'Marie Aidante', password: 'aidant-password-1' };
const PIN = '4817';
const NOTE = 'Rappeler pour le dossier CAF, pièce manquante.';
const VISITS = 10;

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;
const axeProblems: string[] = [];
const shotsDir = process.env.ESCALE_SHOTS;

const api = serverApi(() => server.url);

const login = async (l: string, password: string) =>
  (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: l, password, clientId: randomUUID() } })).token;

/** Every record of a collection as a staff pull sees it (all pages). */
async function pullAll(token: string): Promise<Array<{ collection: string; id: string; op: string; record?: Record<string, unknown> }>> {
  const out: Array<{ collection: string; id: string; op: string; record?: Record<string, unknown> }> = [];
  let cursor = '';
  for (;;) {
    const page = await api<{ changes: typeof out; cursor: string; hasMore: boolean }>(`/api/sync/pull?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    out.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

/** axe on the screen as it is now; violations are collected and asserted at the end. */
async function audit(label: string): Promise<void> {
  const violations = await runAxe(page);
  if (violations.length > 0) axeProblems.push(`${label}:\n${formatViolations(violations)}`);
  if (shotsDir) {
    await mkdir(shotsDir, { recursive: true });
    const name = label.replace(/[^a-z0-9]+/gi, '-');
    await page.screenshot({ path: join(shotsDir, `tablet-${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(shotsDir, `phone-${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
  }
}

async function heading(text: RegExp | string): Promise<void> {
  await aidantHeading(page, text);
}

async function unlock(): Promise<void> {
  await unlockAidant(page, { ...AIDANT, pin: PIN });
}

/**
 * Issue 22: the banner, the "À envoyer" button and the day's list say one number of visits
 * waiting (other items apart), the list marks each visit waiting or sent, and the button's
 * words stay inside its box, at the tablet's width and at a phone's.
 */
async function pendingAgree(visits: number, others: number): Promise<void> {
  const words = visits === 0
    ? others === 0 ? 'Aucune visite à envoyer' : `${others} élément${others > 1 ? 's' : ''} à envoyer (aucune visite)`
    : `${visits} visite${visits > 1 ? 's' : ''} à envoyer${others > 0 ? ` et ${others} autre${others > 1 ? 's' : ''} élément${others > 1 ? 's' : ''}` : ''}`;
  const button = visits === 0 ? 'À envoyer' : `À envoyer : ${visits} visite${visits > 1 ? 's' : ''}`;
  await nav(/Aujourd’hui/);
  await heading('Aujourd’hui');
  const line = page.locator('.network-status');
  if (visits + others > 0) await line.filter({ hasText: `${words}.` }).waitFor({ timeout: 15_000 });
  else await page.waitForFunction(() => !/envoyer|élément/.test(document.querySelector('.network-status')?.textContent ?? ''), undefined, { timeout: 15_000 });
  const sendButton = page.locator('.aidant-nav a[href="/aidant/envoi"]');
  await page.locator('.pending-line').filter({ hasText: new RegExp(`^${words}$`) }).waitFor({ timeout: 15_000 });
  expect((await sendButton.textContent())?.trim()).toBe(button);
  expect(await page.locator('.visit-item.visit-waiting').count()).toBe(visits);
  expect(await page.locator('.visit-item .visit-state').allTextContents()).toEqual(
    await page.locator('.visit-item').evaluateAll((items) => items.map((i) => (i.classList.contains('visit-waiting') ? 'En attente d’envoi' : 'Envoyée'))),
  );
  for (const width of [820, 360]) {
    await page.setViewportSize({ width, height: width === 820 ? 1180 : 640 });
    const box = await sendButton.evaluate((a) => ({ fits: a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight + 1, right: a.getBoundingClientRect().right, page: document.documentElement.clientWidth }));
    expect(box.fits, `"${button}" inside its box at ${width} px`).toBe(true);
    expect(box.right).toBeLessThanOrEqual(box.page);
  }
  await page.setViewportSize({ width: 820, height: 1180 });
}

async function nav(name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name }).click();
}

describe.skipIf(!browserAvailable())('aidant space: a day offline, then one sync', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
    const admin = await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    await api('/api/admin/accounts', { method: 'POST', token: admin, body: { ...AIDANT, role: 'aidant' } });
    browser = await launchChromium({ viewport: { width: 820, height: 1180 } });
    await installAxe(browser.context);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    if (browser) {
      await setOffline(browser.context, false).catch(() => undefined);
      await browser.close();
    }
    await server?.dispose();
  });

  test('sign in online, work offline, sync once', async () => {
    try {
      await day();
    } catch (error) {
      if (shotsDir) await page.screenshot({ path: join(shotsDir, 'failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
});

async function day(): Promise<void> {
  {
    // Online, once: the app and the directory on the device, then the aidant signs in.
    await firstAidantSignIn(page, server.url, { ...AIDANT, pin: PIN }, audit);

    // The white zone: no network from here on, and the app reopened from scratch.
    await setOffline(browser.context, true);
    await page.reload({ waitUntil: 'load' });
    await audit('unlock');
    await unlock();
    await audit('today');

    // A session at a stop of a tour.
    await page.getByRole('link', { name: 'Ouvrir une session' }).click();
    await heading('Ouvrir une session');
    await page.locator('summary', { hasText: 'Autre commune' }).click();
    await page.locator('.stop-button').first().click();
    await audit('session');
    await page.getByRole('button', { name: 'Commencer la session' }).click();
    await page.getByText(/Session en cours à/).waitFor({ timeout: 30_000 });

    for (let i = 0; i < VISITS; i++) {
      await nav(/Démarche/);
      await heading('Démarche avec une personne');
      if (i === 0) await audit('checklist-pick');
      await page.locator('.checklist-picker button').first().click();
      await page.locator('.checklist-docs input[type=checkbox]').first().check();
      if (i === 0) {
        await page.getByRole('button', { name: 'Afficher le QR code' }).click();
        await page.locator('svg.qr').waitFor({ timeout: 15_000 });
        await audit('checklist-run');
      }
      await page.getByRole('button', { name: 'Joindre à la visite' }).click();
      await heading('Noter une visite');
      await page.getByText('Démarches faites avec la personne : 1').waitFor();
      if (i === 0) await audit('visit-form');
      await page.getByRole('button', { name: 'Démarche en ligne' }).click();
      await page.getByRole('button', { name: 'Fait avec elle' }).click();
      if (i === 0) await page.locator('#visit-notes').fill(NOTE);
      await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
      await page.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 15_000 });
    }

    // A reload and a lock: nothing lost, the PIN opens again.
    await page.reload({ waitUntil: 'load' });
    await unlock();
    await nav(/Aujourd’hui/);
    await page.getByText(`Visites du jour : ${VISITS}`).waitFor({ timeout: 15_000 });
    // Offline with 10 visits, the session's opening and its first network measure waiting.
    await pendingAgree(VISITS, 2);
    // Today's visits first, under the part of the day they were logged in.
    expect(await page.locator('.visit-group h3').first().textContent()).toMatch(/^Aujourd’hui, (ce matin|cet après-midi|ce soir)$/);
    expect(await page.locator('.visit-run').first().textContent()).toMatch(/ : 0 sur \d+ étapes?, 1 sur \d+ papiers? apportés?$/);
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await unlock();
    await nav(/Annuaire/);
    await heading('Annuaire');
    await audit('directory');
    await page.locator('.place-link').first().click();
    await page.getByRole('heading', { name: 'Signaler une correction' }).waitFor({ timeout: 15_000 });
    await audit('place');
    await nav(/Aujourd’hui/);
    await page.getByRole('button', { name: 'Fermer la session' }).click();
    await page.getByText('Session fermée. Merci !').waitFor();
    // Closed: a second network measure and the closing join the session's opening.
    await pendingAgree(VISITS, 4);
    await nav(/À envoyer/);
    await heading('À envoyer');
    await page.locator('.waiting-count').filter({ hasText: `${VISITS} visites à envoyer et 4 autres éléments` }).waitFor();
    await audit('waiting');
    // Logout is refused while anything waits.
    await page.getByRole('button', { name: 'Déconnecter ce compte de la tablette' }).click();
    await page.getByText(/Déconnexion impossible/).waitFor();

    // Back in coverage: one sync sends everything.
    await setOffline(browser.context, false);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await page.getByText('Tout est envoyé.').waitFor({ timeout: 60_000 });
    // Sent: every visit marked so, nothing counted any more, in the three places.
    await pendingAgree(0, 0);
    expect(await page.locator('.visit-item.visit-sent').count()).toBe(VISITS);

    const staff = await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    const all = await pullAll(staff);
    const users = await api<{ accounts: Array<{ id: string; login: string }> }>('/api/admin/accounts', { token: staff });
    const marie = users.accounts.find((a) => a.login === AIDANT.login)!;
    const visits = all.filter((c) => c.collection === 'visit' && c.op === 'put');
    expect(visits).toHaveLength(VISITS);
    expect(new Set(visits.map((v) => v.id)).size).toBe(VISITS);
    for (const v of visits) {
      expect(v.record?.aidantId).toBe(marie.id);
      expect(v.record?.checklistRuns as unknown[]).toHaveLength(1);
    }
    // The one note reached the server, opened from its sealed box: it rests there apart,
    // encrypted; the replicated visit only says so, and the office reads it on demand.
    const withNote = visits.filter((v) => v.record?.noteState === 'server');
    expect(withNote).toHaveLength(1);
    expect(JSON.stringify(visits)).not.toContain('dossier CAF');
    expect((await api<{ note: string }>(`/api/notes/${withNote[0]!.id}`, { token: staff })).note).toBe(NOTE);
    // And nothing on the tablet ever held it in clear: every IndexedDB store, read back.
    const atRest = await page.evaluate(dumpIndexedDb);
    expect(atRest.length).toBeGreaterThan(1000);
    expect(atRest).not.toContain('dossier CAF');
    // The author still reads it, from the PIN-sealed copy.
    await nav(/Aujourd’hui/);
    await page.getByRole('button', { name: 'Voir ma note' }).click();
    await page.getByText(NOTE).waitFor();
    const sessions = all.filter((c) => c.collection === 'session');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.record?.endedAt).toBeTruthy();
    expect(new Set(visits.map((v) => v.record?.sessionId))).toEqual(new Set([sessions[0]?.id]));
    const coverage = all.filter((c) => c.collection === 'coverage');
    // At opening (offline) and at closing (offline): two observations, once each.
    expect(coverage).toHaveLength(2);
    expect(coverage.map((c) => c.record?.online)).toEqual([false, false]);
    expect(new Set(coverage.map((c) => c.id)).size).toBe(2);

    expect(axeProblems, axeProblems.join('\n\n')).toEqual([]);
  }
}
