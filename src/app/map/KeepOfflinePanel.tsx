import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { freeMapSpace, keepMapOffline, storedTileCount, type KeepProgress } from './keepMapOffline';
import { AVERAGE_TILE_BYTES, countTiles, KEEP_DETAIL_ZOOM, KEEP_MAX_ZOOM, KEEP_MIN_ZOOM, type Bbox } from './tileMath';
import '../i18n/screens';

/** Count and size first, then a progress bar, a way to stop, and a way to free the space. */
export function KeepOfflinePanel({ bbox, template }: { bbox: Bbox; template: string }) {
  const detailed = useSignal(false);
  const progress = useSignal<KeepProgress | undefined>(undefined);
  const message = useSignal('');
  const stored = useSignal<number | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  const refreshStored = () => void storedTileCount().then((n) => (stored.value = n), () => undefined);
  useEffect(() => {
    refreshStored();
    return () => controller.current?.abort();
  }, []);

  const maxZoom = detailed.value ? KEEP_DETAIL_ZOOM : KEEP_MAX_ZOOM;
  const count = countTiles(bbox, KEEP_MIN_ZOOM, maxZoom);
  const megabytes = (count * AVERAGE_TILE_BYTES) / (1024 * 1024);
  const running = controller.current !== undefined && progress.value !== undefined;

  const start = async () => {
    if (!navigator.onLine) {
      message.value = t('map.keepOffline');
      return;
    }
    message.value = '';
    // Say it before starting rather than fail half-way: estimate() is the browser's own
    // figure for what this origin may still store.
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (estimate?.quota !== undefined && estimate.usage !== undefined) {
      const free = estimate.quota - estimate.usage;
      if (free < count * AVERAGE_TILE_BYTES * 1.2) {
        message.value = t('map.keepNoRoom', { free: formatNumber(free / (1024 * 1024)) });
        return;
      }
    }
    // Ask the browser not to evict what we store (best effort; the answer is not needed).
    void navigator.storage?.persist?.().catch(() => false);
    const abort = new AbortController();
    controller.current = abort;
    progress.value = { done: 0, failed: 0, total: count };
    const outcome = await keepMapOffline({
      template, bbox, minZoom: KEEP_MIN_ZOOM, maxZoom, signal: abort.signal,
      onProgress: (p) => (progress.value = p),
    });
    controller.current = undefined;
    progress.value = undefined;
    if (outcome.kind === 'cancelled') message.value = t('map.keepCancelled', { done: outcome.stored });
    else if (outcome.kind === 'storageFull') message.value = t('map.keepFull');
    else if (outcome.failed > 0) message.value = t('map.keepFailed', { failed: outcome.failed });
    else message.value = t('map.keepDone', { count: outcome.stored });
    refreshStored();
  };

  const free = async () => {
    await freeMapSpace();
    message.value = t('map.freed');
    refreshStored();
  };

  return (
    <section class="card" aria-labelledby="keep-title">
      <h2 id="keep-title"><Icon name="download" /> {t('map.keepTitle')}</h2>
      <p>{t('map.keepExplain', { count: formatNumber(count), size: formatNumber(megabytes) })}</p>
      <div class="checklist-docs">
        <label>
          <input type="checkbox" checked={detailed.value} disabled={running} onChange={(e) => (detailed.value = e.currentTarget.checked)} />
          <span>{t('map.keepDetail')}</span>
        </label>
      </div>
      {progress.value ? (
        <>
          <label for="keep-progress">{t('map.keepProgress', { done: progress.value.done, total: progress.value.total })}</label>
          <progress id="keep-progress" max={progress.value.total} value={progress.value.done + progress.value.failed} />
          <p>
            <button type="button" class="button button-quiet" onClick={() => controller.current?.abort()}>{t('map.keepCancel')}</button>
          </p>
        </>
      ) : (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void start()}>
            <Icon name="download" />
            {t('map.keepStart')}
          </button>
          {stored.value !== undefined && stored.value > 0 && (
            <button type="button" class="button button-quiet" onClick={() => void free()}>
              <Icon name="trash" />
              {t('map.free')}
            </button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite">{message.value}</p>
      {stored.value !== undefined && <p class="small">{t('map.stored', { count: formatNumber(stored.value) })}</p>}
    </section>
  );
}
