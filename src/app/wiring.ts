import { getDataLayer } from './data/createDataLayer';
import { createMemoryServices } from './services/memoryServices';
import type { Services } from './services/services';

/** A public device follows one territory; the server decides what it may pull. */
export const TERRITORY_ID = 'civraisien-en-poitou';

/**
 * The one place where the interface meets the data layer: the Dexie replica with its
 * repositories and the sync engine (src/app/data, src/app/sync), handed to every screen
 * through AppContext. Screens only see the contracts (DirectoryReader, Preferences,
 * SyncStatus); tests hand them in-memory twins instead.
 */
export async function createServices(): Promise<Services> {
  try {
    const layer = await getDataLayer({ territoryId: TERRITORY_ID });
    return {
      directory: layer.directory,
      preferences: layer.preferences,
      syncStatus: layer.syncStatus,
      syncNow: async () => void (await layer.syncNow()),
      now: () => new Date(),
    };
  } catch (error) {
    // No IndexedDB (some private modes) or a database that cannot open: the screens
    // still show, empty, rather than a blank page.
    console.error('Escale: the local database could not open', error);
    return createMemoryServices();
  }
}
