import { getDataLayer } from './data/createDataLayer';
import { createKeyValueStore } from './data/keyValueStore';
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
      staff: {
        directory: layer.directory, writes: layer.writes, issues: layer.issues, account: layer.account,
        login: (login, password) => layer.login(login, password),
        logout: () => layer.logout(),
        pendingCount: () => layer.pendingCount(),
        admin: layer.admin,
      },
      now: () => new Date(),
      aidant: {
        account: layer.account,
        async login(login, password) {
          const user = await layer.login(login, password);
          const token = layer.sessionToken();
          if (token === undefined) throw new Error('login: no session token after sign-in');
          return { user, token };
        },
        logout: () => layer.logout(),
        writes: layer.writes,
        visits: () => layer.directory.visits(),
        sessions: () => layer.directory.sessions(),
        pending: () => layer.pendingChanges(),
        profiles: createKeyValueStore('escale-aidant-profiles'),
        notes: createKeyValueStore('escale-aidant-notes'),
      },
    };
  } catch (error) {
    // No IndexedDB (some private modes) or a database that cannot open: the screens
    // still show, empty, rather than a blank page.
    console.error('Escale: the local database could not open', error);
    return createMemoryServices();
  }
}
