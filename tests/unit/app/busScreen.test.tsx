// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { GENCAY, renderApp, seed } from './support';

afterEach(cleanup);

describe('when does the bus come', () => {
  test('lists the next passages in the chosen commune, and says the tour is an example', async () => {
    await renderApp('/bus', { commune: GENCAY });
    await screen.findByRole('heading', { level: 2, name: 'Prochains passages à Gençay' });
    // Gençay: Th[1,3] 09:30-12:00. From Tuesday 1 December 2026: 3 and 17 December, 7 January.
    await screen.findByText(/jeudi 3 décembre, de 9\s?h\s?30 à 12\s?h$/, undefined, { timeout: 15_000 });
    expect(screen.getByText(/jeudi 17 décembre, de 9\s?h\s?30 à 12\s?h$/)).toBeTruthy();
    expect(screen.getAllByText(/ces horaires ne sont pas les vrais/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Centre de Gençay/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Aide pour les papiers').length).toBeGreaterThan(0);
  });

  // Issue 22: the example warning, the notes and what is on board are said once on the
  // screen, not again in each of the other communes' cards.
  test('says once what the tour is, above the communes', async () => {
    await renderApp('/bus', { commune: GENCAY });
    await screen.findByRole('heading', { level: 2, name: 'Prochains passages à Gençay' });
    expect(screen.getAllByText(/ces horaires ne sont pas les vrais/)).toHaveLength(1);
    const notes = seed.tours[0]!.notes!.fr;
    expect(screen.getAllByText(notes)).toHaveLength(1);
    expect(document.querySelectorAll('details.card').length).toBeGreaterThan(10);
    for (const card of document.querySelectorAll('details.card')) expect(card.textContent).not.toContain('ces horaires ne sont pas les vrais');
    // Above the chosen commune's passages, where the end-to-end flow reads it.
    expect(document.querySelector('section[aria-labelledby="bus-here"]')?.textContent).toContain('ces horaires ne sont pas les vrais');
  });

  test('without a commune, says once what the tour is, above the communes', async () => {
    await renderApp('/bus');
    await screen.findByText(/Choisissez votre commune/);
    expect(screen.getAllByText(/ces horaires ne sont pas les vrais/)).toHaveLength(1);
    expect(document.querySelector('section[aria-labelledby="bus-others"]')?.textContent).toContain('ces horaires ne sont pas les vrais');
  });

  test('without a commune, asks for one', async () => {
    await renderApp('/bus');
    await screen.findByText(/Choisissez votre commune/);
  });
});
