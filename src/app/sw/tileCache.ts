/** Cache Storage name for map tiles seen while browsing (service worker, bounded). */
export const TILE_CACHE = 'escale-tiles';
/**
 * Tiles stored on purpose by "keep the map offline" (src/app/map/keepMapOffline.ts). A
 * cache of their own, out of reach of the expiration that bounds the tiles seen: a tile
 * kept for a white zone must never be evicted because the person browsed elsewhere, nor
 * by a quota purge of the browsing cache. Only "Libérer la place" deletes it.
 */
export const KEPT_TILE_CACHE = 'escale-tiles-kept';
/** Both, for counting and freeing. */
export const TILE_CACHES = [KEPT_TILE_CACHE, TILE_CACHE] as const;
