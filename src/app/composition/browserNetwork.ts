import type { NetworkWatch } from '../sync/environment';

/** The browser's network and visibility events, for the sync engine (navigator.onLine is only a hint). */
export function browserNetwork(): NetworkWatch {
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
