/**
 * Issue 17, the office side, in a real browser against the real server: a staff member
 * reads a visit's note on demand (/bureau/notes), and the office profile keeps no note:
 * its IndexedDB read back after the session and after logout, and the profile folder's
 * files read raw once the browser is closed, hold no note text (docs/privacy.md).
 */
import { dumpIndexedDb } from '../support/dumpIndexedDb';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { serverApi } from '../support/serverApi';

const PASSWORD = 'bureau-mot-de-passe';
// ASCII, so that it reads the same in every encoding a browser may store it in.
const NOTES = ['Dettes de loyer ZEBRE-7731, rappeler jeudi', 'Fils hospitalise GIRAFE-4408 a Poitiers'];
const MARKERS = ['ZEBRE-7731', 'GIRAFE-4408', 'Dettes de loyer', 'Fils hospitalise'];

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;

const api = serverApi(() => server.url);
const login = (name: string, password: string, clientId = randomUUID()) =>
  api<{ token: string; user: { id: string } }>('/api/auth/login', { body: { login: name, password, clientId } }).then((r) => ({ ...r, clientId }));


/** Every file under `dir`, read as bytes. */
async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && (await stat(path)).size < 200_000_000) out.push({ path, bytes: await readFile(path) });
  }
  return out;
}

/** Where a text appears in the files, in one-byte (Latin-1/UTF-8) or two-byte (UTF-16) form. */
function foundIn(files: Array<{ path: string; bytes: Buffer }>, text: string): string[] {
  const forms = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];
  return files.filter((f) => forms.some((form) => f.bytes.includes(form))).map((f) => f.path);
}

describe.skipIf(!browserAvailable())('office notes: read on demand, never kept (/bureau/notes)', () => {
  const visitIds: string[] = [];
  beforeAll(async () => {
    await mkdir('tests/.artifacts', { recursive: true });
    server = await startEscaleServer();
    const admin = await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    for (const [l, role] of [['bureau-notes', 'staff'], ['aidant-notes', 'aidant']] as const) {
      await api('/api/admin/accounts', { token: admin.token, body: { login: l, displayName: `Compte ${l}`, role, password: PASSWORD } });
    }
    const aidant = await login('aidant-notes', PASSWORD);
    const mutations = NOTES.map((notes, i) => {
      const id = randomUUID();
      visitIds.push(id);
      return {
        id: i + 1, name: 'visit.create@1',
        args: {
          id, territoryId: 'civraisien-en-poitou', aidantId: aidant.user.id, createdAt: new Date(Date.now() - (i + 1) * 3600_000).toISOString(),
          kind: 'individuel', participants: 1, durationMinutes: 20, themes: ['courriels'], procedures: [], autonomy: 'autonome',
          referral: [], ageBand: '60-69', equipment: [], checklistRuns: [], notes,
        },
      };
    });
    await api('/api/sync/push', { token: aidant.token, body: { protocol: 1, clientId: aidant.clientId, mutations } });
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    await installAxe(browser.context);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('a note is read online, shown from memory, audited; IndexedDB and the profile folder hold none, before and after logout', async () => {
    await page.goto(`${server.url}/bureau`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Connexion du bureau' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Identifiant').fill('bureau-notes');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bureau — Civraisien en Poitou' }).waitFor({ timeout: 30_000 });
    await page.locator('.staff-sync', { hasText: /^À jour/ }).waitFor({ timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Menu du bureau' }).getByRole('link', { name: 'Notes de suivi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notes de suivi' }).waitFor({ timeout: 30_000 });
    const reads = page.getByRole('button', { name: 'Lire la note' });
    await expect.poll(() => reads.count(), { timeout: 30_000 }).toBe(2);
    // Before any reading, the replica has the visits (their noteState), not their notes.
    const replica = await page.evaluate(dumpIndexedDb);
    expect(visitIds.every((id) => replica.includes(id))).toBe(true);
    expect(replica.includes('"noteState":"server"')).toBe(true);
    expect(MARKERS.filter((m) => replica.includes(m))).toEqual([]);

    // Newest first: the first row is the first note's visit (an hour ago).
    await reads.first().click();
    const shown = page.getByRole('region', { name: 'Note de suivi' });
    await shown.getByText(NOTES[0]!).waitFor({ timeout: 30_000 });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.screenshot({ path: 'tests/.artifacts/staff-notes.png', fullPage: true });
    const during = await page.evaluate(dumpIndexedDb);
    expect(MARKERS.filter((m) => during.includes(m))).toEqual([]);

    // Each reading is an audit line: who, when, which visit.
    const admin = await login(TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    const audit = await api<{ entries: Array<{ action: string; target: string; actor: { login: string | null }; at: string }> }>('/api/admin/audit', { token: admin.token });
    const read = audit.entries.filter((e) => e.action === 'note.read');
    expect(read.map((e) => [e.actor.login, e.target])).toEqual([['bureau-notes', visitIds[0]]]);

    await page.getByRole('button', { name: 'Masquer la note' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion du bureau' }).waitFor({ timeout: 30_000 });
    const after = await page.evaluate(dumpIndexedDb);
    // Signing out also empties the office's replica (only the device's id stays).
    expect(after.includes(visitIds[0]!)).toBe(false);
    expect(MARKERS.filter((m) => after.includes(m))).toEqual([]);

    // The profile folder, raw, once the browser has closed (IndexedDB's LevelDB files and
    // logs, the HTTP cache, session storage…): not one copy of either note.
    await browser.context.close();
    const files = await filesUnder(browser.userDataDir);
    expect(files.some((f) => f.path.includes('IndexedDB'))).toBe(true);
    // The raw read does see what IndexedDB held, even deleted since (LevelDB's log): the
    // visits' ids are there, their notes never were.
    expect(foundIn(files, visitIds[0]!).some((p) => p.includes('IndexedDB'))).toBe(true);
    for (const marker of MARKERS) expect(foundIn(files, marker)).toEqual([]);
    await rm(browser.userDataDir, { recursive: true, force: true });
  });
});
