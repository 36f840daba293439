// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { buildSchedule, parseSchedule } from '../../../src/app/staff/schedule/scheduleString';
import { createMemoryStaff, renderStaff, seed } from './memoryStaff';

afterEach(cleanup);

// The seed's example tour has ~40 stops; two are enough here and keep the test quick.
const tour = { ...seed.tours[0]!, stops: seed.tours[0]!.stops.slice(0, 2) };
const twin = () => createMemoryStaff({ records: { tour: [tour] } });

describe('the schedule form ↔ the opening_hours string', () => {
  test('weekly and monthly forms write the string', () => {
    expect(buildSchedule({ weekday: 'Tu', frequency: '1-3', from: '09:30', to: '12:00', holidaysOff: true })).toBe('Tu[1,3] 09:30-12:00; PH off');
    expect(buildSchedule({ weekday: 'Mo', frequency: 'every', from: '14:00', to: '16:30', holidaysOff: false })).toBe('Mo 14:00-16:30');
    expect(buildSchedule({ weekday: 'Fr', frequency: '2-4', from: '09:00', to: '11:00', holidaysOff: true })).toBe('Fr[2,4] 09:00-11:00; PH off');
    expect(buildSchedule({ weekday: 'We', frequency: 'last', from: '10:00', to: '12:00', holidaysOff: false })).toBe('We[-1] 10:00-12:00');
    expect(buildSchedule({ weekday: 'We', frequency: 'last', from: '12:00', to: '10:00', holidaysOff: false })).toBeUndefined();
  });

  test('and read it back; richer strings are left to the text field', () => {
    for (const s of ['Tu[1,3] 09:30-12:00; PH off', 'Mo[2] 14:00-16:00; PH off', 'Mo 14:00-16:30', 'Fr[2,4] 09:00-11:00; PH off', 'We[-1] 10:00-12:00']) {
      expect(buildSchedule(parseSchedule(s)!)).toBe(s);
    }
    expect(parseSchedule('Mo-Fr 09:00-12:00,14:00-17:00')).toBeUndefined();
    expect(parseSchedule('Tu[1,3] 12:00-09:30')).toBeUndefined();
  });

  test('in the tour form: the simple fields write the string, the string is checked live with the next passages', async () => {
    const { staff } = twin();
    renderStaff(`/bureau/tournees/${tour.id}`, staff);
    await screen.findByRole('heading', { level: 1, name: (n: string) => n.includes(tour.name) });
    const text = screen.getAllByLabelText(/Horaires écrits/)[0] as HTMLInputElement;
    fireEvent.change(screen.getAllByLabelText('Jour')[0]!, { target: { value: 'Th' } });
    fireEvent.change(screen.getAllByLabelText('Fréquence')[0]!, { target: { value: '2-4' } });
    fireEvent.input(screen.getAllByLabelText('De')[0]!, { target: { value: '09:30' } });
    fireEvent.input(screen.getAllByLabelText('À')[0]!, { target: { value: '12:00' } });
    await waitFor(() => expect(text.value).toMatch(/^Th\[2,4\] 09:30-12:00/));
    await screen.findAllByText(/Prochains passages/, {}, { timeout: 10_000 });
    // Typed directly: a bad string is refused in words, a good one fills the simple form.
    fireEvent.input(text, { target: { value: 'Tu[1,3] 25:00-12:00' } });
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/Horaires illisibles/).length).toBeGreaterThan(0);
    fireEvent.input(text, { target: { value: 'Fr[-1] 10:00-11:00' } });
    await waitFor(() => expect((screen.getAllByLabelText('Jour')[0] as HTMLSelectElement).value).toBe('Fr'));
    expect((screen.getAllByLabelText('Fréquence')[0] as HTMLSelectElement).value).toBe('last');
  }, 60_000);

  test('saving a tour with an unreadable schedule writes nothing and says which stop', async () => {
    const { staff, calls } = twin();
    renderStaff(`/bureau/tournees/${tour.id}`, staff);
    await screen.findByRole('heading', { level: 1, name: (n: string) => n.includes(tour.name) });
    const text = screen.getAllByLabelText(/Horaires écrits/)[0] as HTMLInputElement;
    fireEvent.input(text, { target: { value: 'n’importe quoi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/corrigez les champs signalés/);
    expect(calls).toEqual([]);
    // A good one is saved as an edit on the record's version, with the stops as the patch.
    fireEvent.input(text, { target: { value: 'Tu[1,3] 10:00-12:00; PH off' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ kind: 'edit', collection: 'tour', id: tour.id, baseVersion: 1 });
    expect(Object.keys(calls[0]!.patch!)).toEqual(['stops']);
  }, 60_000);
});
