// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { renderApp, seed } from './support';

afterEach(cleanup);

describe('prepare my visit', () => {
  test('ticked documents are kept on the phone (Preferences)', async () => {
    const checklist = seed.checklists.find((c) => c.id === 'checklist-rsa');
    if (!checklist) throw new Error('seed checklist missing');
    const { services } = await renderApp('/preparer/checklist-rsa');
    await screen.findByRole('heading', { level: 1, name: checklist.title.fr });
    const first = checklist.documents[0];
    if (!first) throw new Error('no document');
    const box = screen.getByRole('checkbox', { name: new RegExp(first.label.fr.slice(0, 12).replace(/[()]/g, '.')) });
    fireEvent.click(box);
    await waitFor(async () => expect(await services.preferences.getTickedDocuments('checklist-rsa')).toEqual([first.id]));
    expect(screen.getByText(`1 sur ${checklist.documents.length} prêts`)).toBeTruthy();
  });

  test('the mobility screen lists offers serving the commune first, the others after with a warning', async () => {
    await renderApp('/trajets', { commune: '86078' });
    await screen.findByRole('heading', { level: 2, name: 'Solutions à Civray' });
    expect(screen.getByRole('heading', { level: 2, name: 'Autres solutions du territoire' })).toBeTruthy();
    expect(screen.getByText(/ne passent peut-être pas par votre commune/)).toBeTruthy();
  });
});
