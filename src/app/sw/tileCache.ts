/** Cache Storage name for map tiles, shared by the service worker (tiles seen while
 *  browsing) and the map's "keep the map offline" action (tiles stored on purpose). */
export const TILE_CACHE = 'escale-tiles';
