// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { Signal } from '@preact/signals';
import { afterEach, describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../../src/app/data/contracts';
import { applyLanguage } from '../../../src/app/i18n/i18n';
import { memoryAidant, seed, signInWith } from './support';

afterEach(async () => {
  cleanup();
  await applyLanguage('fr');
});

const banner = () => document.querySelector('.network-status')!.textContent ?? '';
const sendButton = () => document.querySelector<HTMLAnchorElement>('.aidant-nav a[href="/aidant/envoi"]')!;
const marks = () => [...document.querySelectorAll('.visit-item .visit-state')].map((e) => e.textContent);

async function logVisit() {
  fireEvent.click(await screen.findByRole('button', { name: 'Démarche en ligne' }));
  fireEvent.click(screen.getByRole('button', { name: 'Fait avec elle' }));
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
  await screen.findByText('Visite enregistrée. Prête pour la suivante.');
}

describe('aidant space: one pending count, everywhere the same', () => {
  test('banner, button, day list and waiting screen count visits apart from other items, before and after sending', async () => {
    const { backend, view } = await signInWith(memoryAidant(), '/aidant/session');
    const status = view.services.syncStatus as Signal<SyncStatus | undefined>;
    // A session at a stop: two entries that are not visits (its opening, a network measure).
    const stop = await waitFor(() => {
      const found = document.querySelector<HTMLButtonElement>('fieldset .stop-button');
      expect(found).toBeTruthy();
      return found!;
    }, { timeout: 10_000 });
    fireEvent.click(stop);
    fireEvent.click(screen.getByRole('button', { name: 'Commencer la session' }));
    await screen.findByText(/Session en cours à/);

    // A visit with a checklist run (1 document, 1 step ticked), then two plain ones.
    fireEvent.click(screen.getByRole('link', { name: 'Démarche avec une personne' }));
    fireEvent.click((await waitFor(() => document.querySelector<HTMLButtonElement>('.checklist-picker button')!))!);
    const lists = await waitFor(() => {
      const found = document.querySelectorAll('ul.checklist-docs');
      expect(found.length).toBe(2);
      return found;
    });
    fireEvent.click(lists[0]!.querySelector('input')!);
    fireEvent.click(lists[1]!.querySelector('input')!);
    fireEvent.click(screen.getByRole('button', { name: 'Joindre à la visite' }));
    await logVisit();
    await screen.findByText('1 visite à envoyer et 2 autres éléments');
    await logVisit();
    await logVisit();
    expect(backend.outbox.map((e) => e.name).sort()).toEqual(['coverage.record@1', 'session.open@1', 'visit.create@1', 'visit.create@1', 'visit.create@1']);

    status.value = { kind: 'offline', pending: backend.outbox.length };
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Menu de l’espace aidant' })).getByRole('link', { name: 'Aujourd’hui' }));
    await screen.findByRole('heading', { level: 1, name: 'Aujourd’hui' });
    await waitFor(() => expect(banner()).toBe('Hors connexion — vos données sont gardées sur l’appareil. 3 visites à envoyer et 2 autres éléments.'));
    expect(sendButton().textContent).toBe('À envoyer : 3 visites');
    expect(document.querySelector('.pending-line')!.textContent).toBe('3 visites à envoyer et 2 autres éléments');
    // This morning's visits under their heading, each waiting, with its time and its checklist state.
    const morning = screen.getByRole('region', { name: 'Aujourd’hui, ce matin' });
    expect(within(morning).getAllByRole('listitem')).toHaveLength(3);
    expect(marks()).toEqual(['En attente d’envoi', 'En attente d’envoi', 'En attente d’envoi']);
    expect([...morning.querySelectorAll('.visit-line')].map((e) => e.textContent)).toEqual(Array(3).fill('09:00 · Démarche en ligne · 30 min'));
    const checklist = seed.checklists[0]!;
    expect([...morning.querySelectorAll('.visit-run')].map((e) => e.textContent))
      .toEqual([`${checklist.title.fr} : 1 sur ${checklist.steps.length} étapes, 1 sur ${checklist.documents.length} papiers apportés`]);

    // In English, the same numbers.
    await applyLanguage('en');
    await waitFor(() => expect(sendButton().textContent).toBe('To send: 3 visits'));
    expect(document.querySelector('.pending-line')!.textContent).toBe('3 visits to send and 2 other items');
    await waitFor(() => expect(banner()).toMatch(/3 visits to send and 2 other items\.$/));
    await applyLanguage('fr');

    // The waiting screen says the same, then lists the other items by kind.
    fireEvent.click(sendButton());
    await screen.findByRole('heading', { level: 1, name: 'À envoyer' });
    expect(document.querySelector('.waiting-count')!.textContent).toBe('3 visites à envoyer et 2 autres éléments');
    expect([...document.querySelectorAll('.waiting-kinds li')].map((e) => e.textContent)).toEqual(['Ouverture de session : 1', 'Mesure du réseau : 1']);

    // Sent: the server took everything.
    backend.acknowledgeAll();
    status.value = { kind: 'upToDate', at: new Date('2026-12-01T08:05:00Z') };
    await screen.findByText('Tout est envoyé.');
    expect(sendButton().textContent).toBe('À envoyer');
    await waitFor(() => expect(banner()).toMatch(/^Informations à jour \([^)]*\)\.$/));
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Menu de l’espace aidant' })).getByRole('link', { name: 'Aujourd’hui' }));
    await screen.findByRole('heading', { level: 1, name: 'Aujourd’hui' });
    await waitFor(() => expect(document.querySelector('.pending-line')!.textContent).toBe('Aucune visite à envoyer'));
    expect(marks()).toEqual(['Envoyée', 'Envoyée', 'Envoyée']);
  });
});
