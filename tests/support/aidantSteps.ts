import type { Page } from 'playwright-core';
import { waitForServiceWorkerControl } from './serviceWorker';

// The aidant's steps that several browser tests share: the first sign-in on a tablet
// (online, once) and the PIN unlock (offline, every time).

export interface AidantAccount {
  login: string;
  password: string;
  displayName: string;
  pin: string;
}

/** Waits for the screen's main heading. */
export async function aidantHeading(page: Page, text: RegExp | string): Promise<void> {
  await page.locator('main h1').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Online: opens /aidant, waits for the app and the directory on the device, signs in and
 * chooses the PIN, then waits for the aidant's scope to be pulled. `checkpoint` runs on
 * the sign-in and PIN screens (axe, screenshots).
 */
export async function firstAidantSignIn(
  page: Page, baseUrl: string, aidant: AidantAccount, checkpoint: (label: string) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(`${baseUrl}/aidant`, { waitUntil: 'load' });
  await waitForServiceWorkerControl(page);
  await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 90_000 });
  await aidantHeading(page, 'Connexion de l’aidant');
  await checkpoint('signin');
  await page.locator('#aidant-login').fill(aidant.login);
  await page.locator('#aidant-password').fill(aidant.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await aidantHeading(page, 'Choisissez votre code');
  await checkpoint('choose-pin');
  await page.locator('#pin-new').fill(aidant.pin);
  await page.locator('#pin-confirm').fill(aidant.pin);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  await aidantHeading(page, 'Aujourd’hui');
  // The aidant's scope has been pulled (tours, checklists, places with internal details).
  await page.getByText(/informations à jour/i).first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** The lock screen: types the PIN and waits for the aidant's space. */
/** "Changer d'aidant": the tablet's gate ("Qui utilise la tablette ?"), with its list of aidants. */
export async function openGate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Changer d’aidant' }).click();
  await aidantHeading(page, 'Qui utilise la tablette ?');
}

/** The tablet handed to an aidant who has used it before: the gate, their name, their PIN. */
export async function handOverTo(page: Page, aidant: AidantAccount): Promise<void> {
  await openGate(page);
  await page.getByRole('button', { name: aidant.displayName }).click();
  await unlockAidant(page, aidant);
}

export async function unlockAidant(page: Page, aidant: AidantAccount): Promise<void> {
  await aidantHeading(page, new RegExp(`Bonjour ${aidant.displayName}`));
  await page.locator('#pin-unlock').fill(aidant.pin);
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await page.getByText(`Connecté : ${aidant.displayName}`).waitFor({ timeout: 30_000 });
}
