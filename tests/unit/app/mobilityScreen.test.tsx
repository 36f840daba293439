// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { GENCAY, renderApp, seed } from './support';

afterEach(cleanup);

describe('how to get there', () => {
  test('the offers serving the commune first, with who, when to book, the price and the days they run', async () => {
    const base = seed.mobility[0];
    if (!base) throw new Error('seed mobility offer missing');
    const offer = {
      ...base, id: 'offer-gencay', name: 'Navette de Gençay', communesServed: [GENCAY],
      eligibility: { fr: 'Plus de 60 ans' }, booking: { phone: '05 49 00 00 01', notice: { fr: 'La veille avant 12 h' } },
      price: { fr: '2 € le trajet' }, schedule: 'Tu,Th 09:00-12:00',
    };
    const elsewhere = { ...base, id: 'offer-other', name: 'Navette d’ailleurs', communesServed: ['86078'] };
    await renderApp('/trajets', { commune: GENCAY, data: { mobilityOffers: [elsewhere, offer] } });
    const here = (await screen.findByRole('heading', { level: 2, name: 'Solutions à Gençay' })).closest('section');
    expect(here?.querySelector('h3')?.textContent).toContain('Navette de Gençay');
    const pairs = [...(here?.querySelectorAll('dt') ?? [])].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(pairs).toContain('Pour qui: Plus de 60 ans');
    expect(pairs).toContain('Quand réserver: La veille avant 12 h');
    expect(pairs).toContain('Prix: 2 € le trajet');
    expect(screen.getByRole('link', { name: /Réserver au 05 49 00 00 01/ }).getAttribute('href')).toBe('tel:0549000001');
    // The days it runs, as a week in plain words, not the opening_hours code.
    expect(here?.querySelector('h4')?.textContent).toBe('Jours et horaires');
    await screen.findByText(/mardi \(aujourd’hui\)/, undefined, { timeout: 15_000 });
    const rows = [...(here?.querySelectorAll('table.week tr') ?? [])].map((tr) => tr.textContent ?? '');
    expect(rows.find((r) => r.startsWith('jeudi'))).toMatch(/9\s?h.*12\s?h/);
    expect(rows.find((r) => r.startsWith('lundi'))).toContain('Fermé');
    expect(screen.getByRole('heading', { level: 2, name: 'Autres solutions du territoire' }).closest('section')?.textContent).toContain('Navette d’ailleurs');
  });
});
