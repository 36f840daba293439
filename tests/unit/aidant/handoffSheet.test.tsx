// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { applyLanguage } from '../../../src/app/i18n/i18n';
import { memoryAidant, seed, signInWith } from './support';

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await applyLanguage('fr');
});

const GENCAY = seed.places.find((p) => p.id === 'place-france-services-gencay')!;
const sheet = () => document.querySelector<HTMLElement>('.handoff-sheet')!;

describe('aidant space: the hand-off sheet (QR code, print), with no network', () => {
  test('from a place: name, address, phone, the week\'s hours and a QR code of its public page, its address written out', async () => {
    const { backend } = await signInWith(memoryAidant(), `/aidant/lieu/${GENCAY.id}`);
    backend.online = false;
    const open = await screen.findByRole('button', { name: 'Fiche à remettre : QR code et impression' });
    fireEvent.click(open);
    const heading = await screen.findByRole('heading', { level: 1, name: GENCAY.name });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe(`Fiche à remettre : ${GENCAY.name} — Escale`);
    const url = `${location.origin}/lieu/${GENCAY.id}`;
    expect(sheet().querySelector('.handoff-address')!.textContent).toBe('1, place du Champ de Foire, 86160 Gençay');
    expect(sheet().querySelector('.handoff-phone')!.textContent).toBe('05 16 83 80 86');
    // Mo-Fr 08:00-12:00,13:30-16:30 (the week of Monday 30 November 2026), days that read the same on one line.
    const hours = await waitFor(() => {
      const items = [...sheet().querySelectorAll('.handoff-hours li')].map((li) => li.textContent);
      expect(items.length).toBeGreaterThan(0);
      return items;
    }, { timeout: 10_000 });
    expect(hours).toEqual(['du lundi au vendredi : 8\u00a0h\u00a0–\u00a012\u00a0h, 13\u00a0h\u00a030\u00a0–\u00a016\u00a0h\u00a030', 'samedi et dimanche : fermé']);
    expect(sheet().querySelector('.handoff-week')!.textContent).toBe('Horaires de la semaine du 30 novembre 2026');
    const qr = await within(sheet()).findByRole('img', { name: `QR code qui ouvre la page de ${GENCAY.name} : ${url}` });
    expect(qr.querySelector('path')!.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(sheet().querySelector('.handoff-url')!.textContent).toBe(url);
    expect(sheet().querySelector('.handoff-foot')!.textContent).toBe('Vérifié le 22 novembre 2026. Fiche remise le 1 décembre 2026.');
    expect(sheet().querySelector('.handoff-bring')).toBeNull();
    // Print (or save as PDF) is the browser's own dialog, asked from the tablet.
    // (happy-dom has no print dialog: a stand-in records the call; Chromium prints in tests/e2e/handoff.e2e.ts.)
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(print).toHaveBeenCalledOnce();
    // Back: the place again, the focus on the button that opened the sheet.
    fireEvent.click(screen.getByRole('button', { name: 'Retour' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('handoff-open'));
    expect(document.querySelector('.handoff-sheet')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Signaler une correction' })).toBeTruthy();
  });

  test('from a checklist: what to bring for the procedure, each paper missing today said so; the ticks are kept behind it', async () => {
    await signInWith(memoryAidant(), '/aidant/demarche');
    const checklist = seed.checklists[0]!;
    fireEvent.click(await screen.findByRole('button', { name: checklist.title.fr }));
    const boxes = await waitFor(() => {
      const found = document.querySelectorAll<HTMLInputElement>('.checklist-docs input[type=checkbox]');
      expect(found.length).toBeGreaterThan(1);
      return found;
    });
    fireEvent.click(boxes[0]!);
    const place = seed.places.find((p) => p.id === checklist.whereToGo.placeIds[0])!;
    fireEvent.click(screen.getByRole('button', { name: `Fiche à remettre pour ${place.name}` }));
    await screen.findByRole('heading', { level: 1, name: place.name });
    const bring = within(sheet()).getByRole('region', { name: `À apporter pour « ${checklist.title.fr} »` });
    const items = [...bring.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(checklist.documents.map((d, i) => (i === 0 ? d.label.fr : `${d.label.fr} (manquait aujourd’hui)`)));
    fireEvent.click(screen.getByRole('button', { name: 'Retour' }));
    await screen.findByRole('heading', { level: 1, name: checklist.title.fr });
    expect(document.querySelectorAll<HTMLInputElement>('.checklist-docs input[type=checkbox]')[0]!.checked).toBe(true);
    await waitFor(() => expect(document.activeElement?.id).toBe(`handoff-${place.id}`));
  });

  test('the bus (an itinerant place with no phone, not verified) says where its times are and what is not known', async () => {
    const bus = seed.places.find((p) => p.itinerant && !p.openingHours && !p.phone)!;
    await signInWith(memoryAidant(), `/aidant/lieu/${bus.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Fiche à remettre : QR code et impression' }));
    await screen.findByRole('heading', { level: 1, name: bus.name });
    expect(sheet().querySelector('.handoff-phone')!.textContent).toBe('Pas de numéro connu');
    expect(sheet().textContent).toContain('Ce service se déplace : ses escales et leurs horaires sont sur la page du lieu (QR code).');
    expect(sheet().querySelector('.handoff-foot')!.textContent).toMatch(/^Ces informations n’ont pas encore été vérifiées\./);
    expect(sheet().querySelector('.handoff-url')!.textContent).toBe(`${location.origin}/lieu/${bus.id}`);
  });

  test('in English, every word of the sheet', async () => {
    await signInWith(memoryAidant(), `/aidant/lieu/${GENCAY.id}`);
    await applyLanguage('en');
    fireEvent.click(await screen.findByRole('button', { name: 'Sheet to hand over: QR code and printing' }));
    await screen.findByRole('heading', { level: 1, name: GENCAY.name });
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeTruthy();
    await within(sheet()).findByRole('img', { name: new RegExp(`^QR code that opens the page of .*: ${location.origin}/lieu/${GENCAY.id}$`) });
    const hours = await waitFor(() => {
      const first = sheet().querySelector('.handoff-hours li')?.textContent;
      expect(first).toMatch(/^Monday/);
      return first;
    }, { timeout: 10_000 });
    expect(hours).toBe('Monday to Friday: 8:00\u00a0–\u00a012:00, 13:30\u00a0–\u00a016:30');
    expect([...sheet().querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Address', 'Phone', 'Opening hours']);
  });
});
