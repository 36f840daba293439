import type { ReadonlySignal } from '@preact/signals';
import type { UseStore } from 'idb-keyval';
import { noteServerKeySchema, type NoteServerKey } from '../../shared/domain/sealedNote';
import type { User } from '../../shared/domain/user';
import { COLLECTION_SCHEMAS } from '../../shared/sync/collections';
import { targetOf } from '../../shared/sync/mutations';
import { uuidV4 } from '../ids/uuidV4';
import { createAccountSession } from './accountSession';
import { createAdminApi, type AdminApi } from './adminApi';
import { changeChannelName, createChangeFeed, type ChangeFeed } from './changeFeed';
import type { PendingChange, Preferences } from './contracts';
import { EscaleDb, META, REPLICA_FORMAT } from './db';
import { DEFAULT_DB_NAME } from './dbLayout';
import { clearHeldRows } from './heldRows';
import { LogoutRefusedError, ReloadNeededError } from './errors';
import type { FetchLike } from './fetchLike';
import { createIssues, type Issues } from './issues';
import { createLocalWrites, type LocalWrites } from './localWrites';
import { createPreferences } from './preferences';
import { RecordParser } from './recordParser';
import { createReplicaReader, type ReplicaReader } from './replicaReader';
import { createStorageMonitor, type StorageManagerLike, type StorageMonitor } from './storage';
import { forgetOtherAidants, sealOtherAidants } from './forgetOtherAidants';
import { readWipeNotice, wipeRevokedDevice, type WipeNotice } from './wipeRevokedDevice';

// The local store: the device database opened, its repositories wired, and nothing of the
// sync engine. The composition root (../composition/createDataLayer.ts) builds the engine
// over the same database and tells the store what to do after a write (`hooks`).

export interface LocalStoreOptions {
  /** IndexedDB database name; one per test. */
  dbName?: string;
  territoryId: string;
  fetch: FetchLike;
  baseUrl?: string;
  /**
   * The device id to use when the database is created (for instance the one the login
   * registered). Ignored once the database has one: the id never changes afterwards.
   */
  clientId?: string;
  now?: () => Date;
  /** `navigator.storage`; undefined where there is none. */
  storage?: StorageManagerLike;
  preferencesStore?: UseStore;
  /** Called by logout() once it is allowed (forget the token). */
  clearAuth?: () => void | Promise<void>;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  randomUUID?: () => string;
  /** Builds the Dexie database (tests give a subclass declaring a later version). */
  createDb?: (name: string) => EscaleDb;
  /**
   * The parser the first-paint reader used (bootReader.ts): the store takes it over, its
   * cache kept, so records already shown are not parsed again.
   */
  parser?: RecordParser;
  /** The change feed the first-paint reader's listeners are on (else a new one). */
  feed?: ChangeFeed;
  /**
   * What else a revoked device wipes, beside its database: the aidant space's stores (the
   * tablet's profiles, the PIN-sealed notes), kept in their own IndexedDB databases.
   */
  wipeAlso?: () => Promise<void>;
}

/** What the store tells the layer above it (the sync engine, through the composition root). */
export interface LocalStoreHooks {
  /** After each committed local write, once the change feed was told: schedule a push. */
  afterWrite(): Promise<void>;
  /** Conflicts or rejections changed (the status line counts them). */
  issuesChanged(): void;
}

export interface LocalStore {
  readonly db: EscaleDb;
  readonly feed: ChangeFeed;
  readonly storage: StorageMonitor;
  /** Reads records back (pulled pages seed its cache: `parser.prime`). */
  readonly parser: RecordParser;
  readonly directory: ReplicaReader;
  readonly preferences: Preferences;
  readonly writes: LocalWrites;
  readonly issues: Issues;
  readonly account: ReadonlySignal<User | undefined>;
  readonly admin: AdminApi;
  clientId(): string;
  /** The signed-in session's token (undefined on a public device). */
  sessionToken(): string | undefined;
  login(login: string, password: string): Promise<User>;
  /** Refused with LogoutRefusedError while the outbox is not empty; else forgets the account's rows and session. */
  logout(): Promise<void>;
  pendingCount(): Promise<number>;
  pendingChanges(): Promise<PendingChange[]>;
  refreshNoteServerKey(): Promise<NoteServerKey | undefined>;
  noteServerKey(): Promise<NoteServerKey | undefined>;
  setActingAccount(userId: string | undefined): void;
  /**
   * Whose scope a shared tablet pulls: the aidant at the tablet, or while it is locked the
   * last one who was (undefined: nobody opened it since the app started).
   */
  pullingAccount(): string | undefined;
  /**
   * The server said this device is revoked: wipe what it holds of its accounts
   * (wipeRevokedDevice.ts, then `wipeAlso`); resolves with the notice kept for the screens.
   */
  wipe(): Promise<WipeNotice>;
  /** The notice of the last wipe, until someone signs in again. */
  wipeNotice(): Promise<WipeNotice | undefined>;
  /** Close the change feed and the database. */
  close(): void;
}

/** Open the database, make sure the device has a clientId, wire the repositories. */
export async function openLocalStore(options: LocalStoreOptions, hooks: LocalStoreHooks): Promise<LocalStore> {
  const now = options.now ?? (() => new Date());
  const name = options.dbName ?? DEFAULT_DB_NAME;
  const storage = createStorageMonitor(options.storage);
  const feed = options.feed ?? createChangeFeed(changeChannelName(name));
  const opened = await openDatabase(name, options, storage);
  const { db } = opened;
  let clientId = opened.clientId;
  const randomUUID = options.randomUUID ?? uuidV4;
  const baseUrl = options.baseUrl ?? '';
  const session = createAccountSession(db, options.fetch, baseUrl);
  let actingAs: string | undefined;
  let lastActing: string | undefined;
  await session.load();
  const parser = options.parser ?? new RecordParser(COLLECTION_SCHEMAS, now);
  parser.connect(COLLECTION_SCHEMAS, (row) => db.quarantine.add(row));

  const guardWrite = <T>(write: () => Promise<T>): Promise<T> => {
    if (storage.reloadNeeded.value || !db.isOpen()) return Promise.reject(new ReloadNeededError());
    return storage.guardWrite(write);
  };
  const writes = createLocalWrites({
    db, now, guardWrite, actingAs: () => actingAs,
    afterWrite: (collections) => {
      feed.notify(collections);
      return hooks.afterWrite();
    },
  });
  const directory = createReplicaReader(db, parser, feed, options.territoryId);
  const noteKey = noteServerKeyStore(db, options.fetch, baseUrl);
  /** The aidant at the tablet when others' waiting changes could not be sealed (no usable note key yet). */
  let leftInClear: string | undefined;
  const switchedTo = async (userId: string): Promise<void> => {
    try {
      const { forgotten, toSeal } = await forgetOtherAidants(db, userId);
      if (forgotten > 0) feed.notify();
      const sealed = await sealOtherAidants(db, toSeal, await noteKey.read(), clientId);
      leftInClear = typeof sealed === 'string' ? userId : undefined;
      if (typeof sealed === 'string') console.warn(`[data] ${toSeal.length} waiting change(s) of another aidant left in clear: ${sealed}`);
      else if (sealed > 0) feed.notify();
    } catch (err) {
      console.error('[data] could not put the other aidants\' records away', err);
    }
  };
  return {
    db, feed, storage, parser, directory, writes,
    preferences: createPreferences(options.preferencesStore),
    issues: createIssues(db, now, () => { feed.notify(); hooks.issuesChanged(); }, writes, (c, id) => directory.versionOf(c, id)),
    account: session.user,
    admin: createAdminApi(options.fetch, baseUrl, () => session.token()),
    clientId: () => clientId,
    sessionToken: () => session.token(),
    async login(login, password) {
      const user = await session.login(login, password, clientId);
      await db.meta.delete(META.wiped);
      return user;
    },
    async logout() {
      const cleared = await forgetAccountRows(db);
      if (cleared > 0) throw new LogoutRefusedError(cleared);
      await session.forget();
      await options.clearAuth?.();
    },
    pendingCount: () => db.outbox.count(),
    pendingChanges: async () => (await db.outbox.orderBy('id').toArray()).map((e) => {
      const id = targetOf(e.name, e.args)?.id;
      return {
        mutationId: e.id, name: e.name, createdAt: e.createdAt, taken: e.takenAt !== undefined,
        ...(id !== undefined ? { recordId: id } : {}), ...(e.sealed ? { sealed: true as const } : {}),
      };
    }),
    async refreshNoteServerKey() {
      const key = await noteKey.refresh();
      // A key that opens sealed changes arrived: seal what was left in clear at the switch.
      if (leftInClear !== undefined && leftInClear === actingAs && key?.sealedMutations === 1) void switchedTo(leftInClear);
      return key;
    },
    noteServerKey: noteKey.read,
    setActingAccount(userId) {
      actingAs = userId;
      if (userId !== undefined) lastActing = userId;
      // Another aidant's pulled records and pending edits leave the replica before this
      // one's screens read it (forgetOtherAidants.ts: its transaction starts now, their
      // reads wait for it); then their waiting changes are sealed for the server.
      if (userId !== undefined) void switchedTo(userId);
    },
    pullingAccount: () => actingAs ?? lastActing,
    async wipe() {
      actingAs = undefined;
      lastActing = undefined;
      const fresh = randomUUID();
      const notice = await wipeRevokedDevice(db, now(), fresh);
      clientId = fresh;
      session.dropLocal();
      await options.wipeAlso?.();
      feed.notify();
      return notice;
    },
    wipeNotice: () => readWipeNotice(db),
    close() {
      feed.close();
      db.close();
    },
  };
}

/** The database opened at its current version, rows of an older replica format cleared, and the device's id. */
async function openDatabase(name: string, options: LocalStoreOptions, storage: StorageMonitor): Promise<{ db: EscaleDb; clientId: string }> {
  const db = options.createDb?.(name) ?? new EscaleDb(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
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
  await db.transaction('rw', [db.meta, ...db.replicaTables], async () => {
    const format = (await db.meta.get(META.replicaFormat))?.value;
    if (format === REPLICA_FORMAT) return;
    if (format !== undefined) {
      await clearHeldRows(db);
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
  return { db, clientId };
}

/**
 * A logout's transaction: with changes waiting, nothing is touched and their count is
 * returned; else the account's replicated rows, pending edits and cursor are cleared (the
 * next person must not see this account's visit logs) and 0 is returned.
 */
async function forgetAccountRows(db: EscaleDb): Promise<number> {
  return db.transaction('rw', [db.outbox, ...db.replicaTables, db.pendingEdits, db.meta], async () => {
    const pending = await db.outbox.count();
    if (pending > 0) return pending;
    await clearHeldRows(db);
    await db.pendingEdits.clear();
    await db.meta.delete(META.cursor);
    await db.meta.put({ key: META.newestSeq, value: 0 });
    return 0;
  });
}

/** The server's key for sealing visit notes, fetched online and kept in `meta` for offline use. */
function noteServerKeyStore(db: EscaleDb, fetch: FetchLike, baseUrl: string) {
  const read = async (): Promise<NoteServerKey | undefined> => {
    const parsed = noteServerKeySchema.safeParse((await db.meta.get(META.noteServerKey))?.value);
    return parsed.success ? parsed.data : undefined;
  };
  const refresh = async (): Promise<NoteServerKey | undefined> => {
    try {
      const res = await fetch(`${baseUrl}/api/sync/note-key`, { headers: { accept: 'application/json' } });
      const parsed = res.ok ? noteServerKeySchema.safeParse(await res.json()) : undefined;
      if (parsed?.success) {
        await db.meta.put({ key: META.noteServerKey, value: parsed.data });
        return parsed.data;
      }
    } catch {
      // Offline or an older server: keep the key we have, if any.
    }
    return read();
  };
  return { read, refresh };
}
