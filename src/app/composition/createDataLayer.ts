import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { NoteServerKey } from '../../shared/domain/sealedNote';
import type { User } from '../../shared/domain/user';
import { LoginFailedError } from '../data/accountSession';
import type { AdminApi } from '../data/adminApi';
import type { PendingChange, Preferences, SyncStatus } from '../data/contracts';
import type { EscaleDb } from '../data/db';
import type { Issues } from '../data/issues';
import type { LocalWrites } from '../data/localWrites';
import { openLocalStore, type LocalStoreOptions } from '../data/localStore';
import type { ReplicaReader } from '../data/replicaReader';
import type { StorageMonitor } from '../data/storage';
import type { WipeNotice } from '../data/wipeRevokedDevice';
import type { LockManagerLike } from '../sync/environment';
import { createSyncEngine, type CycleOutcome, type SyncEngine, type SyncEngineOptions } from '../sync/syncEngine';
import { browserNetwork } from './browserNetwork';

// The composition root of the data side: the local store (../data) and the sync engine
// (../sync) built over the same database, each told about the other here and nowhere
// else (the store knows nothing of the engine; the engine calls the store's functions).
// A lazy chunk: wiring.ts imports it after the first paint (Dexie is in it).

/** The local store's options (dbName, fetch, clock, storage, createDb, parser, feed…) and the engine's. */
export interface DataLayerOptions extends LocalStoreOptions, Partial<Pick<SyncEngineOptions,
  'timers' | 'random' | 'network' | 'locks' | 'status' | 'pullLimit' | 'pushBatchSize' | 'periodicMs' | 'afterWriteMs' |
  'backoff' | 'log' | 'requestTimeoutMs' | 'tokenFor'>> {
  /**
   * The session token; undefined for a public device. By default the account signed in
   * with `login()` on this device (kept in the database).
   */
  getAuth?: SyncEngineOptions['getAuth'];
}

/** Everything screens use. They never touch Dexie or fetch (docs/architecture.md). */
export interface DataLayer {
  readonly directory: ReplicaReader;
  readonly preferences: Preferences;
  readonly writes: LocalWrites;
  /** Conflicts and rejections kept for the user to resolve. */
  readonly issues: Issues;
  readonly syncStatus: ReadonlySignal<SyncStatus>;
  syncNow(): Promise<CycleOutcome>;
  readonly storage: StorageMonitor;
  /** The device's id for the server (send it at login). */
  clientId(): Promise<string>;
  /** The signed-in account (aidant, staff), undefined on a public device. */
  readonly account: ReadonlySignal<User | undefined>;
  /** Admin endpoints (accounts, devices) with this device's session; they need the network. */
  readonly admin: AdminApi;
  /** Sign in on this device (needs the network); then syncs under the account's scope. */
  login(login: string, password: string): Promise<User>;
  /** Changes waiting for the server. */
  pendingCount(): Promise<number>;
  /** The waiting changes, oldest first: mutation id, name, record id (for "what is waiting"). */
  pendingChanges(): Promise<PendingChange[]>;
  /**
   * The signed-in session's token, for the aidant space's tablet profile (its presence is
   * what lets a PIN unlock offline; it is wiped after too many wrong PINs). Not sent anywhere.
   */
  sessionToken(): string | undefined;
  /**
   * The server's public key for sealing visit notes, fetched online (after a login) and
   * kept on the device, so a note can be sealed for the server offline all day.
   */
  refreshNoteServerKey(): Promise<NoteServerKey | undefined>;
  noteServerKey(): Promise<NoteServerKey | undefined>;
  /**
   * Sign out: refused with LogoutRefusedError while the outbox is not empty (those changes
   * would be lost); otherwise forgets the session and this account's replicated rows.
   */
  logout(): Promise<void>;
  /** After a new login: retry at once. */
  loggedIn(): void;
  /**
   * A shared tablet: the account now at the tablet (an aidant unlocked with their PIN).
   * Each write is stamped with it and pushed with that account's token (`tokenFor`).
   */
  setActingAccount(userId: string | undefined): void;
  /**
   * Set once the server said this device is revoked and the device wiped what it held
   * (at its next contact: a sync or a sign-in); kept across restarts until a sign-in.
   */
  readonly wiped: ReadonlySignal<WipeNotice | undefined>;
  start(): void;
  /** Stop the engine and close the database (a test's "reload"). */
  close(): void;
  readonly db: EscaleDb;
  readonly engine: SyncEngine;
}

/** Open the local store, build the sync engine over it, and wire each to the other. */
export async function createDataLayer(options: DataLayerOptions): Promise<DataLayer> {
  const now = options.now ?? (() => new Date());
  // The engine is built once the store is open; the store calls these only after that.
  const built: { engine?: SyncEngine } = {};
  const running = (): SyncEngine => built.engine!;
  const store = await openLocalStore({ ...storeOptions(options), now }, {
    afterWrite: () => running().afterLocalWrite(),
    issuesChanged: () => void running().refreshStatus(),
  });
  const { db, feed, storage, parser } = store;
  const sync = createSyncEngine({
    db, feed, fetch: options.fetch, baseUrl: options.baseUrl ?? '', territoryId: options.territoryId,
    getAuth: options.getAuth ?? (async () => {
      // A shared tablet pulls under the aidant at the tablet (their own scope), else under
      // the device's sign-in (forgetOtherAidants.ts, docs/privacy.md).
      const acting = store.pullingAccount();
      const token = (acting !== undefined ? await options.tokenFor?.(acting) : undefined) ?? store.sessionToken();
      return token ? { token } : undefined;
    }), now,
    storageFull: storage.storageFull,
    guardWrite: (write) => storage.guardWrite(write),
    onPageStored: (rows) => parser.prime(rows),
    ...pick(options, ['timers', 'random', 'network', 'locks', 'status', 'pullLimit', 'pushBatchSize', 'periodicMs', 'afterWriteMs', 'backoff', 'log', 'requestTimeoutMs', 'tokenFor']),
  });
  built.engine = sync;
  const wiped = signal<WipeNotice | undefined>(await store.wipeNotice());
  // A revoked device wipes itself at the first answer that says so, once per revocation.
  let wiping: Promise<void> | undefined;
  const wipe = (): Promise<void> => (wiping ??= (async () => {
    try {
      wiped.value = await store.wipe();
      // Now a public device: the directory is pulled again, under no account.
      sync.clearAuthProblem();
      void sync.syncNow();
    } finally {
      wiping = undefined;
    }
  })());
  sync.status.subscribe((s) => {
    // Once per revocation: after a wipe, only a sign-in (which clears the notice) arms it
    // again, so a device still refused after its wipe does not wipe in a loop.
    if (s.kind === 'actionNeeded' && s.reason === 'deviceRevoked' && !wiped.value) void wipe().catch((err: unknown) => console.error('[data] wipe of a revoked device failed', err));
  });
  await sync.refreshStatus();
  return {
    db, engine: sync, storage,
    directory: store.directory,
    preferences: store.preferences,
    writes: store.writes,
    issues: store.issues,
    syncStatus: sync.status,
    syncNow: () => sync.syncNow(),
    clientId: async () => store.clientId(),
    pendingCount: () => store.pendingCount(),
    pendingChanges: () => store.pendingChanges(),
    sessionToken: () => store.sessionToken(),
    refreshNoteServerKey: () => store.refreshNoteServerKey(),
    noteServerKey: () => store.noteServerKey(),
    account: store.account,
    admin: store.admin,
    async login(login, password) {
      let user: User;
      try {
        user = await store.login(login, password);
      } catch (error) {
        // Signing in on a revoked device is a contact too: it wipes what is left.
        if (error instanceof LoginFailedError && error.code === 'device_revoked') await wipe();
        throw error;
      }
      wiped.value = undefined;
      sync.clearAuthProblem();
      void sync.syncNow();
      return user;
    },
    async logout() {
      await store.logout();
      sync.clearAuthProblem();
      feed.notify();
    },
    setActingAccount: (userId) => store.setActingAccount(userId),
    wiped,
    loggedIn() {
      sync.clearAuthProblem();
      void sync.syncNow();
    },
    start() {
      void storage.requestPersistence();
      void storage.refreshEstimate();
      sync.start();
    },
    close() {
      sync.stop();
      store.close();
    },
  };
}

/** The options that are the local store's. */
function storeOptions(o: DataLayerOptions): LocalStoreOptions {
  return {
    territoryId: o.territoryId, fetch: o.fetch,
    ...pick(o, ['dbName', 'baseUrl', 'clientId', 'storage', 'preferencesStore', 'clearAuth', 'indexedDB', 'IDBKeyRange', 'randomUUID', 'createDb', 'parser', 'feed', 'wipeAlso']),
  };
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The app-wide sync status, readable before the data layer has opened. */
export const syncStatus: Signal<SyncStatus> = signal<SyncStatus>({ kind: 'pending', pending: 0 });

let shared: Promise<DataLayer> | undefined;

/**
 * The app's one data layer, wired to the browser: fetch, navigator.onLine and its events,
 * visibilitychange, navigator.locks, navigator.storage. `configure` is read on first call.
 */
export function getDataLayer(configure?: Partial<DataLayerOptions> & Pick<DataLayerOptions, 'territoryId'>): Promise<DataLayer> {
  if (!shared) {
    if (!configure) throw new Error('getDataLayer: the first call must give the territory');
    shared = createDataLayer({
      fetch: (input, init) => fetch(input, init),
      network: browserNetwork(),
      ...(typeof navigator !== 'undefined' && navigator.locks ? { locks: navigator.locks as unknown as LockManagerLike, } : {}),
      ...(typeof navigator !== 'undefined' && navigator.storage ? { storage: navigator.storage } : {}),
      status: syncStatus,
      ...configure,
    }).then((layer) => {
      layer.start();
      return layer;
    });
  }
  return shared;
}

/** Push then pull now, through the app's data layer. */
export async function syncNow(): Promise<CycleOutcome> {
  if (!shared) return 'offline';
  return (await shared).syncNow();
}
