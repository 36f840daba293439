/** Listeners told after any change to the replica (a pulled page, a local write). */
export interface ChangeFeed {
  onChange(listener: () => void): () => void;
  /** Tell this tab's listeners, and the other tabs' through the channel. */
  notify(): void;
  close(): void;
}

/**
 * Other tabs of the app share the database but not this feed: a BroadcastChannel (where
 * there is one) tells them to re-read, so a visit logged in one tab shows in the other.
 */
export function createChangeFeed(channelName?: string): ChangeFeed {
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of [...listeners]) {
      try { l(); } catch (err) { console.error('[data] change listener failed', err); }
    }
  };
  const channel = channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : undefined;
  if (channel) channel.onmessage = () => tell();
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    notify() {
      tell();
      channel?.postMessage('changed');
    },
    close() {
      channel?.close();
      listeners.clear();
    },
  };
}

/** The BroadcastChannel of a database's change feed (the data layer's and bootReader's). */
export const changeChannelName = (dbName: string): string => `escale-changes:${dbName}`;
