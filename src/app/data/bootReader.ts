import type { RecordOf } from '../../shared/sync/collections';
import { DIRECTORY_SCHEMAS, type DirectoryCollection } from '../../shared/sync/directoryCollections';
import { overlayPending } from '../replica/overlayPending';
import { isPacked, latestRows, packsHolding, rowsOfPack, type Pack, type PackIds } from '../replica/packs';
import { changeChannelName, createChangeFeed, type ChangeFeed } from './changeFeed';
import type { DirectoryReader } from './contracts';
import type { MetaRow, PendingEdit, ReplicaRow } from './db';
import { DEFAULT_DB_NAME, META, REPLICA_FORMAT } from './dbLayout';
import { RecordParser } from './recordParser';

/**
 * The directory read from the device database WITHOUT Dexie, for the first paint: Dexie,
 * the sync engine and the write side (~45 KB gzipped) load right after (wiring.ts), and
 * the public home lists the nearest places from IndexedDB before they arrive
 * (docs/quality.md: ≤ 60 KB of JavaScript before the home is usable).
 *
 * Same database, read-only transactions over the stores db.ts declares (`rows` keyed by
 * [collection+id]; `packs` and `packIds` keyed by [collection+first]; `pendingEdits` with
 * `collection` and `[collection+id]` indexes; `meta`), pending edits laid over the server rows as the
 * Dexie reader does (overlayPending), every record parsed with the shared schemas
 * (RecordParser; rows that fail are held and quarantined once the data layer connects).
 *
 * It never creates nor upgrades the database: on a fresh device it finds nothing (and
 * leaves the creation to Dexie), it steps aside when Dexie opens a newer version, and it
 * shows nothing from rows of another replica format (the data layer clears those).
 */
export interface BootReader extends DirectoryReader {
  /** Handed to the data layer, so records shown are not parsed again. */
  readonly parser: RecordParser;
  /** Handed to the data layer, so listeners registered now hear pulled pages later. */
  readonly feed: ChangeFeed;
  /** The IndexedDB version rows were last read at; undefined when nothing could be read. */
  readVersion(): number | undefined;
  /** Close its connection (the data layer has taken over). */
  close(): void;
}

export interface BootReaderOptions {
  dbName?: string;
  /** The territory a public device follows (its record is read by id). */
  territoryId?: string;
  indexedDB?: IDBFactory;
  now?: () => Date;
  /** Defaults to a new feed on the database's BroadcastChannel. */
  feed?: ChangeFeed;
}

interface RawRead {
  rows: ReplicaRow[];
  pending: PendingEdit[];
}

/** Stores and indexes this reader relies on (db.ts, CURRENT_STORES, since v3). */
const STORES = ['meta', 'rows', 'packs', 'packIds', 'pendingEdits'] as const;

/** A collection's rows as a key range of a store keyed by [collection, …]. */
const collectionRange = (collection: DirectoryCollection): IDBKeyRange => IDBKeyRange.bound([collection], [collection, []]);

/**
 * Rows held in packs (../replica/packs.ts), read in `tx` as heldRows.ts reads them: a
 * collection reads its packs whole; one record, the pack ids first, then only the packs
 * holding it. The array fills as the requests succeed, complete when `tx` is.
 */
function readPacked(tx: IDBTransaction, collection: DirectoryCollection, id: string | undefined): ReplicaRow[][] {
  const packed: ReplicaRow[][] = [];
  if (!isPacked(collection)) return packed;
  const range = collectionRange(collection);
  const packStore = tx.objectStore('packs');
  const keep = (pack: Pack | undefined) => pack && packed.push(id === undefined ? rowsOfPack(pack) : rowsOfPack(pack).filter((r) => r.id === id));
  if (id === undefined) {
    const all = packStore.getAll(range) as IDBRequest<Pack[]>;
    all.onsuccess = () => all.result.forEach(keep);
    return packed;
  }
  const ids = tx.objectStore('packIds').getAll(range) as IDBRequest<PackIds[]>;
  ids.onsuccess = () => {
    for (const first of packsHolding(ids.result, new Set([id]))) {
      const one = packStore.get([collection, first]) as IDBRequest<Pack | undefined>;
      one.onsuccess = () => keep(one.result);
    }
  };
  return packed;
}

export function createBootReader(options: BootReaderOptions = {}): BootReader {
  const name = options.dbName ?? DEFAULT_DB_NAME;
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const parser = new RecordParser(DIRECTORY_SCHEMAS, options.now ?? (() => new Date()));
  const feed = options.feed ?? createChangeFeed(changeChannelName(name));
  let connection: Promise<IDBDatabase | undefined> | undefined;
  let closed = false;
  let version: number | undefined;

  function open(): Promise<IDBDatabase | undefined> {
    if (closed || !factory) return Promise.resolve(undefined);
    connection ??= new Promise<IDBDatabase | undefined>((resolve) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(name); // no version: never an upgrade, never blocked
      } catch {
        resolve(undefined);
        return;
      }
      // No database yet (a fresh device): do not create an empty one, Dexie will.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = (event) => {
        event.preventDefault();
        connection = undefined;
        resolve(undefined);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Dexie opening a newer version (an upgrade) waits for every connection to close.
        db.onversionchange = () => forget(db);
        db.onclose = () => forget(db);
        if (closed || STORES.some((s) => !db.objectStoreNames.contains(s))) {
          forget(db);
          resolve(undefined);
          return;
        }
        resolve(db);
      };
    });
    return connection;
  }

  function forget(db: IDBDatabase): void {
    db.close();
    connection = undefined;
  }

  function read(db: IDBDatabase, collection: DirectoryCollection, id: string | undefined): Promise<RawRead | undefined> {
    return new Promise((resolve, reject) => {
      const tx = db.transaction([...STORES], 'readonly');
      const rowStore = tx.objectStore('rows');
      const pendingStore = tx.objectStore('pendingEdits');
      const index = id === undefined ? 'collection' : '[collection+id]';
      if (!pendingStore.indexNames.contains(index)) {
        tx.abort();
        resolve(undefined);
        return;
      }
      const format = tx.objectStore('meta').get(META.replicaFormat) as IDBRequest<MetaRow | undefined>;
      const rows = (id === undefined ? rowStore.getAll(collectionRange(collection)) : rowStore.getAll([collection, id])) as IDBRequest<ReplicaRow[]>;
      const pending = pendingStore.index(index).getAll(id === undefined ? collection : [collection, id]) as IDBRequest<PendingEdit[]>;
      const packed = readPacked(tx, collection, id);
      tx.oncomplete = () => {
        // Rows of another replica format are cleared and pulled again by the data layer.
        if (format.result?.value !== REPLICA_FORMAT) return resolve(undefined);
        version = db.version;
        resolve({ rows: packed.length ? latestRows([rows.result, ...packed]) : rows.result, pending: pending.result });
      };
      tx.onerror = () => reject(tx.error ?? new Error('bootReader: read failed'));
      tx.onabort = () => reject(tx.error ?? new Error('bootReader: read aborted'));
    });
  }

  async function readRaw(collection: DirectoryCollection, id?: string): Promise<RawRead | undefined> {
    for (let attempt = 0; ; attempt++) {
      const db = await open();
      if (!db) return undefined;
      try {
        return await read(db, collection, id);
      } catch (error) {
        // The connection closed under us (Dexie's upgrade): open again, once.
        if (attempt > 0 || (error as { name?: string }).name !== 'InvalidStateError') throw error;
        connection = undefined;
      }
    }
  }

  async function records<C extends DirectoryCollection>(collection: C, id?: string): Promise<RecordOf<C>[]> {
    const raw = await readRaw(collection, id);
    if (!raw) return [];
    const out: RecordOf<C>[] = [];
    for (const visible of overlayPending(raw.rows, raw.pending)) {
      const parsed = parser.parse(collection, visible);
      if (parsed) out.push(parsed.record);
    }
    return out;
  }

  return {
    parser,
    feed,
    async territory() {
      if (options.territoryId) {
        const [one] = await records('territory', options.territoryId);
        if (one) return one;
      }
      return (await records('territory'))[0];
    },
    places: () => records('place'),
    async place(id) { return (await records('place', id))[0]; },
    tours: () => records('tour'),
    mobilityOffers: () => records('mobility'),
    checklists: () => records('checklist'),
    async checklist(id) { return (await records('checklist', id))[0]; },
    onChange: (listener) => feed.onChange(listener),
    readVersion: () => version,
    close() {
      closed = true;
      const held = connection;
      connection = undefined;
      void held?.then((db) => db?.close());
    },
  };
}
