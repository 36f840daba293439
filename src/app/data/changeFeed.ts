/** Listeners told after any change to the replica (a pulled page, a local write). */
export interface ChangeFeed {
  onChange(listener: () => void): () => void;
  notify(): void;
}

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<() => void>();
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    notify() {
      for (const l of [...listeners]) {
        try { l(); } catch (err) { console.error('[data] change listener failed', err); }
      }
    },
  };
}
