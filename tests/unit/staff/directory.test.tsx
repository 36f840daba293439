// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryStaff, renderStaff, seed, STAFF_USER } from './memoryStaff';

afterEach(cleanup);

describe('staff sign-in and home', () => {
  test('no account: the sign-in form; an aidant account is told it has no access', async () => {
    const { staff } = createMemoryStaff();
    const account = signal<typeof STAFF_USER | undefined>(undefined);
    renderStaff('/bureau', { ...staff, account, login: async () => (account.value = { ...STAFF_USER, role: 'aidant' }) });
    await screen.findByRole('heading', { level: 1, name: 'Connexion du bureau' });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByText('Indiquez votre identifiant et votre mot de passe.');
    fireEvent.input(screen.getByLabelText('Identifiant'), { target: { value: 'marie' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'secret-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByText(/n’a pas accès au bureau/);
  });

  test('the home shows the counts waiting', async () => {
    const correction = {
      id: '0c0c0c0c-0000-4000-8000-000000000001', territoryId: seed.territory.id, collection: 'place', recordId: seed.places[0]!.id,
      message: 'Le numéro a changé', proposedBy: 'aidant-1', createdAt: '2026-11-30T10:00:00Z', status: 'pending',
    };
    const { staff } = createMemoryStaff({ records: { correction: [correction] } });
    renderStaff('/bureau', staff);
    await screen.findByRole('heading', { level: 1, name: 'Bureau — Civraisien en Poitou' });
    await waitFor(() => expect(screen.getByTestId('count-corrections').textContent).toBe('1'));
    expect(screen.getByTestId('count-places').textContent).toBe(String(seed.places.length));
    expect(screen.getByTestId('count-conflicts').textContent).toBe('0');
  });
});

describe('directory', () => {
  test('the places table sorts by a column heading (aria-sort says which way)', async () => {
    const { staff } = createMemoryStaff();
    renderStaff('/bureau/lieux', staff);
    const table = (await screen.findByText(/^Lieux — /, { selector: 'caption' })).closest('table')!;
    const sortByName = within(table).getByRole('button', { name: 'Trier par Nom' });
    expect(sortByName.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    const names = () => within(table).getAllByRole('rowheader').map((th) => th.textContent ?? '');
    const ascending = names();
    fireEvent.click(sortByName);
    expect(sortByName.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual([...ascending].reverse());
  });

  test('a place with bad input is refused field by field, nothing written; a good one is created', async () => {
    const { staff, calls } = createMemoryStaff();
    renderStaff('/bureau/lieux/nouveau', staff);
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle fiche : Lieu' });
    fireEvent.input(screen.getByLabelText('Courriel'), { target: { value: 'pas un courriel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/corrigez les champs signalés/);
    expect(screen.getByLabelText(/^Nom/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Courriel').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);

    fireEvent.input(screen.getByLabelText(/^Nom/), { target: { value: 'Permanence de test' } });
    fireEvent.change(screen.getByLabelText(/^Commune/), { target: { value: '86078' } });
    fireEvent.input(screen.getByLabelText('Courriel'), { target: { value: 'accueil@example.fr' } });
    fireEvent.input(screen.getByLabelText(/^Horaires/), { target: { value: 'Mo-Fr 09:00-12:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ kind: 'create', collection: 'place', record: { name: 'Permanence de test', insee: '86078', city: 'Civray', postcode: '86400' } });
  });

  test('an edit carries the record’s version and only the changed fields', async () => {
    const { staff, calls } = createMemoryStaff();
    const place = seed.places[0]!;
    renderStaff(`/bureau/lieux/${place.id}`, staff);
    await screen.findByRole('heading', { level: 1, name: `Modifier : ${place.name}` });
    fireEvent.input(screen.getByLabelText('Téléphone'), { target: { value: '05 49 00 00 00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ kind: 'edit', id: place.id, baseVersion: 1, patch: { phone: '05 49 00 00 00' } });
    expect(Object.keys(calls[0]!.patch!)).toEqual(['phone']);
  });

  test('every field is editable: a thematique, a language, wifi and the English description go in one patch', async () => {
    const { staff, calls } = createMemoryStaff();
    const place = seed.places[0]!;
    renderStaff(`/bureau/lieux/${place.id}`, staff);
    await screen.findByRole('heading', { level: 1, name: `Modifier : ${place.name}` });
    const themes = screen.getByRole('group', { name: 'Thématiques' });
    const unticked = within(themes).getAllByRole('checkbox').find((c) => !(c as HTMLInputElement).checked) as HTMLInputElement;
    fireEvent.click(unticked);
    const languages = screen.getByRole('group', { name: 'Langues' });
    const spoken = place.languages;
    const other = within(languages).getAllByRole('checkbox').find((c) => !spoken.includes((c as HTMLInputElement).value)) as HTMLInputElement;
    fireEvent.click(other);
    fireEvent.change(screen.getByLabelText('Wifi public'), { target: { value: 'yes' } });
    fireEvent.input(screen.getByLabelText('Description (anglais)'), { target: { value: 'A desk for paperwork.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    const patch = calls[0]!.patch as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['description', 'digital', 'languages', 'thematiques']);
    expect(patch.thematiques).toEqual([...place.thematiques, unticked.value]);
    expect(patch.languages).toEqual([...spoken, other.value]);
    expect(patch.digital).toEqual({ ...place.digital, wifi: true });
    expect((patch.description as { en: string }).en).toBe('A desk for paperwork.');
  });

  test('a checklist’s papers are reordered with the keyboard buttons, focus follows; a bad link is refused, nothing written', async () => {
    const { staff, calls } = createMemoryStaff();
    const c = seed.checklists.find((x) => x.documents.length >= 2)!;
    renderStaff(`/bureau/demarches/${c.id}`, staff);
    await screen.findByRole('heading', { level: 1, name: `Modifier : ${c.title.fr}` });
    const up = screen.getByRole('button', { name: 'Monter : Papier 2' });
    fireEvent.click(up);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Descendre : Papier 1/));
    expect(screen.getByText(/Papier 2 est maintenant en position 1/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un lien' }));
    const linkUrls = screen.getAllByLabelText(/Adresse du lien/);
    fireEvent.input(screen.getAllByLabelText(/Texte du lien/).at(-1)!, { target: { value: 'Le site' } });
    fireEvent.input(linkUrls.at(-1)!, { target: { value: 'caf.fr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/Adresse internet invalide/);
    expect(calls).toEqual([]);
    fireEvent.input(screen.getAllByLabelText(/Adresse du lien/).at(-1)!, { target: { value: 'https://www.caf.fr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    const patch = calls[0]!.patch as { documents: Array<{ id: string }>; links: unknown[] };
    expect(patch.documents.slice(0, 2).map((d) => d.id)).toEqual([c.documents[1]!.id, c.documents[0]!.id]);
    expect(patch.links.at(-1)).toEqual({ label: 'Le site', url: 'https://www.caf.fr' });
  });

  test('delete asks first; cancel keeps the record', async () => {
    const { staff, calls } = createMemoryStaff();
    const offer = seed.mobility[0]!;
    renderStaff('/bureau/transports', staff);
    fireEvent.click(await screen.findByRole('button', { name: `Supprimer ${offer.name}` }));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: `Supprimer ${offer.name}` }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(calls).toEqual([{ kind: 'delete', collection: 'mobility', id: offer.id, baseVersion: 1 }]));
  });
});
