// What the engine needs from the outside world, injected so tests drive time and the
// network (docs/style.md #7). `getDataLayer()` (../composition/createDataLayer.ts) wires the real ones.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NetworkWatch {
  /** false only when the browser is sure there is no network (navigator.onLine). */
  isOnline(): boolean;
  /** Subscriptions return an unsubscribe function. */
  onOnline(listener: () => void): () => void;
  onOffline(listener: () => void): () => void;
  /** The page became visible again (visibilitychange → visible). */
  onVisible(listener: () => void): () => void;
}

/** The subset of the Web Locks API the engine uses. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** A network that is always there and never announces anything (tests, Node). */
export const steadyNetwork: NetworkWatch = {
  isOnline: () => true,
  onOnline: () => () => {},
  onOffline: () => () => {},
  onVisible: () => () => {},
};

const held = new Map<string, Promise<unknown>>();

/**
 * Used where `navigator.locks` is missing (Node tests, old browsers): a mutex within this
 * JavaScript realm. Across tabs of such a browser two pushers may then overlap; that stays
 * safe (the server applies each mutation id once and answers a replay with the stored
 * result), it only costs a duplicate request.
 */
export const inProcessLocks: LockManagerLike = {
  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    const before = held.get(name) ?? Promise.resolve();
    const run = before.then(callback, callback);
    const tail = run.catch(() => undefined);
    held.set(name, tail);
    void tail.then(() => { if (held.get(name) === tail) held.delete(name); });
    return run;
  },
};
