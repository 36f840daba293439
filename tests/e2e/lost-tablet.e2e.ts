/**
 * Issue 17, a lost tablet, in Chromium against the real server: an aidant signs in, logs a
 * visit with a note offline; the office revokes the device through the admin API; at the
 * tablet's next contact the server refuses it (its waiting visit included: a revoked
 * device sends nothing), and the tablet wipes its aidants' data and says so. Its whole
 * IndexedDB, read back, holds nothing of the aidant: no visit, note box, profile, token or
 * device id; the public directory is pulled again (docs/privacy.md, "What a lost tablet reveals").
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe';
import { firstAidantSignIn, aidantHeading } from '../support/aidantSteps';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { dumpIndexedDb } from '../support/dumpIndexedDb';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { serverApi } from '../support/serverApi';

const AIDANT = { login: 'lea.perdue', displayName: 'Léa Tablette', password: 'aidant-password-17', pin: '5093' };
const NOTE = 'Dossier MANGOUSTE-5521 pour la retraite';

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;

const api = serverApi(() => server.url);

interface Dumped { db: string; store: string; rows: Array<Record<string, unknown>> }

describe.skipIf(!browserAvailable())('lost tablet: revoked in the office, wiped at its next contact', () => {
  let adminToken = '';
  let aidantId = '';
  beforeAll(async () => {
    server = await startEscaleServer();
    adminToken = (await api<{ token: string }>('/api/auth/login', { body: { login: TEST_ADMIN_LOGIN, password: TEST_ADMIN_PASSWORD, clientId: randomUUID() } })).token;
    aidantId = (await api<{ user: { id: string } }>('/api/admin/accounts', { token: adminToken, body: { ...AIDANT, role: 'aidant' } })).user.id;
    browser = await launchChromium({ viewport: { width: 820, height: 1180 } });
    await installAxe(browser.context);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('the server refuses it, the tablet wipes its aidant data and says so', async () => {
    await firstAidantSignIn(page, server.url, AIDANT);
    // Offline, a visit with a note: it waits in the outbox, its note in two boxes.
    await setOffline(browser.context, true);
    await page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name: /Visite/ }).click();
    await aidantHeading(page, 'Noter une visite');
    await page.getByRole('button', { name: 'Démarche en ligne' }).click();
    await page.getByRole('button', { name: 'Fait avec elle' }).click();
    await page.locator('#visit-notes').fill(NOTE);
    await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await page.getByText('Visite enregistrée. Prête pour la suivante.').waitFor({ timeout: 15_000 });

    const before = JSON.parse(await page.evaluate(dumpIndexedDb)) as Dumped[];
    const outbox = before.find((s) => s.db === 'escale' && s.store === 'outbox')!.rows;
    expect(outbox).toHaveLength(1);
    const visitId = (outbox[0]!.args as { id: string }).id;
    const clientId = before.find((s) => s.db === 'escale' && s.store === 'meta')!.rows.find((r) => r.key === 'clientId')!.value as string;
    const profile = before.find((s) => s.db === 'escale-aidant-profiles')!.rows[0] as { token: string };
    const secrets = [aidantId, AIDANT.login, AIDANT.displayName, visitId, clientId, profile.token, 'sealedNotes', 'MANGOUSTE'];
    const text = JSON.stringify(before);
    // What the tablet held of the aidant before (so the read below can see it).
    expect(secrets.filter((s) => !text.includes(s))).toEqual(['MANGOUSTE']);

    // The office revokes the tablet (lost); the tablet comes back in coverage.
    const devices = await api<{ devices: Array<{ clientId: string; login: string }> }>('/api/admin/devices', { token: adminToken });
    expect(devices.devices.map((d) => d.clientId)).toContain(clientId);
    await api(`/api/admin/devices/${clientId}/revoke`, { token: adminToken, body: {} });
    await setOffline(browser.context, false);
    await page.reload({ waitUntil: 'load' });

    const notice = page.getByRole('alert', { name: 'Tablette retirée par le bureau' });
    await notice.waitFor({ timeout: 60_000 });
    await notice.getByText('1 changement(s) pas encore envoyé(s) ont été effacés').waitFor();
    await aidantHeading(page, 'Connexion de l’aidant');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    // As a public device, the directory comes back.
    await page.getByText(/informations à jour/i).first().waitFor({ timeout: 60_000 });

    const after = await page.evaluate(dumpIndexedDb);
    expect(secrets.filter((s) => after.includes(s))).toEqual([]);
    const stores = JSON.parse(after) as Dumped[];
    for (const store of ['outbox', 'pendingEdits', 'conflicts', 'rejections']) {
      expect(stores.find((s) => s.db === 'escale' && s.store === store)!.rows).toEqual([]);
    }
    expect(stores.filter((s) => s.db.startsWith('escale-aidant')).flatMap((s) => s.rows)).toEqual([]);
    expect(stores.find((s) => s.db === 'escale' && s.store === 'rows')!.rows.some((r) => r.collection === 'place')).toBe(true);

    // What the server holds: the refused visit never arrived (a revoked device sends nothing).
    const pulled = await api<{ changes: Array<{ collection: string }> }>('/api/sync/pull?limit=5000', { token: adminToken });
    expect(pulled.changes.filter((c) => c.collection === 'visit')).toEqual([]);
  });
});
