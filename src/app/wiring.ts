import { signal } from '@preact/signals';
import { createBootReader } from './data/bootReader';
import type { DirectoryReader, SyncStatus } from './data/contracts';
import type { DataLayer } from './composition/createDataLayer';
import { createKeyValueStore, type KeyValueStore } from './data/keyValueStore';
import { createPreferences } from './data/preferences';
import type { Services } from './services/services';
import { PAGE_TERRITORY_ID } from './territory';
import type { ChangedCollections, ChangeListener } from './data/changeFeed';

/** A public device follows one territory; the server decides what it may pull. */
export const TERRITORY_ID = PAGE_TERRITORY_ID;

/**
 * The one place where the interface meets the data layer, handed to every screen through
 * AppContext. Screens only see the contracts (DirectoryReader, Preferences, SyncStatus);
 * tests hand them in-memory twins instead.
 *
 * Two steps, for the first-paint budget (docs/quality.md: ≤ 60 KB gzipped before the public
 * home is usable):
 * 1. at once, in the entry chunk: the directory read from IndexedDB without Dexie
 *    (data/bootReader.ts, same database, same schemas) and the preferences (idb-keyval);
 * 2. `connect()`, called by main.tsx once the first read is on screen, or by anything that
 *    needs it sooner (syncNow, the aidant and staff spaces): a dynamic import of Dexie,
 *    the sync engine and the write side (composition/createDataLayer.ts); the directory then
 *    reads through Dexie, on the same change feed and with the same parse cache, and the
 *    aidant and staff spaces get their repositories (`aidant`, `staff`: App.tsx renders
 *    those spaces only once `connect()` has settled).
 * Anything new from the data layer is handed over through `connect()` (a method that
 * awaits it), never by a static import here: that would pull Dexie back into the entry.
 */
export interface AppServices extends Services {
  connect(): Promise<DataLayer>;
}

export function createServices(): AppServices {
  const boot = createBootReader({ territoryId: TERRITORY_ID });
  // What the engine's own signal starts with, until it says more.
  const syncStatus = signal<SyncStatus | undefined>({ kind: 'pending', pending: 0 });
  let reader: DirectoryReader = boot;
  const listeners = new Set<ChangeListener>();
  const tell = (changed?: ChangedCollections) => {
    for (const listener of [...listeners]) listener(changed);
  };
  // The boot reader's feed becomes the data layer's: pulled pages and other tabs' writes
  // reach these listeners before and after the switch.
  boot.onChange(tell);

  let layer: Promise<DataLayer> | undefined;
  const connect = (): Promise<DataLayer> => (layer ??= (async () => {
    try {
      const { getDataLayer } = await import('./composition/createDataLayer');
      const opened = await getDataLayer({ territoryId: TERRITORY_ID, parser: boot.parser, feed: boot.feed, tokenFor: aidantTokenFor, wipeAlso: wipeAidantStores });
      opened.syncStatus.subscribe((value) => (syncStatus.value = value));
      Object.assign(services, spaces(opened));
      const sameRows = boot.readVersion() !== undefined && boot.readVersion() === opened.db.backendDB().version;
      reader = opened.directory;
      boot.close();
      // Read again through Dexie unless the rows shown came from the version it opened
      // (nothing read yet, or an upgrade in between).
      if (!sameRows) tell(undefined);
      return opened;
    } catch (error) {
      // No IndexedDB (some private modes), a database that cannot open, a chunk that did
      // not load: the directory stays on the first-paint reader, the screens still show.
      console.error('Escale: the local database could not open', error);
      syncStatus.value = undefined;
      throw error;
    }
  })());

  const directory: DirectoryReader = {
    territory: () => reader.territory(),
    places: () => reader.places(),
    place: (id) => reader.place(id),
    tours: () => reader.tours(),
    mobilityOffers: () => reader.mobilityOffers(),
    checklists: () => reader.checklists(),
    checklist: (id) => reader.checklist(id),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };

  const services: AppServices = {
    directory,
    preferences: createPreferences(),
    syncStatus,
    syncNow: async () => void (await (await connect()).syncNow()),
    now: () => new Date(),
    connect,
  };
  return services;
}

/** The aidant and staff spaces' repositories, once the data layer is there. */
function spaces(layer: DataLayer): Pick<Services, 'aidant' | 'staff'> {
  return {
    staff: {
      directory: layer.directory, writes: layer.writes, issues: layer.issues, account: layer.account,
      login: (login, password) => layer.login(login, password),
      logout: () => layer.logout(),
      pendingCount: () => layer.pendingCount(),
      admin: layer.admin,
    },
    aidant: {
      account: layer.account,
      async login(login, password) {
        const user = await layer.login(login, password);
        const token = layer.sessionToken();
        if (token === undefined) throw new Error('login: no session token after sign-in');
        // Online now: keep the server's note key for sealing notes offline later.
        await layer.refreshNoteServerKey();
        return { user, token };
      },
      logout: () => layer.logout(),
      writes: layer.writes,
      visits: () => layer.directory.visits(),
      sessions: () => layer.directory.sessions(),
      pending: () => layer.pendingChanges(),
      setActingAccount: (userId) => layer.setActingAccount(userId),
      noteServerKey: () => layer.noteServerKey(),
      refreshNoteServerKey: () => layer.refreshNoteServerKey(),
      profiles: aidantProfiles(),
      notes: aidantNotes(),
      wiped: layer.wiped,
    },
  };
}

// The aidants' tablet profiles hold each one's session token: on a shared tablet, each
// aidant's changes are pushed under their own name (SyncEngineOptions.tokenFor).
let profilesStore: KeyValueStore | undefined;
let notesStore: KeyValueStore | undefined;
const aidantProfiles = (): KeyValueStore => (profilesStore ??= createKeyValueStore('escale-aidant-profiles'));
const aidantNotes = (): KeyValueStore => (notesStore ??= createKeyValueStore('escale-aidant-notes'));
/** A revoked tablet: its aidants' profiles (PIN salts, session tokens) and PIN-sealed notes go too. */
async function wipeAidantStores(): Promise<void> {
  await Promise.all([aidantProfiles().clear(), aidantNotes().clear()]);
}
async function aidantTokenFor(authorId: string): Promise<string | undefined> {
  const token = ((await aidantProfiles().get(authorId)) as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}
