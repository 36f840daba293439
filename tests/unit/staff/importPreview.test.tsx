// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { diFileWithOneInvalid } from './fixtures';
import { importDataInclusion } from '../../../src/shared/datainclusion/importDataInclusion';
import { createMemoryStaff, renderStaff, seed } from './memoryStaff';

afterEach(cleanup);

function chooseFile(json: unknown) {
  const input = screen.getByLabelText(/Fichier JSON data·inclusion/) as HTMLInputElement;
  const file = new File([JSON.stringify(json)], 'lieux.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

async function previewTable() {
  const caption = await screen.findByText(/Aperçu : 2 lieu\(x\) à importer sur 3/, { selector: 'caption' });
  return caption.closest('table') as HTMLTableElement;
}

describe('data·inclusion import', () => {
  test('the preview names the invalid record with its reasons; cancel writes nothing', async () => {
    const { staff, calls } = createMemoryStaff();
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    chooseFile(diFileWithOneInvalid());
    const table = await previewTable();
    const row = within(table).getByRole('rowheader', { name: 'Lieu cassé' }).closest('tr') as HTMLTableRowElement;
    expect(within(row).getByText('Invalide')).toBeTruthy();
    expect(row.textContent).toMatch(/code_insee|INSEE/i);
    expect(within(table).getAllByText('Valide')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’import' }));
    await screen.findByText(/Import annulé : rien n’a été enregistré/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(calls).toEqual([]);
  });

  test('confirming writes the valid places only, each as its own create', async () => {
    const { staff, calls } = createMemoryStaff();
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    chooseFile(diFileWithOneInvalid());
    await previewTable();
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Importer 2 lieu(x)' }));
    await screen.findByText(/2 lieu\(x\) importé\(s\)/);
    expect(calls.map((c) => [c.kind, c.collection, c.id])).toEqual([
      ['create', 'place', 'import-test-1'],
      ['create', 'place', 'import-test-3'],
    ]);
    await waitFor(() => expect(screen.queryByText('Lieu cassé')).toBeNull());
  });

  test('a file that is not JSON is said so, nothing written', async () => {
    const { staff, calls } = createMemoryStaff();
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    const input = screen.getByLabelText(/Fichier JSON data·inclusion/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{pas du json'], 'x.json')], configurable: true });
    fireEvent.change(input);
    await screen.findByText('Ce fichier n’est pas du JSON lisible.');
    expect(calls).toEqual([]);
  });

  test('a confirmed import that fails at write time keeps nothing, says so, and keeps the preview to try again', async () => {
    const { staff, calls } = createMemoryStaff();
    staff.writes.writeRecords = async () => { throw Object.assign(new Error('disque plein'), { index: 1 }); };
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    chooseFile(diFileWithOneInvalid());
    await previewTable();
    fireEvent.click(screen.getByRole('button', { name: 'Importer 2 lieu(x)' }));
    await screen.findByText(/^Import annulé, rien n’a été enregistré : « .*\(import\) » n’a pas pu être écrit \(disque plein\)/);
    expect(calls).toEqual([]);
    expect(screen.getByRole('button', { name: 'Importer 2 lieu(x)' })).toBeTruthy();
  });
});

describe('data·inclusion import: the preview says what confirming would change (the same plan as the command line)', () => {
  test('a file already in the directory: every record « inchangé », nothing to confirm, nothing written', async () => {
    const file = diFileWithOneInvalid();
    const already = importDataInclusion(JSON.parse(JSON.stringify(file)), {
      territoryId: seed.territory.id, communes: seed.territory.communes, existingPlaces: seed.places, today: '2026-12-01',
    }).records.flatMap((r) => (r.place ? [r.place] : []));
    expect(already).toHaveLength(2);
    const { staff, calls } = createMemoryStaff({ records: { place: already } });
    renderStaff('/bureau/import', staff);
    await screen.findByRole('heading', { level: 1, name: 'Importer et exporter' });
    chooseFile(file);
    const table = await previewTable();
    for (const name of already.map((p) => p.name)) {
      const row = within(table).getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;
      expect(within(row).getByText('inchangé')).toBeTruthy();
    }
    await screen.findByText('Rien à changer : l’annuaire a déjà tout ce que dit ce fichier.');
    expect(screen.queryByRole('button', { name: /^Importer / })).toBeNull();
    expect(calls).toEqual([]);
  });
});
