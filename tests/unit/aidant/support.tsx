import { fireEvent, render, screen } from '@testing-library/preact';
import { App } from '../../../src/app/App';
import { controllerFor } from '../../../src/app/aidant/aidantController';
import type { AidantBackend } from '../../../src/app/data/contracts';
import { createMemoryAidant, createMemoryServices, type MemoryAidant } from '../../../src/app/services/memoryServices';
import { createAppState } from '../../../src/app/state/appState';
import type { User } from '../../../src/shared/domain/user';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';

export { seed };

/** Tuesday 1 December 2026, 09:00 in Paris. */
export const TUESDAY_MORNING = new Date('2026-12-01T08:00:00Z');

export const MARIE: User = {
  id: 'aidant-marie', login: 'marie', displayName: 'Marie Aidante', role: 'aidant', territoryId: seed.territory.id, disabled: false,
};
export const PAUL: User = {
  id: 'aidant-paul', login: 'paul', displayName: 'Paul Aidant', role: 'aidant', territoryId: seed.territory.id, disabled: false,
};
export const PASSWORD = 'mot-de-passe-long';

/** A small PBKDF2 count keeps the unit tests quick; the derivation is the same code. */
export const TEST_ITERATIONS = 1_000;

export function memoryAidant() {
  return createMemoryAidant([{ user: MARIE, password: PASSWORD }, { user: PAUL, password: PASSWORD }], () => TUESDAY_MORNING);
}

/** The whole app at `url` on in-memory twins, with an aidant backend. */
export function renderAidant(url: string, backend: AidantBackend) {
  history.replaceState(null, '', url);
  controllerFor(backend, { iterations: TEST_ITERATIONS });
  const services = createMemoryServices(
    { territory: seed.territory, places: seed.places, tours: seed.tours, mobilityOffers: seed.mobility, checklists: seed.checklists },
    { now: () => TUESDAY_MORNING, aidant: backend },
  );
  const state = createAppState(services);
  const view = render(<App services={services} state={state} />);
  return { ...view, services, state };
}

export const PIN = '4817';

/** Sign in online as Marie on `backend` and choose the PIN; the space opens at `url`. */
export async function signInWith(backend: MemoryAidant, url: string) {
  const view = renderAidant(url, backend);
  await screen.findByRole('heading', { name: 'Connexion de l’aidant' }, { timeout: 15_000 });
  fireEvent.input(screen.getByLabelText('Identifiant'), { target: { value: 'marie' } });
  fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: PASSWORD } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
  await screen.findByRole('heading', { name: 'Choisissez votre code' });
  fireEvent.input(document.getElementById('pin-new')!, { target: { value: PIN } });
  fireEvent.input(document.getElementById('pin-confirm')!, { target: { value: PIN } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
  await screen.findByText('Connecté : Marie Aidante', {}, { timeout: 5000 });
  return { backend, view, controller: controllerFor(backend) };
}
