import { signal } from '@preact/signals';
import type { UiKey } from '../i18n/i18n';
import { formatNumber } from '../i18n/format';
import { freeMapSpace, keepMapOffline, storedTileCount, type KeepProgress } from './keepMapOffline';
import { AVERAGE_TILE_BYTES, countTiles, type Bbox } from './tileMath';

// "Garder la carte" as one job for the whole app, not for one mounting of the panel: on
// a slow rural line it takes minutes, and looking at the list or a place meanwhile must
// not stop it silently. The panel shows this state whenever it is on screen.

/** A message, kept as a key so it is said in the language of the moment. */
export interface KeepMessage {
  key: UiKey;
  params?: Record<string, string | number>;
}

export const keepProgress = signal<KeepProgress | undefined>(undefined);
export const keepMessage = signal<KeepMessage | undefined>(undefined);
/** Tiles in the cache (seen while browsing or kept on purpose); undefined until counted. */
export const storedTiles = signal<number | undefined>(undefined);

let controller: AbortController | undefined;

export function refreshStoredTiles(): void {
  void storedTileCount().then((n) => (storedTiles.value = n), () => undefined);
}

export async function startKeeping(options: { template: string; bbox: Bbox; minZoom: number; maxZoom: number }): Promise<void> {
  if (controller) return;
  if (!navigator.onLine) {
    keepMessage.value = { key: 'map.keepOffline' };
    return;
  }
  const count = countTiles(options.bbox, options.minZoom, options.maxZoom);
  keepMessage.value = undefined;
  const abort = new AbortController();
  controller = abort;
  try {
    // Say it before starting rather than fail half-way: estimate() is the browser's own
    // figure for what this origin may still store.
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (estimate?.quota !== undefined && estimate.usage !== undefined) {
      const free = estimate.quota - estimate.usage;
      if (free < count * AVERAGE_TILE_BYTES * 1.2) {
        keepMessage.value = { key: 'map.keepNoRoom', params: { free: formatNumber(free / (1024 * 1024)) } };
        return;
      }
    }
    // Ask the browser not to evict what we store (best effort; the answer is not needed).
    void navigator.storage?.persist?.().catch(() => false);
    keepProgress.value = { done: 0, failed: 0, total: count };
    const outcome = await keepMapOffline({ ...options, signal: abort.signal, onProgress: (p) => (keepProgress.value = p) });
    if (outcome.kind === 'cancelled') keepMessage.value = { key: 'map.keepCancelled', params: { done: outcome.stored } };
    else if (outcome.kind === 'storageFull') keepMessage.value = { key: 'map.keepFull' };
    else if (outcome.failed > 0) keepMessage.value = { key: 'map.keepFailed', params: { failed: outcome.failed } };
    else keepMessage.value = { key: 'map.keepDone', params: { count: outcome.stored } };
  } finally {
    controller = undefined;
    keepProgress.value = undefined;
    refreshStoredTiles();
  }
}

export function cancelKeeping(): void {
  controller?.abort();
}

export async function freeKeptMap(): Promise<void> {
  cancelKeeping();
  await freeMapSpace();
  keepMessage.value = { key: 'map.freed' };
  refreshStoredTiles();
}
