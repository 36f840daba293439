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

  test('shows e-mail, website, services, digital access, accessibility, languages, network and who it is for', async () => {
    const place = placeLike({
      id: 'full', name: 'Maison complète', email: 'accueil@exemple.fr', website: 'https://www.exemple.fr/accueil',
      languages: ['fr', 'en'], reseauxPorteurs: ['france-service'],
      digital: { wifi: true, computer: false, printer: undefined, visio: true },
      accessibility: { stepFree: true, parking: false, notes: 'Rampe côté parking.', url: 'https://acceslibre.beta.gouv.fr/x' },
      services: [{ id: 'svc-1', name: 'Aide aux démarches CAF', thematiques: [] }],
    });
    await renderApp('/lieu/full', { data: { places: [place] } });
    await screen.findByRole('heading', { level: 1, name: 'Maison complète' });
    expect(screen.getByRole('link', { name: 'accueil@exemple.fr' }).getAttribute('href')).toBe('mailto:accueil@exemple.fr');
    expect(screen.getByRole('link', { name: /Site internet \(www\.exemple\.fr\)/ }).getAttribute('href')).toBe('https://www.exemple.fr/accueil');
    const pairs = (section: string) =>
      [...(screen.getByRole('heading', { name: section }).closest('section')?.querySelectorAll('dt') ?? [])].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(pairs('Accès au numérique')).toEqual(['Wi-Fi: ✓ oui', 'Ordinateur: ✗ non', 'Imprimante: non connu', 'Rendez-vous en visio: ✓ oui']);
    expect(pairs('Accessibilité')).toEqual(['Entrée sans marche: ✓ oui', 'Parking: ✗ non', 'Boucle magnétique (malentendants): non connu']);
    expect(screen.getByText('Rampe côté parking.').getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('link', { name: 'Fiche accessibilité' }).getAttribute('href')).toBe('https://acceslibre.beta.gouv.fr/x');
    expect(screen.getByText('Aide aux démarches CAF')).toBeTruthy();
    const more = [...document.querySelectorAll('section[aria-labelledby="more-title"] dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(more).toContain('Langues parlées: français, anglais');
    expect(more.some((line) => line.startsWith('Réseau: ') && !line.includes('france-service'))).toBe(true);
  });

  test('an itinerant place shows the next passages of the bus in its commune', async () => {
    // Tour stop in 86078 (Tu[1,3] 09:30-12:00): from Tuesday 1 December 09:00, today first.
    const place = placeLike({ id: 'stop', name: 'Escale du bus', itinerant: true, insee: '86078' });
    await renderApp('/lieu/stop', { data: { places: [place] } });
    await screen.findByRole('heading', { level: 2, name: 'Prochains passages du bus' });
    await screen.findByText(/mardi 1 décembre, de 9\s?h\s?30 à 12\s?h$/, undefined, { timeout: 15_000 });
    expect(screen.getByText(/mardi 15 décembre, de 9\s?h\s?30 à 12\s?h$/)).toBeTruthy();
  });

  test('a fixed place has no bus section', async () => {
    await renderApp('/lieu/place-france-services-gencay');
    await screen.findByRole('heading', { level: 1, name: /France Services de Gençay/ });
    expect(screen.queryByRole('heading', { name: 'Prochains passages du bus' })).toBeNull();
  });
});
