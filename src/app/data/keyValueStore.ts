import { clear, createStore, del, get, set, values, type UseStore } from 'idb-keyval';

/**
 * A small keyed store in IndexedDB (idb-keyval), apart from the replica: a reset of the
 * replicated tables or a logout never touches it. Used by the aidant space for the tablet's
 * profiles (PIN salt and verifier, never the PIN) and the aidants' PIN-sealed notes. Values
 * come back unparsed: the caller parses them with its schema (docs/style.md #8).
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  list(): Promise<unknown[]>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
}

export function createKeyValueStore(dbName: string, storeName = 'kv', store: UseStore = createStore(dbName, storeName)): KeyValueStore {
  return {
    get: (key) => get(key, store),
    put: (key, value) => set(key, value, store),
    list: () => values(store),
    delete: (key) => del(key, store),
    clear: () => clear(store),
  };
}

/** The in-memory twin (tests, a page without IndexedDB). Copies in and out, like IndexedDB. */
export function createMemoryKeyValueStore(): KeyValueStore & { dump(): Map<string, unknown> } {
  const rows = new Map<string, unknown>();
  return {
    get: async (key) => (rows.has(key) ? structuredClone(rows.get(key)) : undefined),
    put: async (key, value) => void rows.set(key, structuredClone(value)),
    list: async () => [...rows.values()].map((v) => structuredClone(v)),
    delete: async (key) => void rows.delete(key),
    clear: async () => rows.clear(),
    dump: () => new Map(rows),
  };
}
