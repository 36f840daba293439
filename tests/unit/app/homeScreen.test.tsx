// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { GENCAY, placeLike, renderApp } from './support';

afterEach(cleanup);

const places = [
  placeLike({ id: 'papers-place', name: 'Lieu papiers', thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'] }),
  placeLike({ id: 'health-place', name: 'Lieu santé', thematiques: ['sante--acces-aux-soins'], lat: 46.4, lon: 0.4 }),
  placeLike({ id: 'jobs-place', name: 'Lieu emploi', thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'], lat: 46.2, lon: 0.3 }),
];

describe('home: nearest places and the need filter', () => {
  test('lists places nearest first from the remembered commune, and filters by need', async () => {
    await renderApp('/', { data: { places }, commune: GENCAY });
    await screen.findByText('Vous êtes à Gençay.');
    const list = () => [...document.querySelectorAll('.place-list .place-name')].map((n) => n.textContent);
    expect(list()).toEqual(['Lieu papiers', 'Lieu santé', 'Lieu emploi']);
    // The first is in Gençay itself; the others are measured as the crow flies.
    expect(screen.getAllByText('À moins d’1 km')).toHaveLength(1);
    expect(screen.getAllByText(/km à vol d’oiseau/)).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Santé' }));
    await waitFor(() => expect(list()).toEqual(['Lieu santé']));
    expect(screen.getByRole('button', { name: 'Santé' }).getAttribute('aria-pressed')).toBe('true');
    expect(location.search).toBe('?besoin=health');

    fireEvent.click(screen.getByRole('button', { name: 'Tout' }));
    await waitFor(() => expect(list()).toHaveLength(3));
  });

  test('shows whether each place is open, once the hours module has loaded', async () => {
    await renderApp('/', { data: { places: places.slice(0, 1) }, commune: GENCAY });
    // Tuesday 09:00: Mo-Fr 08:00-12:00,13:30-16:30 → open until 12:00.
    await screen.findByText(/Ouvert jusqu’à 12\s?h$/, undefined, { timeout: 15_000 });
  });

  test('says the data is not on the device yet rather than showing an empty page', async () => {
    await renderApp('/', { data: { territory: undefined } });
    await screen.findByText(/pas encore sur cet appareil/);
  });

  test('says which commune the position found, in a live region that outlives the position button', async () => {
    // The browser's geolocation is the one input faked here: a fix inside Gençay.
    const getCurrentPosition = vi.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 46.370527, longitude: 0.413253 } } as GeolocationPosition));
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    try {
      await renderApp('/', { data: { places } });
      const useButton = await screen.findByRole('button', { name: 'Utiliser ma position' });
      const status = document.querySelector('.where p[role="status"]');
      expect(status?.textContent).toBe('');
      fireEvent.click(useButton);
      fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
      await screen.findByText('Position trouvée : vous êtes à Gençay.');
      // The same element announced it: a region already in the page before the change.
      expect(document.querySelector('.where p[role="status"]')).toBe(status);
      expect(status?.getAttribute('aria-live')).toBe('polite');
      await waitFor(() => expect(document.activeElement?.textContent).toBe('Changer de commune'));

      fireEvent.click(screen.getByRole('button', { name: 'Changer de commune' }));
      await waitFor(() => expect(document.activeElement?.id).toBe('commune-query'));
      expect(status?.textContent).toBe('');
    } finally {
      Reflect.deleteProperty(navigator, 'geolocation');
    }
  });

  test('the focus follows the position steps: the explanation, back to the button, and the refusal', async () => {
    const getCurrentPosition = vi.fn((_ok: PositionCallback, fail?: PositionErrorCallback | null) =>
      fail?.({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' } as GeolocationPositionError));
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    try {
      await renderApp('/', { data: { places } });
      fireEvent.click(await screen.findByRole('button', { name: 'Utiliser ma position' }));
      // The explanation takes the focus, so it is read before the browser asks.
      await waitFor(() => expect(document.activeElement?.textContent).toContain('Votre téléphone va vous demander l’autorisation'));
      fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
      await waitFor(() => expect(document.activeElement?.textContent).toBe('Utiliser ma position'));

      fireEvent.click(screen.getByRole('button', { name: 'Utiliser ma position' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Continuer' }));
      const refused = await screen.findByText('Vous avez refusé la position. Ce n’est pas grave : tapez le nom de votre commune.');
      expect(refused.getAttribute('role')).toBe('status');
      expect(refused.className).toBe('geo-message');
      expect(document.activeElement?.textContent).toBe('Utiliser ma position');
      expect(document.activeElement?.getAttribute('aria-disabled')).toBeNull();
    } finally {
      Reflect.deleteProperty(navigator, 'geolocation');
    }
  });
});
