import type { ChangedCollections } from '../../shared/sync/changedCollections';

export type { ChangedCollections };

/** A listener told after a change, with what it touched (ChangedCollections); it may ignore it. */
export type ChangeListener = (changed: ChangedCollections) => void;

/** Listeners told after any change to the replica (a pulled page, a local write). */
export interface ChangeFeed {
  onChange(listener: ChangeListener): () => void;
  /** Tell this tab's listeners, and the other tabs' through the channel; no collections: any. */
  notify(collections?: Iterable<string>): void;
  close(): void;
}

/**
 * Other tabs of the app share the database but not this feed: a BroadcastChannel (where
 * there is one) tells them to re-read, so a visit logged in one tab shows in the other.
 */
export function createChangeFeed(channelName?: string): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  const tell = (changed: ChangedCollections) => {
    for (const l of [...listeners]) {
      try { l(changed); } catch (err) { console.error('[data] change listener failed', err); }
    }
  };
  const channel = channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : undefined;
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const list = (e.data as { collections?: unknown } | null)?.collections;
      tell(Array.isArray(list) ? new Set(list.map(String)) : undefined);
    };
  }
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    notify(collections) {
      const changed = collections === undefined ? undefined : new Set(collections);
      tell(changed);
      channel?.postMessage(changed === undefined ? 'changed' : { collections: [...changed] });
    },
    close() {
      channel?.close();
      listeners.clear();
    },
  };
}

/** The BroadcastChannel of a database's change feed (the data layer's and bootReader's). */
export const changeChannelName = (dbName: string): string => `escale-changes:${dbName}`;
