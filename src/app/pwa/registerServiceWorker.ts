import { updateActions, updateReady } from './updateState';

/**
 * Registers /sw.js through workbox-window (loaded after first paint, it is not needed to
 * show anything). A new version never takes over by itself: when one is waiting we show
 * a calm banner, and only when the person taps "Mettre à jour" do we ask the worker to
 * skip waiting, then reload once it controls the page. Nothing typed is lost that way:
 * the person chooses the moment.
 */
export function registerServiceWorker(): void {
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
  // After the load event, so registration and precaching never compete with first paint.
  if (document.readyState === 'complete') void start();
  else addEventListener('load', () => void start(), { once: true });
}
