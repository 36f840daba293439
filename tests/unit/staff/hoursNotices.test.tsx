// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { lang } from '../../../src/app/i18n/i18n';
import { importDataInclusion } from '../../../src/shared/datainclusion/importDataInclusion';
import { COMPLETE_FILE, COMPLETE_STRUCTURE, INVALID_STRUCTURES } from '../datainclusion/support/v1Records';
import { createMemoryStaff, renderStaff, seed } from './memoryStaff';

// The place editor says what the import report says: hours not written in OSM syntax are
// « à vérifier » (kept as written, never rewritten), and a rule with SH reaches past the
// territory's school calendar. The transfer screen names record id, field and reason for
// every refusal and warning.

afterEach(() => {
  cleanup();
  lang.value = 'fr';
});

const base = seed.places[0]!;
/** The hours check is loaded on first use (a dynamic import): slow on a loaded machine. */
const SLOW = { timeout: 20_000 };
const calendarEnd = seed.territory.schoolHolidays.reduce((end, p) => (p.to > end ? p.to : end), '');
const longDate = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

async function openPlace(openingHours: string) {
  const place = { ...base, id: 'lieu-horaires-a-verifier', name: 'Lieu aux horaires à vérifier', openingHours };
  const memory = createMemoryStaff({ records: { place: [place] } });
  renderStaff(`/bureau/lieux/${place.id}`, memory.staff);
  await screen.findByRole('heading', { level: 1, name: `Modifier : ${place.name}` });
  return { ...memory, place };
}

describe('place editor: hours « à vérifier » and the school calendar', () => {
  test('hours not in OSM syntax are shown as written with « À vérifier » and the reasons; saving another field keeps them unchanged', async () => {
    const { calls, place } = await openPlace('Lu-Ve 9h-12h');
    const input = screen.getByLabelText(/^Horaires/) as HTMLInputElement;
    expect(input.value).toBe('Lu-Ve 9h-12h');
    const notice = await screen.findByText(/^⚠ À vérifier : ces horaires ne sont pas écrits au format OpenStreetMap\. Ils sont gardés tels quels, sans correction\. Détail : /, {}, SLOW);
    expect(notice.textContent).toMatch(/"Mo" pour "lu"/);
    expect(input.getAttribute('aria-describedby')).toContain(notice.id);
    fireEvent.input(screen.getByLabelText('Téléphone'), { target: { value: '05 49 00 00 00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ kind: 'edit', id: place.id, patch: { phone: '05 49 00 00 00' } });
    expect(Object.keys(calls[0]!.patch!)).toEqual(['phone']);
    expect(input.value).toBe('Lu-Ve 9h-12h');
  });

  test('OSM hours without SH carry no notice', async () => {
    await openPlace('Mo-Fr 09:00-12:00');
    await screen.findByText('✓ Horaires lisibles.', {}, SLOW);
    expect(screen.queryByText(/À vérifier/)).toBeNull();
    expect(screen.queryByText(/vacances scolaires/)).toBeNull();
  });

  test('a rule with SH says where the territory’s school calendar ends (French, then English)', async () => {
    expect(calendarEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await openPlace('Mo-Fr 09:00-12:00; SH off');
    await screen.findByText(`⚠ Ces horaires dépendent des vacances scolaires (SH) : le calendrier scolaire du territoire s’arrête le ${longDate(calendarEnd, 'fr-FR')}. Après cette date, ils seront affichés « à confirmer ».`, {}, SLOW);
    cleanup();
    lang.value = 'en';
    await openPlace('Mo-Fr 09:00-12:00; SH off');
    await screen.findByText(`⚠ These hours depend on school holidays (SH): the territory’s school calendar ends on ${longDate(calendarEnd, 'en-GB')}. After that date they will be shown “to be confirmed”.`, {}, SLOW);
  });
});

describe('transfer screen: every refusal and warning names record id, field and reason', () => {
  test('a file with warnings and refusals: each line of the report is one issue, with its record, field and reason', async () => {
    const refused = INVALID_STRUCTURES.slice(0, 4).map((c) => c.record);
    const file = { structures: [COMPLETE_STRUCTURE, ...refused], services: COMPLETE_FILE.services };
    const expected = importDataInclusion(JSON.parse(JSON.stringify(file)), {
      territoryId: seed.territory.id, communes: seed.territory.communes, existingPlaces: seed.places, today: '2026-12-01',
    });
    const issues = expected.records.flatMap((r) => r.issues);
    expect(issues.filter((i) => i.level === 'refus').length).toBeGreaterThanOrEqual(4);
    expect(issues.some((i) => i.level === 'avertissement')).toBe(true);

    const { staff, calls } = createMemoryStaff();
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    const input = screen.getByLabelText(/Fichier JSON data·inclusion/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(file)], 'lieux.json', { type: 'application/json' })], configurable: true });
    fireEvent.change(input);
    const table = (await screen.findByText(/^Aperçu : 1 lieu\(x\) à importer sur 5/, { selector: 'caption' })).closest('table')!;
    const shown = within(table).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(shown).toHaveLength(issues.length);
    for (const issue of issues) {
      const line = shown.find((text) => text.includes(`« ${issue.recordId} »`) && text.includes(` · ${issue.field} : ${issue.reason}`));
      expect(line, `${issue.recordId} ${issue.field}`).toBeDefined();
      if (issue.level === 'refus') expect(line).toMatch(/\(refusé\)\.$/);
    }
    // The service's hours in a non-OSM syntax: kept, named « à vérifier ».
    expect(shown).toContainEqual(expect.stringMatching(/^service « dora--droits-civray » · horaires_accueil : « Lu-Ve 9h-12h » n'est pas écrit au format OpenStreetMap .*« à vérifier »\.$/));
    for (const c of INVALID_STRUCTURES.slice(0, 4)) {
      const row = within(table).getByRole('rowheader', { name: String(c.record.nom ?? c.record.id) }).closest('tr')!;
      expect(within(row).getByText('Invalide')).toBeTruthy();
      expect(row.textContent).toContain(`structure « ${String(c.record.id)} » · ${c.field} : `);
    }
    expect(calls).toEqual([]);
  });
});
