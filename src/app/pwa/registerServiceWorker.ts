import { updateActions, updateReady } from './updateState';
import { whenMarked } from './whenMarked';

export interface RegisterOptions {
  /**
   * A User Timing mark (performance.mark) to wait for before registering: main.tsx passes
   * the sync engine's caught-up mark, so the worker's install does not run beside the first
   * sync.
   */
  afterMark?: string;
  /** Registers anyway this long after the load event when the mark never comes (offline, a server down). */
  latestMs?: number;
}

/**
 * Registers /sw.js through workbox-window (loaded after first paint, it is not needed to
 * show anything). A new version never takes over by itself: when one is waiting we show
 * a calm banner, and only when the person taps "Mettre à jour" do we ask the worker to
 * skip waiting, then reload once it controls the page. Nothing typed is lost that way:
 * the person chooses the moment.
 *
 * When: after the load event, then after `afterMark` or `latestMs`, whichever comes first.
 * Why the wait: installing the worker downloads, decompresses and stores the whole precache
 * (every route's chunks) in the browser's other threads. On a first visit that ran beside the
 * first sync and made the page's own tasks slower on a 2-core phone: Lighthouse on `/`, same
 * build with and without registering, eight runs each (2026-12-08, docs/performance.md):
 * Total Blocking Time 90–270 ms (median 115) against 10–140 ms (median 45). The offline app
 * is installed a moment later, once the directory it needs is on the device.
 */
export function registerServiceWorker(options: RegisterOptions = {}): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = async () => {
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('/sw.js');
    wb.addEventListener('waiting', () => {
      updateActions.apply = () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      };
      updateReady.value = true;
    });
    await wb.register();
  };
  const afterLoad = () => whenMarked(options.afterMark, options.latestMs ?? 10_000, () => void start());
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}
