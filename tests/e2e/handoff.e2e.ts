/**
 * Issue 22, item 3, end to end in Chromium: the hand-off sheet with no network. An aidant
 * signs in online once, the tablet goes offline and the app reopens from scratch; from a
 * place of the directory, then from a finished checklist, the aidant opens the sheet: the
 * place's name, address, phone and hours, what to bring, and a QR code of the place's
 * public page drawn on the tablet, its address written out. Printed to PDF by Chromium
 * (print stylesheet, A4), the sheet is one page. The page the QR code names opens on that
 * place. axe-core audits the sheet; it is reached and left by keyboard.
 *
 * `ESCALE_SHOTS=dir` saves a screenshot of the sheet and the PDFs there (not committed).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe';
import { aidantHeading, firstAidantSignIn, unlockAidant } from '../support/aidantSteps';
import { browserAvailable, launchChromium, type LaunchedChromium } from '../support/chromium';
import { setOffline } from '../support/network';
import { startEscaleServer, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD, type EscaleServer } from '../support/server';
import { civraisienEnPoitouSeed as seed } from '../../src/territories/civraisien-en-poitou/seed';
import { serverApi } from '../support/serverApi';

const AIDANT = { login: 'jeanne.aidante', displayName: 'Jeanne Aidante', password: 'aidant-password-2', pin: '5931' };
const GENCAY = seed.places.find((p) => p.id === 'place-france-services-gencay')!;
// The checklist with the most papers to bring, several of them long: the hardest to fit on one page.
const LONGEST = [...seed.checklists].sort((a, b) => b.documents.map((d) => d.label.fr).join('').length - a.documents.map((d) => d.label.fr).join('').length)[0]!;
const shotsDir = process.env.ESCALE_SHOTS;

let server: EscaleServer;
let browser: LaunchedChromium;
let page: Page;

const api = serverApi(() => server.url);

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** Chromium's print of the page as it is now, A4 as the stylesheet asks, and its page count. */
async function printed(name: string): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  if (shotsDir) {
    await mkdir(shotsDir, { recursive: true });
    await writeFile(join(shotsDir, `${name}.pdf`), pdf);
    await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
  }
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdfPageCount(pdf);
}

/** In the print stylesheet: only the sheet shows, its text large. */
async function printLayout(): Promise<{ hidden: string[]; bodyPt: number; titlePt: number; qrVisible: boolean }> {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate(() => {
    const shown = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].some((e) => e.getClientRects().length > 0);
    const hidden = ['.app-header', '.network-status', '.aidant-bar', '.aidant-nav', 'main .button'].filter((sel) => !shown(sel));
    const pt = (sel: string) => parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize) * 0.75;
    return { hidden, bodyPt: pt('.handoff-hours li, .handoff-facts p'), titlePt: pt('.handoff-sheet h1'), qrVisible: shown('.handoff-qr svg') };
  });
  // Back to no emulation (not 'screen', which page.pdf() would then print with).
  await page.emulateMedia({ media: null });
  return out;
}

/** The sheet's facts, as the tablet shows them with no network. */
async function checkSheet(name: string): Promise<void> {
  await aidantHeading(page, GENCAY.name);
  const sheet = page.locator('.handoff-sheet');
  expect((await sheet.locator('.handoff-address').textContent())?.trim()).toBe(GENCAY.address);
  expect((await sheet.locator('.handoff-phone').textContent())?.trim()).toBe(GENCAY.phone);
  await sheet.locator('.handoff-hours li').first().waitFor({ timeout: 30_000 });
  const hours = await sheet.locator('.handoff-hours li').allTextContents();
  // Mo-Fr 08:00-12:00,13:30-16:30; PH off: days that read the same share a line (a public
  // holiday this week would be a line of its own).
  expect(hours[0]).toMatch(/^(du lundi au vendredi|lundi) : 8\sh\s–\s12\sh, 13\sh\s30\s–\s16\sh\s30$/);
  expect(hours.at(-1)).toMatch(/^(samedi et dimanche|dimanche) : fermé$/);
  const url = `${server.url}/lieu/${GENCAY.id}`;
  expect((await sheet.locator('.handoff-url').textContent())?.trim()).toBe(url);
  const qr = sheet.getByRole('img', { name: `QR code qui ouvre la page de ${GENCAY.name} : ${url}` });
  await qr.waitFor({ timeout: 15_000 });
  expect(await qr.evaluate((svg) => svg.tagName.toLowerCase() + ':' + (svg.querySelector('path')?.getAttribute('d')?.length ?? 0) )).toMatch(/^svg:\d{4,}$/);
  const violations = await runAxe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  // Large enough to tap: the sheet's buttons.
  for (const button of await page.locator('.handoff .button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const layout = await printLayout();
  expect(layout.hidden).toEqual(['.app-header', '.network-status', '.aidant-bar', '.aidant-nav', 'main .button']);
  expect(layout.bodyPt).toBeGreaterThanOrEqual(14);
  expect(layout.titlePt).toBeGreaterThanOrEqual(24);
  expect(layout.qrVisible).toBe(true);
  expect(await printed(name)).toBe(1);
}

describe.skipIf(!browserAvailable())('aidant hand-off sheet: QR code and one printed page, offline', () => {
  beforeAll(async () => {
    server = await startEscaleServer();
    const admin = (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { login: TEST_ADMIN_LOGIN, password: TEST_ADMIN_PASSWORD, clientId: randomUUID() } })).token;
    await api('/api/admin/accounts', { method: 'POST', token: admin, body: { login: AIDANT.login, displayName: AIDANT.displayName, password: AIDANT.password, role: 'aidant' } });
    browser = await launchChromium({ viewport: { width: 1024, height: 768 } });
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

  test('from a place and from a checklist, with no network: the facts, the QR code of the public page, one A4 page', async () => {
    await firstAidantSignIn(page, server.url, AIDANT);
    await setOffline(browser.context, true);
    await page.reload({ waitUntil: 'load' });
    await unlockAidant(page, AIDANT);

    // From the directory's place view, by keyboard.
    await page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name: 'Annuaire' }).click();
    await aidantHeading(page, 'Annuaire');
    await page.locator('#directory-search').fill('Gençay');
    await page.locator(`a[href="/aidant/lieu/${GENCAY.id}"]`).click();
    const open = page.getByRole('button', { name: 'Fiche à remettre : QR code et impression' });
    await open.focus();
    await page.keyboard.press('Enter');
    await checkSheet('handoff-place');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('handoff-title');
    await page.getByRole('button', { name: 'Retour' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Signaler une correction' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('handoff-open');

    // From a checklist gone through with the person: what to bring, the missing papers said.
    await page.getByRole('navigation', { name: 'Menu de l’espace aidant' }).getByRole('link', { name: 'Démarche' }).click();
    await aidantHeading(page, 'Démarche avec une personne');
    await page.getByRole('button', { name: LONGEST.title.fr, exact: true }).click();
    await page.locator('.checklist-docs input[type=checkbox]').first().check();
    await page.getByRole('button', { name: `Fiche à remettre pour ${GENCAY.name}` }).click();
    const bring = page.getByRole('region', { name: `À apporter pour « ${LONGEST.title.fr} »` });
    await bring.waitFor();
    expect(await bring.locator('li').allTextContents()).toEqual(LONGEST.documents.map((d, i) => (i === 0 ? d.label.fr : `${d.label.fr} (manquait aujourd’hui)`)));
    await checkSheet('handoff-checklist');
    await page.getByRole('button', { name: 'Retour' }).click();
    await aidantHeading(page, LONGEST.title.fr);
    expect(await page.locator('.checklist-docs input[type=checkbox]').first().isChecked()).toBe(true);

    // What the inhabitant's phone opens: the public page of that place.
    await setOffline(browser.context, false);
    const phone = await browser.context.newPage();
    await phone.goto(`${server.url}/lieu/${GENCAY.id}`, { waitUntil: 'load' });
    await phone.locator('main h1').filter({ hasText: GENCAY.name }).waitFor({ timeout: 30_000 });
    await phone.close();
  });
});
