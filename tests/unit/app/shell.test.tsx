// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { applyLanguage } from '../../../src/app/i18n/i18n';
import { describeStatus } from '../../../src/app/ui/NetworkStatus';
import { renderApp } from './support';

afterEach(async () => {
  cleanup();
  await applyLanguage('fr');
});

describe('the shell', () => {
  test('shows the network state calmly, in a status region', async () => {
    await renderApp('/', { status: { kind: 'offline', pending: 0 } });
    const line = await screen.findByText('Hors connexion — vos données sont gardées sur l’appareil.');
    expect(line.closest('[role="status"]')).toBeTruthy();
  });

  test('status words never rely on colour alone', () => {
    expect(describeStatus({ kind: 'actionNeeded', reason: 'storageFull', count: 0 }, true)).toMatchObject({ icon: 'warning' });
    expect(describeStatus({ kind: 'syncing', pending: 2 }, true).text).toBe('Mise à jour des informations…');
    expect(describeStatus(undefined, false).text).toMatch(/^Hors connexion/);
  });

  test('a space\'s own count of what waits is said after the state, instead of the generic count', () => {
    const detail = '3 visites à envoyer et 2 autres éléments.';
    expect(describeStatus({ kind: 'offline', pending: 5 }, false, detail).text).toBe(`Hors connexion — vos données sont gardées sur l’appareil. ${detail}`);
    expect(describeStatus({ kind: 'pending', pending: 5 }, true, detail)).toMatchObject({ text: detail, icon: 'sync' });
    expect(describeStatus({ kind: 'pending', pending: 5 }, true).text).toBe('5 changement(s) en attente d’envoi.');
  });

  test('switches to English, keeps the choice, and updates <html lang>', async () => {
    const { services } = await renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Read in English' }));
    await screen.findByRole('heading', { level: 1, name: 'Find help near you' }, { timeout: 10_000 });
    expect(document.documentElement.lang).toBe('en');
    await waitFor(async () => expect(await services.preferences.getLanguage()).toBe('en'));
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
  });

  test('the aidant and staff spaces open as their own routes, not as an unknown page', async () => {
    // Their screens are tested in tests/unit/aidant and tests/unit/staff; here only the routing.
    for (const url of ['/aidant', '/bureau']) {
      await renderApp(url);
      const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
      expect(heading.textContent).not.toBe('Page introuvable');
      cleanup();
    }
  });
});
