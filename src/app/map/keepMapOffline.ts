import { KEPT_TILE_CACHE, TILE_CACHE, TILE_CACHES } from '../sw/tileCache';
import { tilesIn, tileUrl, type Bbox } from './tileMath';

// "Garder la carte sans internet": fetches the territory's tiles into the kept-tiles cache
// the service worker reads first (`escale-tiles-kept`, never expired, see sw/tileCache.ts),
// so the map works in a white zone. A tile already seen while browsing is copied from
// the browsing cache instead of fetched again. Only this folder touches tiles and Leaflet.

export interface KeepProgress {
  done: number;
  failed: number;
  total: number;
}

export type KeepOutcome =
  | { kind: 'done'; stored: number; failed: number }
  | { kind: 'cancelled'; stored: number }
  | { kind: 'storageFull'; stored: number };

const CONCURRENCY = 4;

export async function keepMapOffline(options: {
  template: string;
  bbox: Bbox;
  minZoom: number;
  maxZoom: number;
  signal: AbortSignal;
  onProgress: (progress: KeepProgress) => void;
  fetchTile?: typeof fetch;
}): Promise<KeepOutcome> {
  const { template, bbox, minZoom, maxZoom, signal, onProgress } = options;
  const fetchTile = options.fetchTile ?? fetch.bind(globalThis);
  const cache = await caches.open(KEPT_TILE_CACHE);
  const seen = await caches.open(TILE_CACHE);
  const urls = [...tilesIn(bbox, minZoom, maxZoom)].map((tile) => tileUrl(template, tile));
  const progress: KeepProgress = { done: 0, failed: 0, total: urls.length };
  let next = 0;
  let full = false;

  const worker = async () => {
    while (!signal.aborted && !full) {
      const index = next++;
      const url = urls[index];
      if (url === undefined) return;
      try {
        if (!(await cache.match(url))) {
          const seenCopy = await seen.match(url);
          if (seenCopy) {
            await cache.put(url, seenCopy);
          } else {
            // CORS mode, like Leaflet's crossOrigin tiles: the cached response must be the
            // one the map's <img crossorigin> requests will match.
            const response = await fetchTile(url, { mode: 'cors', credentials: 'omit', signal });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            await cache.put(url, response);
          }
        }
        progress.done++;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof DOMException && error.name === 'QuotaExceededError') {
          full = true;
          return;
        }
        progress.failed++;
      }
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (full) return { kind: 'storageFull', stored: progress.done };
  if (signal.aborted) return { kind: 'cancelled', stored: progress.done };
  return { kind: 'done', stored: progress.done, failed: progress.failed };
}

/** How many distinct tiles are stored (seen while browsing or kept on purpose). */
export async function storedTileCount(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const urls = new Set<string>();
  for (const name of TILE_CACHES) {
    if (!(await caches.has(name))) continue;
    for (const request of await (await caches.open(name)).keys()) urls.add(request.url);
  }
  return urls.size;
}

/** "Libérer la place": deletes every stored tile, kept or seen. */
export async function freeMapSpace(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of TILE_CACHES) await caches.delete(name);
}
