/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { KEPT_TILE_CACHE, TILE_CACHE } from './tileCache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell (JS, CSS, index.html) and its icons and manifest, listed by the build
// (vite.config.ts): every screen opens offline after one visit, icons included. Old
// precaches from earlier builds are removed on activation.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation (/, /lieu/…, /bus, /aidant/…) is answered by the precached index.html,
// so deep links open offline; /api is never a page and must reach the server (or fail).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(\/|$)/] }));

// Map tiles, cache first: the tiles kept on purpose (KEPT_TILE_CACHE, filled by the map's
// "keep the map offline" action) are looked up first and never expire; otherwise the
// tiles seen while browsing, bounded by an expiration (and dropped first on a quota
// error). Tiles rarely change; a stale tile beats no map in a white zone. Only CORS
// responses with status 200 are kept (opaque ones cost megabytes of quota each).
const seenTiles = new CacheFirst({
  cacheName: TILE_CACHE,
  plugins: [
    {
      cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
    },
    new ExpirationPlugin({ maxEntries: 3000, purgeOnQuotaError: true }),
  ],
});
registerRoute(
  ({ request, url }) => request.destination === 'image' && isTileUrl(url),
  async (options) => {
    const kept = await caches.match(options.request, { cacheName: KEPT_TILE_CACHE });
    return kept ?? seenTiles.handle(options);
  },
);

// A new version waits until the person accepts it (the app sends SKIP_WAITING from the
// "Mettre à jour" banner). Never skipWaiting() on install: a page running old code
// against a new worker could lose what someone was typing.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// Once active (first install, or after the person accepted an update), take control of
// open pages so the map tiles they request go through the cache above.
clientsClaim();

/** Tile URLs: slippy-map paths (/z/x/y.png) or WMTS GetTile queries (IGN Géoplateforme). */
function isTileUrl(url: URL): boolean {
  if (/\/\d{1,2}\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/i.test(url.pathname)) return true;
  const params = new URLSearchParams(url.search.toLowerCase());
  return params.get('request') === 'gettile';
}
