import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { cancelKeeping, freeKeptMap, keepMessage, keepProgress, refreshStoredTiles, startKeeping, storedTiles } from './keepJob';
import { AVERAGE_TILE_BYTES, countTiles, KEEP_DETAIL_ZOOM, KEEP_MAX_ZOOM, KEEP_MIN_ZOOM, type Bbox } from './tileMath';
import '../i18n/screens';

/** Count and size first, then a progress bar, a way to stop, and a way to free the space.
 *  The download itself lives in keepJob.ts: leaving the map screen does not stop it. */
export function KeepOfflinePanel({ bbox, template }: { bbox: Bbox; template: string }) {
  const detailed = useSignal(false);
  useEffect(refreshStoredTiles, []);

  const maxZoom = detailed.value ? KEEP_DETAIL_ZOOM : KEEP_MAX_ZOOM;
  const count = countTiles(bbox, KEEP_MIN_ZOOM, maxZoom);
  const megabytes = (count * AVERAGE_TILE_BYTES) / (1024 * 1024);
  const progress = keepProgress.value;
  const message = keepMessage.value;
  const stored = storedTiles.value;

  return (
    <section class="card" aria-labelledby="keep-title">
      <h2 id="keep-title"><Icon name="download" /> {t('map.keepTitle')}</h2>
      <p>{t('map.keepExplain', { count: formatNumber(count), size: formatNumber(megabytes) })}</p>
      <div class="checklist-docs">
        <label>
          <input type="checkbox" checked={detailed.value} disabled={progress !== undefined} onChange={(e) => (detailed.value = e.currentTarget.checked)} />
          <span>{t('map.keepDetail')}</span>
        </label>
      </div>
      {progress ? (
        <>
          <label for="keep-progress">{t('map.keepProgress', { done: progress.done, total: progress.total })}</label>
          <progress id="keep-progress" max={progress.total} value={progress.done + progress.failed} />
          <p>
            <button type="button" class="button button-quiet" onClick={cancelKeeping}>{t('map.keepCancel')}</button>
          </p>
        </>
      ) : (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void startKeeping({ template, bbox, minZoom: KEEP_MIN_ZOOM, maxZoom })}>
            <Icon name="download" />
            {t('map.keepStart')}
          </button>
          {stored !== undefined && stored > 0 && (
            <button type="button" class="button button-quiet" onClick={() => void freeKeptMap()}>
              <Icon name="trash" />
              {t('map.free')}
            </button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite">{message ? t(message.key, message.params) : ''}</p>
      {stored !== undefined && <p class="small">{t('map.stored', { count: formatNumber(stored) })}</p>}
    </section>
  );
}
