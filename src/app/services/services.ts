import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReadonlySignal } from '@preact/signals';
import type { AidantBackend, DirectoryReader, Preferences, SyncStatus } from '../data/contracts';
import type { AppState } from '../state/appState';
import type { StaffServices } from './staffServices';

/**
 * Everything a screen may ask of the world outside the interface. Screens get it from
 * this context and never import the data layer, Dexie or fetch themselves; the one place
 * that builds it is `wiring.ts` (tests build theirs from in-memory twins).
 */
export interface Services {
  directory: DirectoryReader;
  preferences: Preferences;
  /** Undefined until the sync engine has said anything. */
  syncStatus: ReadonlySignal<SyncStatus | undefined>;
  /** Asks the sync engine for a pull now (e.g. a "refresh" button); absent in tests. */
  syncNow?: () => Promise<void>;
  /**
   * The staff space's repositories (/bureau); absent where there is no data layer, and
   * until `connect()` has brought it.
   */
  staff?: StaffServices;
  /** The clock, injected so screens and tests agree on "now" (opening hours, passages). */
  now: () => Date;
  /**
   * The aidant space's account, writes and stores; absent on a page without the data
   * layer, and until `connect()` has brought it.
   */
  aidant?: AidantBackend;
  /**
   * Loads the rest of the data layer (Dexie, sync engine, writes, account) if it is not
   * there yet: it comes after the public home's first paint (wiring.ts). The aidant and
   * staff spaces wait for it (App.tsx). Absent with the in-memory twins.
   */
  connect?: () => Promise<unknown>;
}

export interface AppContextValue {
  services: Services;
  state: AppState;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext is missing: wrap the screen in <AppContext.Provider>.');
  return value;
}

export const useServices = (): Services => useApp().services;
export const useAppState = (): AppState => useApp().state;
