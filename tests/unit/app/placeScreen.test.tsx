// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { placeLike, renderApp } from './support';

afterEach(cleanup);

describe('a place page', () => {
  test('an unverified place says "À confirmer", and the phone is a big call link', async () => {
    const place = placeLike({ id: 'unverified', name: 'Maison pas vérifiée', verifiedAt: '', phone: '05 49 00 00 00' });
    await renderApp('/lieu/unverified', { data: { places: [place] } });
    await screen.findByRole('heading', { level: 1, name: 'Maison pas vérifiée' });
    expect(screen.getAllByText('À confirmer').length).toBeGreaterThan(0);
    expect(screen.getByText(/n’ont pas encore été vérifiées/)).toBeTruthy();
    const call = screen.getByRole('link', { name: /Appeler le 05 49 00 00 00/ });
    expect(call.getAttribute('href')).toBe('tel:0549000000');
  });

  test('a verified place shows its date, its week with today marked, and directions', async () => {
    await renderApp('/lieu/place-france-services-gencay');
    await screen.findByRole('heading', { level: 1, name: /France Services de Gençay/ });
    expect(screen.getAllByText(/Vérifié le 22 novembre 2026/).length).toBeGreaterThan(0);
    const today = await screen.findByText(/mardi \(aujourd’hui\)/, undefined, { timeout: 15_000 });
    expect(today.closest('tr')?.getAttribute('aria-current')).toBe('date');
    expect(screen.getByRole('link', { name: /Ouvrir dans mon application de cartes/ }).getAttribute('href')).toMatch(/^geo:46\.370527,0\.413253/);
    expect(screen.getByRole('link', { name: /Itinéraire sur OpenStreetMap/ }).getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions/);
    // The share card carries the essentials as plain text.
    expect(document.querySelector('.share-card pre')?.textContent).toContain('Tél. 05 16 83 80 86');
  });

  test('an unknown id says so', async () => {
    await renderApp('/lieu/nope');
    await screen.findByText(/n’existe pas/);
  });
});
