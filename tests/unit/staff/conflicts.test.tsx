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

describe('conflicts on object and list fields', () => {
  const theirsPlace = { ...place, digital: { wifi: true, printer: true }, thematiques: ['sante--acces-aux-soins'], languages: ['fr'] };
  const objectConflict: ConflictRow = {
    mutationId: 8,
    name: 'place.update@1',
    args: { id: place.id, baseVersion: 1, patch: { digital: { wifi: false, printer: false, visio: true }, thematiques: ['famille--garde-denfants', 'sante--acces-aux-soins'], languages: ['fr'] } },
    collection: 'place',
    recordId: place.id,
    current: { version: 2, record: theirsPlace },
    at: '2026-12-01T08:00:00Z',
  };
  const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
  const side = (tr: HTMLElement, s: 'mine' | 'theirs') => tr.querySelector(`[data-side="${s}"]`) as HTMLElement;

  test('each part of an object is a row in plain words; lists are lists with the vocabulary’s labels; no JSON anywhere', async () => {
    const twin = createMemoryStaff({ conflicts: [objectConflict] });
    twin.put('place', theirsPlace, 2);
    renderStaff('/bureau/conflits', twin.staff);
    const wifi = (await screen.findByRole('rowheader', { name: 'Accès au numérique — Wifi public' })).closest('tr') as HTMLElement;
    expect(side(wifi, 'mine').textContent).toBe('Non');
    expect(side(wifi, 'theirs').textContent).toBe('Oui');
    const visio = rowOf('Accès au numérique — Visio-guichet');
    expect(side(visio, 'mine').textContent).toBe('Oui');
    expect(side(visio, 'theirs').textContent).toBe('Non renseigné');
    const them = rowOf('Thématiques');
    expect(within(side(them, 'mine')).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['Faire garder vos enfants', 'Trouver un médecin, se soigner']);
    expect(within(side(them, 'theirs')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Trouver un médecin, se soigner']);
    // The same languages on both sides: shown, nothing to choose, said as "identique".
    const languages = rowOf('Langues');
    expect(within(languages).queryByRole('radio')).toBeNull();
    expect(languages.textContent).toContain('identique');
    // Nothing is JSON.
    for (const cell of document.querySelectorAll('.conflict-value')) expect(cell.textContent).not.toMatch(/[{}"[\]]/);
    // Each choice is a labelled radio group (keyboard, screen reader).
    expect(within(wifi).getByRole('group', { name: 'Garder : Accès au numérique — Wifi public' })).toBeTruthy();
  });

  test('choosing part by part makes one edit of the whole object on the current version', async () => {
    const twin = createMemoryStaff({ conflicts: [objectConflict] });
    twin.put('place', theirsPlace, 2);
    renderStaff('/bureau/conflits', twin.staff);
    await screen.findByRole('rowheader', { name: 'Accès au numérique — Wifi public' });
    fireEvent.click(within(rowOf('Accès au numérique — Imprimante')).getByRole('radio', { name: 'celle du serveur' }));
    fireEvent.click(within(rowOf('Thématiques')).getByRole('radio', { name: 'celle du serveur' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon choix champ par champ' }));
    await screen.findByText('Conflit résolu.');
    expect(twin.calls[0]).toEqual({ kind: 'edit', collection: 'place', id: place.id, baseVersion: 2, patch: { digital: { wifi: false, printer: true, visio: true } } });
    expect(twin.calls[1]).toMatchObject({ id: 'resolve:8' });
  });

  test('a choice that makes an invalid record: a French message naming the field, nothing written, the conflict stays', async () => {
    const mobility = JSON.parse(JSON.stringify(seed.mobility[0]!)) as Record<string, unknown>;
    delete mobility.location;
    const twin = createMemoryStaff({
      conflicts: [{
        mutationId: 11, name: 'mobility.update@1', collection: 'mobility', recordId: mobility.id as string, at: '2026-12-01T08:00:00Z',
        args: { id: mobility.id, baseVersion: 1, patch: { location: { label: 'Gare de Civray', lat: 46.14, lon: 0.29 } } },
        current: { version: 2, record: mobility },
      }],
    });
    twin.put('mobility', mobility, 2);
    renderStaff('/bureau/conflits', twin.staff);
    const label = await screen.findByRole('rowheader', { name: 'Point de rendez-vous ou gare — Nom du point' });
    expect(side(label.closest('tr') as HTMLElement, 'mine').textContent).toBe('Gare de Civray');
    // Keep my meeting point's name but the server's (absent) coordinates.
    fireEvent.click(within(rowOf('Point de rendez-vous ou gare — Latitude')).getByRole('radio', { name: 'celle du serveur' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon choix champ par champ' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Rien n’est enregistré : ce choix ne donne pas une fiche valide\. Latitude : Obligatoire\./);
    expect(twin.calls).toEqual([]);
    expect(screen.queryByText('Conflit résolu.')).toBeNull();
    // Choosing mine for it too: valid, written.
    fireEvent.click(within(rowOf('Point de rendez-vous ou gare — Latitude')).getByRole('radio', { name: 'la mienne' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon choix champ par champ' }));
    await screen.findByText('Conflit résolu.');
    expect(twin.calls[0]).toMatchObject({ kind: 'edit', collection: 'mobility', patch: { location: { label: 'Gare de Civray', lat: 46.14 } } });
  });

  test('checklist papers and tour stops: numbered items with their labelled parts', async () => {
    const checklist = seed.checklists[0]!;
    const tour = seed.tours[0]!;
    const twin = createMemoryStaff({
      conflicts: [
        { mutationId: 12, name: 'checklist.update@1', collection: 'checklist', recordId: checklist.id, at: '2026-12-01T08:00:00Z',
          args: { id: checklist.id, baseVersion: 1, patch: { documents: checklist.documents.slice(0, 1) } }, current: { version: 2, record: checklist } },
        { mutationId: 13, name: 'tour.update@1', collection: 'tour', recordId: tour.id, at: '2026-12-01T08:00:00Z',
          args: { id: tour.id, baseVersion: 1, patch: { stops: tour.stops.slice(0, 1) } }, current: { version: 2, record: tour } },
      ],
    });
    renderStaff('/bureau/conflits', twin.staff);
    const papers = (await screen.findByRole('rowheader', { name: 'Papiers à apporter' })).closest('tr') as HTMLElement;
    expect(side(papers, 'mine').textContent).toContain('Papier 1');
    expect(side(papers, 'mine').textContent).toContain(`Intitulé : En français : ${checklist.documents[0]!.label.fr}`);
    expect(side(papers, 'mine').textContent).not.toContain('Papier 2');
    expect(side(papers, 'theirs').textContent).toContain(`Papier ${checklist.documents.length}`);
    const stops = rowOf('Escales');
    expect(side(stops, 'mine').textContent).toContain(`Escale 1Lieu de rendez-vous : ${tour.stops[0]!.meetingPoint}`);
    expect(side(stops, 'mine').textContent).toContain('Commune : Civray (86078)');
    expect(side(stops, 'mine').textContent).toContain(`Passages : ${tour.stops[0]!.schedule}`);
  });
});
