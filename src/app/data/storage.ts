import { signal, type ReadonlySignal } from '@preact/signals';
import { findQuotaError, StorageFullError } from './errors';

// Storage safety (docs/quality.md, Storage): ask the browser to keep our data (iOS and
// Chrome evict "best effort" storage under pressure, taking the outbox with it), show how
// much room is left, and turn a quota error into something the user is told.

/** The part of `navigator.storage` we use; injected so tests run without a browser. */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageEstimateValue {
  usage: number;
  quota: number;
}

export interface StorageMonitor {
  /** true: the browser promised not to evict; false: it may; undefined: not known (yet). */
  readonly persisted: ReadonlySignal<boolean | undefined>;
  readonly estimate: ReadonlySignal<StorageEstimateValue | undefined>;
  /** Set when a write failed for lack of room; cleared by the next successful write. */
  readonly storageFull: ReadonlySignal<boolean>;
  /** Set when a newer version of the app opened the database: this tab must reload. */
  readonly reloadNeeded: ReadonlySignal<boolean>;
  requestPersistence(): Promise<boolean | undefined>;
  refreshEstimate(): Promise<StorageEstimateValue | undefined>;
  /** Run a write; a quota error becomes `StorageFullError` and sets `storageFull`. */
  guardWrite<T>(write: () => Promise<T>): Promise<T>;
  markReloadNeeded(): void;
}

export function createStorageMonitor(storage: StorageManagerLike | undefined): StorageMonitor {
  const persisted = signal<boolean | undefined>(undefined);
  const estimate = signal<StorageEstimateValue | undefined>(undefined);
  const storageFull = signal(false);
  const reloadNeeded = signal(false);

  async function requestPersistence(): Promise<boolean | undefined> {
    try {
      if (storage?.persisted && (await storage.persisted())) {
        persisted.value = true;
        return true;
      }
      if (storage?.persist) {
        persisted.value = await storage.persist();
        return persisted.value;
      }
    } catch (err) {
      console.warn('[storage] persist() failed', err);
    }
    return persisted.value;
  }

  async function refreshEstimate(): Promise<StorageEstimateValue | undefined> {
    try {
      if (storage?.estimate) {
        const e = await storage.estimate();
        estimate.value = { usage: e.usage ?? 0, quota: e.quota ?? 0 };
      }
    } catch (err) {
      console.warn('[storage] estimate() failed', err);
    }
    return estimate.value;
  }

  async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      const out = await write();
      if (storageFull.peek()) storageFull.value = false;
      return out;
    } catch (err) {
      if (findQuotaError(err)) {
        storageFull.value = true;
        void refreshEstimate();
        throw new StorageFullError(err);
      }
      throw err;
    }
  }

  return {
    persisted, estimate, storageFull, reloadNeeded, requestPersistence, refreshEstimate, guardWrite,
    markReloadNeeded: () => { reloadNeeded.value = true; },
  };
}
