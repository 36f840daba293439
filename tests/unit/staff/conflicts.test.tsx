// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConflictRow } from '../../../src/app/services/staffServices';
import { createMemoryStaff, renderStaff, seed } from './memoryStaff';

afterEach(cleanup);

const place = seed.places[0]!;
const theirs = { ...place, phone: '05 49 99 99 99', name: 'Nom changé au bureau' };
const conflict: ConflictRow = {
  mutationId: 7,
  name: 'place.update@1',
  args: { id: place.id, baseVersion: 1, patch: { phone: '05 49 00 00 01', name: 'Mon nom', city: place.city } },
  collection: 'place',
  recordId: place.id,
  current: { version: 2, record: theirs },
  at: '2026-12-01T08:00:00Z',
};

function setup() {
  const twin = createMemoryStaff({ conflicts: [conflict] });
  twin.put('place', theirs, 2);
  renderStaff('/bureau/conflits', twin.staff);
  return twin;
}

describe('conflicts', () => {
  test('each field shows my value and the server’s side by side', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Conflits de modification' });
    const phone = (await screen.findByRole('rowheader', { name: 'Téléphone' })).closest('tr') as HTMLElement;
    expect(phone.querySelector('[data-side="mine"]')?.textContent).toBe('05 49 00 00 01');
    expect(phone.querySelector('[data-side="theirs"]')?.textContent).toBe('05 49 99 99 99');
    const name = screen.getByRole('rowheader', { name: 'Nom' }).closest('tr') as HTMLElement;
    expect(name.querySelector('[data-side="mine"]')?.textContent).toBe('Mon nom');
    expect(name.querySelector('[data-side="theirs"]')?.textContent).toBe('Nom changé au bureau');
    // The same on both sides: nothing to choose.
    const city = screen.getByRole('rowheader', { name: 'Ville' }).closest('tr') as HTMLElement;
    expect(within(city).queryByRole('radio')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Nom changé au bureau');
  });

  test('field by field: the fields kept as mine become one edit on the current version, then the conflict is resolved', async () => {
    const { calls } = setup();
    await screen.findByRole('rowheader', { name: 'Téléphone' });
    const name = screen.getByRole('rowheader', { name: 'Nom' }).closest('tr') as HTMLElement;
    fireEvent.click(within(name).getByRole('radio', { name: 'celle du serveur' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon choix champ par champ' }));
    await screen.findByText('Conflit résolu.');
    expect(calls[0]).toMatchObject({ kind: 'edit', collection: 'place', id: place.id, baseVersion: 2, patch: { phone: '05 49 00 00 01' } });
    expect(calls[1]).toMatchObject({ id: 'resolve:7' });
    await screen.findByText('Aucun conflit. Tout est en ordre.');
  });

  test('keep the server’s version, or make my change again', async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Refaire ma modification' }));
    await waitFor(() => expect(calls).toEqual([{ kind: 'edit', id: 'reapply:7' }]));
    cleanup();
    const second = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Garder la version du serveur' }));
    await waitFor(() => expect(second.calls).toEqual([{ kind: 'edit', id: 'resolve:7' }]));
  });
});
