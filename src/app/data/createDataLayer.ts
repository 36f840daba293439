import { targetOf } from '../../shared/sync/mutations';
import { uuidV4 } from '../ids/uuidV4';
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { UseStore } from 'idb-keyval';
import type { SyncStatus } from './contracts';
import type { PendingChange, Preferences } from './contracts';
import { changeChannelName, createChangeFeed, type ChangeFeed } from './changeFeed';
import { EscaleDb, META, REPLICA_FORMAT } from './db';
import { LogoutRefusedError, ReloadNeededError } from './errors';
import { createAccountSession } from './accountSession';
import { createAdminApi, type AdminApi } from './adminApi';
import { createIssues, type Issues } from './issues';
import type { User } from '../../shared/domain/user';
import { noteServerKeySchema, type NoteServerKey } from '../../shared/domain/sealedNote';
import { createLocalWrites, type LocalWrites } from './localWrites';
import { createPreferences } from './preferences';
import { RecordParser } from './recordParser';
import { COLLECTION_SCHEMAS } from '../../shared/sync/collections';
import { DEFAULT_DB_NAME } from './dbLayout';
import { createReplicaReader, type ReplicaReader } from './replicaReader';
import { createStorageMonitor, type StorageManagerLike, type StorageMonitor } from './storage';
import { createSyncEngine, type CycleOutcome, type SyncAuth, type SyncEngine } from '../sync/syncEngine';
import type { LockManagerLike, NetworkWatch, Timers } from '../sync/environment';
import type { FetchLike } from '../sync/syncHttp';
import type { BackoffOptions } from '../sync/backoff';

export interface DataLayerOptions {
  /** IndexedDB database name; one per test. */
  dbName?: string;
  territoryId: string;
  fetch: FetchLike;
  baseUrl?: string;
  /**
   * The session token; undefined for a public device. By default the account signed in
   * with `login()` on this device (kept in the database).
   */
  getAuth?: () => SyncAuth | undefined | Promise<SyncAuth | undefined>;
  /**
   * The device id to use when the database is created (for instance the one the login
   * registered). Ignored once the database has one: the id never changes afterwards.
   */
  clientId?: string;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  network?: NetworkWatch;
  locks?: LockManagerLike;
  /** `navigator.storage`; undefined where there is none. */
  storage?: StorageManagerLike;
  preferencesStore?: UseStore;
  /** Called by logout() once it is allowed (forget the token). */
  clearAuth?: () => void | Promise<void>;
  status?: Signal<SyncStatus>;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  pullLimit?: number;
  pushBatchSize?: number;
  periodicMs?: number;
  afterWriteMs?: number;
  backoff?: BackoffOptions;
  randomUUID?: () => string;
  /** Builds the Dexie database (tests give a subclass declaring a later version). */
  createDb?: (name: string) => EscaleDb;
  log?: (message: string) => void;
  requestTimeoutMs?: number;
  /** A shared tablet: each author's session token (see SyncEngineOptions.tokenFor). */
  tokenFor?: (authorId: string) => string | undefined | Promise<string | undefined>;
  /**
   * The parser the first-paint reader used (bootReader.ts): the layer takes it over, its
   * cache kept, so records already shown are not parsed again.
   */
  parser?: RecordParser;
  /** The change feed the first-paint reader's listeners are on (else a new one). */
  feed?: ChangeFeed;
}

/** Everything screens use. They never touch Dexie or fetch (DESIGN.md, Architecture). */
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
  start(): void;
  /** Stop the engine and close the database (a test's "reload"). */
  close(): void;
  readonly db: EscaleDb;
  readonly engine: SyncEngine;
}

/** Open the database, make sure the device has a clientId, wire the repositories and the engine. */
export async function createDataLayer(options: DataLayerOptions): Promise<DataLayer> {
  const now = options.now ?? (() => new Date());
  const name = options.dbName ?? DEFAULT_DB_NAME;
  const db = options.createDb?.(name) ?? new EscaleDb(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  const storage = createStorageMonitor(options.storage);
  const feed = options.feed ?? createChangeFeed(changeChannelName(name));

  // A newer version of the app opened the database (another tab after an update): close
  // cleanly so its upgrade can run, and ask for a reload. The outbox lives in IndexedDB,
  // so nothing queued is lost.
  db.on('versionchange', () => {
    db.close();
    storage.markReloadNeeded();
    return false;
  });

  await db.open();
  const randomUUID = options.randomUUID ?? uuidV4;
  // Rows pulled under an older replica format are pulled again (never the outbox).
  await db.transaction('rw', [db.meta, db.rows], async () => {
    const format = (await db.meta.get(META.replicaFormat))?.value;
    if (format === REPLICA_FORMAT) return;
    if (format !== undefined) {
      await db.rows.clear();
      await db.meta.delete(META.cursor);
      await db.meta.put({ key: META.newestSeq, value: 0 });
    }
    await db.meta.put({ key: META.replicaFormat, value: REPLICA_FORMAT });
  });
  const clientId = await db.transaction('rw', db.meta, async () => {
    const held = (await db.meta.get(META.clientId))?.value;
    if (typeof held === 'string') return held;
    const fresh = options.clientId ?? randomUUID();
    await db.meta.put({ key: META.clientId, value: fresh });
    return fresh;
  });

  const session = createAccountSession(db, options.fetch, options.baseUrl ?? '');
  let actingAs: string | undefined;
  await session.load();
  const parser = options.parser ?? new RecordParser(COLLECTION_SCHEMAS, now);
  parser.connect(COLLECTION_SCHEMAS, (row) => db.quarantine.add(row));
  const engine = createSyncEngine({
    db, feed, fetch: options.fetch, baseUrl: options.baseUrl ?? '', territoryId: options.territoryId,
    getAuth: options.getAuth ?? (() => { const token = session.token(); return token ? { token } : undefined; }), now,
    storageFull: storage.storageFull,
    guardWrite: (write) => storage.guardWrite(write),
    onPageStored: (rows) => parser.prime(rows),
    ...pick(options, ['timers', 'random', 'network', 'locks', 'status', 'pullLimit', 'pushBatchSize', 'periodicMs', 'afterWriteMs', 'backoff', 'log', 'requestTimeoutMs', 'tokenFor']),
  });

  const guardWrite = <T>(write: () => Promise<T>): Promise<T> => {
    if (storage.reloadNeeded.value || !db.isOpen()) return Promise.reject(new ReloadNeededError());
    return storage.guardWrite(write);
  };
  await engine.refreshStatus();
  const writes = createLocalWrites({
    db, now, guardWrite, actingAs: () => actingAs,
    afterWrite: () => {
      feed.notify();
      return engine.afterLocalWrite();
    },
  });

  const readNoteServerKey = async (): Promise<NoteServerKey | undefined> => {
    const parsed = noteServerKeySchema.safeParse((await db.meta.get(META.noteServerKey))?.value);
    return parsed.success ? parsed.data : undefined;
  };
  const directory = createReplicaReader(db, parser, feed, options.territoryId);
  return {
    db, engine, storage,
    directory,
    preferences: createPreferences(options.preferencesStore),
    writes,
    issues: createIssues(db, now, () => { feed.notify(); void engine.refreshStatus(); }, writes, (c, id) => directory.versionOf(c, id)),
    syncStatus: engine.status,
    syncNow: () => engine.syncNow(),
    clientId: async () => clientId,
    pendingCount: () => db.outbox.count(),
    pendingChanges: async () => (await db.outbox.orderBy('id').toArray()).map((e) => {
      const id = targetOf(e.name, e.args)?.id;
      return { mutationId: e.id, name: e.name, createdAt: e.createdAt, taken: e.takenAt !== undefined, ...(id !== undefined ? { recordId: id } : {}) };
    }),
    sessionToken: () => session.token(),
    async refreshNoteServerKey() {
      try {
        const res = await options.fetch(`${options.baseUrl ?? ''}/api/sync/note-key`, { headers: { accept: 'application/json' } });
        const parsed = res.ok ? noteServerKeySchema.safeParse(await res.json()) : undefined;
        if (parsed?.success) {
          await db.meta.put({ key: META.noteServerKey, value: parsed.data });
          return parsed.data;
        }
      } catch {
        // Offline or an older server: keep the key we have, if any.
      }
      return readNoteServerKey();
    },
    noteServerKey: readNoteServerKey,
    account: session.user,
    admin: createAdminApi(options.fetch, options.baseUrl ?? '', () => session.token()),
    async login(login, password) {
      const user = await session.login(login, password, clientId);
      engine.clearAuthProblem();
      void engine.syncNow();
      return user;
    },
    async logout() {
      const cleared = await db.transaction('rw', [db.outbox, db.rows, db.pendingEdits, db.meta], async () => {
        const pending = await db.outbox.count();
        if (pending > 0) return pending;
        // The next person must not see this account's rows (visit logs): start over.
        await db.rows.clear();
        await db.pendingEdits.clear();
        await db.meta.delete(META.cursor);
        await db.meta.put({ key: META.newestSeq, value: 0 });
        return 0;
      });
      if (cleared > 0) throw new LogoutRefusedError(cleared);
      await session.forget();
      await options.clearAuth?.();
      engine.clearAuthProblem();
      feed.notify();
    },
    setActingAccount(userId) {
      actingAs = userId;
    },
    loggedIn() {
      engine.clearAuthProblem();
      void engine.syncNow();
    },
    start() {
      void storage.requestPersistence();
      void storage.refreshEstimate();
      engine.start();
    },
    close() {
      engine.stop();
      feed.close();
      db.close();
    },
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

function browserNetwork(): NetworkWatch {
  const listen = (target: EventTarget | undefined, type: string, fn: () => void) => {
    target?.addEventListener(type, fn);
    return () => target?.removeEventListener(type, fn);
  };
  const win = typeof window !== 'undefined' ? window : undefined;
  const doc = typeof document !== 'undefined' ? document : undefined;
  return {
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    onOnline: (fn) => listen(win, 'online', fn),
    onOffline: (fn) => listen(win, 'offline', fn),
    onVisible: (fn) => listen(doc, 'visibilitychange', () => { if (doc?.visibilityState === 'visible') fn(); }),
  };
}
