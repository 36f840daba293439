// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { computeIndicators } from '../../../src/shared/indicators/computeIndicators';
import { visitsToCsv } from '../../../src/shared/indicators/visitsToCsv';
import { presetPeriod } from '../../../src/app/staff/indicators/periodPresets';
import { communes, coverage, NOTE, PERIOD, sessions, tours, visits } from '../indicators/fixtures';
import { createMemoryStaff, renderStaff } from './memoryStaff';

afterEach(cleanup);

function setup() {
  const twin = createMemoryStaff({ records: { visit: visits, session: sessions, coverage, tour: tours } });
  renderStaff('/bureau/indicateurs', twin.staff);
  return twin;
}

const setPeriod = (from: string, to: string) => {
  fireEvent.input(screen.getByLabelText('Du'), { target: { value: from } });
  fireEvent.input(screen.getByLabelText('Au'), { target: { value: to } });
};

describe('indicators screen', () => {
  // Issue 22: a wide table scrolls in a box a keyboard can reach (axe scrollable-region-focusable).
  test('every table scrolls in a named group in the tab order', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Indicateurs' });
    setPeriod(PERIOD.from, PERIOD.to);
    await waitFor(() => expect(document.querySelectorAll('.staff-table-wrap').length).toBeGreaterThan(3));
    for (const wrap of document.querySelectorAll<HTMLElement>('.staff-table-wrap')) {
      const caption = wrap.querySelector('caption')?.textContent ?? '';
      expect(wrap.getAttribute('role')).toBe('group');
      expect(wrap.tabIndex).toBe(0);
      expect(wrap.getAttribute('aria-label')).toBe(`Tableau : ${caption}`);
    }
    expect(screen.getByRole('group', { name: 'Tableau : Visites par commune de résidence' })).toBeTruthy();
  });

  test('shows the figures computed from the replicated visits, sessions and coverage', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Indicateurs' });
    setPeriod(PERIOD.from, PERIOD.to);
    const expected = computeIndicators({ visits, sessions, coverage, communes, tours, territoryId: 'civraisien-en-poitou', ...PERIOD });
    await waitFor(() => expect(screen.getByTestId('total-visits').textContent).toBe(String(expected.totals.visits)));
    expect(screen.getByTestId('total-people').textContent).toBe(String(expected.totals.peopleHelped));
    expect(screen.getByTestId('total-first').textContent).toBe(String(expected.totals.firstVisits));
    expect(screen.getByTestId('total-sessions').textContent).toBe(String(expected.totals.sessions));

    // Visits by month: one bar per month with its figure written.
    const months = screen.getByRole('list', { name: 'Visites par mois' });
    const items = within(months).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.bar-value')?.textContent)).toEqual(expected.byMonth.map((m) => String(m.visits)));

    // By commune: the table and the map, each commune with visits labelled with its number.
    const civray = expected.byCommune.find((c) => c.insee === '86078')!;
    const table = screen.getByText('Visites par commune de résidence', { selector: 'caption' }).closest('table')!;
    const row = within(table).getByRole('rowheader', { name: 'Civray' }).closest('tr')!;
    expect(row.textContent).toContain(String(civray.visits));
    // The residence not said is named by the staff catalogue.
    const unsaid = expected.byCommune.find((c) => c.insee === 'unknown');
    if (unsaid && unsaid.visits > 0) expect(within(table).getByRole('rowheader', { name: 'Non renseignée' }).closest('tr')!.textContent).toContain(String(unsaid.visits));
    const map = document.querySelector('#map-visits-title')!.closest('figure')!;
    expect(map.querySelector('path[data-insee="86078"] title')?.textContent).toBe(`Civray : ${civray.visits} visites`);
    expect(map.querySelectorAll('path').length).toBe(communes.length);

    // White zones: every observed commune is in the table with its share and a word.
    const cov = screen.getByText(/Zones blanches/, { selector: 'caption' }).closest('table')!;
    for (const c of expected.coverage) expect(within(cov).getByRole('rowheader', { name: c.name })).toBeTruthy();
    const white = expected.coverage.find((c) => c.whiteZone);
    if (white) expect(within(cov).getByRole('rowheader', { name: white.name }).closest('tr')!.textContent).toContain('⚠ oui');

    // Per stop: people and the average per session.
    const stops = screen.getByText('Personnes aidées par escale', { selector: 'caption' }).closest('table')!;
    expect(within(stops).getAllByRole('row')).toHaveLength(expected.perStop.length + 1);
  });

  test('a reversed period is refused in words; presets set the period', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Indicateurs' });
    setPeriod('2026-11-30', '2026-10-01');
    await screen.findByText('La date de début doit être avant la date de fin.');
    fireEvent.click(screen.getByRole('button', { name: 'Ce mois-ci' }));
    await waitFor(() => expect((screen.getByLabelText('Du') as HTMLInputElement).value).toBe('2026-12-01'));
    expect(screen.getByRole('button', { name: 'Ce mois-ci' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('presets', () => {
    expect(presetPeriod('thisMonth', '2026-12-15')).toEqual({ from: '2026-12-01', to: '2026-12-15' });
    expect(presetPeriod('last3', '2026-02-10')).toEqual({ from: '2025-12-01', to: '2026-02-10' });
    expect(presetPeriod('thisYear', '2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-02-10' });
  });

  test('the CSV export never carries the follow-up notes', () => {
    expect(visits.some((v) => v.notes === NOTE)).toBe(true);
    const csv = visitsToCsv(visits, { communes, sessions, lang: 'fr' });
    expect(csv).not.toContain('Dupont');
    expect(csv).not.toContain('06 12 34 56 78');
    expect(csv.split('\r\n')[0]).not.toMatch(/note/i);
  });
});
