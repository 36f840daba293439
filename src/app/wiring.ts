import { createMemoryServices } from './services/memoryServices';
import type { Services } from './services/services';

/**
 * The one place where the interface meets the data layer: it builds the repositories
 * and the sync engine and hands them to the screens through AppContext.
 *
 * Until the Dexie data layer (src/app/data) and the sync engine (src/app/sync) are
 * wired here, the app runs on the in-memory twins (an empty directory).
 */
export async function createServices(): Promise<Services> {
  return createMemoryServices();
}
