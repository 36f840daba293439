import { render } from '@testing-library/preact';
import type { Place } from '../../../src/shared/domain/place';
import { civraisienEnPoitouSeed as seed } from '../../../src/territories/civraisien-en-poitou/seed';
import { App } from '../../../src/app/App';
import type { MemoryDirectoryData } from '../../../src/app/services/memoryServices';
import { createMemoryServices } from '../../../src/app/services/memoryServices';
import { createAppState } from '../../../src/app/state/appState';
import type { SyncStatus } from '../../../src/app/data/contracts';

export { seed };

/** Tuesday 1 December 2026, 09:00 in Paris: the first Tuesday of the month. */
export const TUESDAY_MORNING = new Date('2026-12-01T08:00:00Z');

export const GENCAY = '86103';

/** A place built from one of the seed's, with overrides. */
export function placeLike(overrides: Partial<Place> & { id: string }): Place {
  const base = seed.places.find((p) => p.id === 'place-france-services-gencay');
  if (!base) throw new Error('seed place missing');
  return { ...base, ...overrides };
}

/** The whole app on in-memory twins of the repositories, at `url`. */
export async function renderApp(
  url: string,
  options: { data?: MemoryDirectoryData; commune?: string; status?: SyncStatus; now?: Date } = {},
) {
  history.replaceState(null, '', url);
  const services = createMemoryServices(
    {
      territory: seed.territory,
      places: seed.places,
      tours: seed.tours,
      mobilityOffers: seed.mobility,
      checklists: seed.checklists,
      ...options.data,
    },
    { now: () => options.now ?? TUESDAY_MORNING, ...(options.status ? { status: options.status } : {}) },
  );
  if (options.commune) await services.preferences.setCommune(options.commune);
  const state = createAppState(services);
  const view = render(<App services={services} state={state} />);
  return { ...view, services, state };
}
