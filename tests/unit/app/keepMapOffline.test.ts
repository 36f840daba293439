import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { freeMapSpace, keepMapOffline, storedTileCount } from '../../../src/app/map/keepMapOffline';

/** A Cache Storage twin: enough of caches.open/has/delete and Cache.match/put/keys. */
function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const cacheOf = (name: string) => {
    let store = stores.get(name);
    if (!store) stores.set(name, (store = new Map()));
    const s = store;
    return {
      match: async (url: string) => s.get(url),
      put: async (url: string, response: Response) => void s.set(url, response),
      keys: async () => [...s.keys()].map((url) => new Request(url)),
    };
  };
  return {
    stores,
    open: async (name: string) => cacheOf(name),
    has: async (name: string) => stores.has(name),
    delete: async (name: string) => stores.delete(name),
  };
}

const bbox = [0.108, 46.048, 0.55, 46.412] as const;
let caches: ReturnType<typeof fakeCaches>;

beforeEach(() => {
  caches = fakeCaches();
  vi.stubGlobal('caches', caches);
});
afterEach(() => vi.unstubAllGlobals());

describe('keep the map offline', () => {
  test('stores every tile of the territory in escale-tiles-kept, with progress, then frees the space', async () => {
    const fetchTile = vi.fn(async () => new Response('png', { status: 200 }));
    const progress: number[] = [];
    const outcome = await keepMapOffline({
      template: 'https://tiles.example/{z}/{x}/{y}.png', bbox, minZoom: 8, maxZoom: 10,
      signal: new AbortController().signal, onProgress: (p) => progress.push(p.done), fetchTile,
    });
    expect(outcome).toEqual({ kind: 'done', stored: fetchTile.mock.calls.length, failed: 0 });
    expect(await storedTileCount()).toBe(fetchTile.mock.calls.length);
    expect(caches.stores.get('escale-tiles-kept')?.size).toBe(fetchTile.mock.calls.length);
    expect(progress.at(-1)).toBe(fetchTile.mock.calls.length);

    // A second run fetches nothing: the tiles are already there.
    fetchTile.mockClear();
    await keepMapOffline({ template: 'https://tiles.example/{z}/{x}/{y}.png', bbox, minZoom: 8, maxZoom: 10, signal: new AbortController().signal, onProgress: () => undefined, fetchTile });
    expect(fetchTile).not.toHaveBeenCalled();

    await freeMapSpace();
    expect(await storedTileCount()).toBe(0);
  });

  test('a tile seen while browsing is copied, not fetched again, and kept tiles outlive the browsing cache', async () => {
    const template = 'https://tiles.example/{z}/{x}/{y}.png';
    const seenUrl = 'https://tiles.example/8/128/90.png';
    const seen = await caches.open('escale-tiles');
    await seen.put(seenUrl, new Response('seen', { status: 200 }));
    const fetchTile = vi.fn(async (_url: RequestInfo | URL) => new Response('png', { status: 200 }));
    const outcome = await keepMapOffline({ template, bbox, minZoom: 8, maxZoom: 8, signal: new AbortController().signal, onProgress: () => undefined, fetchTile });
    const total = caches.stores.get('escale-tiles-kept')?.size ?? 0;
    expect(caches.stores.get('escale-tiles-kept')?.has(seenUrl)).toBe(true);
    expect(fetchTile.mock.calls.map(([url]) => url)).not.toContain(seenUrl);
    expect(outcome).toEqual({ kind: 'done', stored: total, failed: 0 });
    // Counted once although it is in both caches.
    expect(await storedTileCount()).toBe(total);
    // The service worker's expiration (or a quota purge) empties the browsing cache: the
    // kept tiles stay.
    await caches.delete('escale-tiles');
    expect(await storedTileCount()).toBe(total);
    await freeMapSpace();
    expect(caches.stores.size).toBe(0);
  });

  test('counts failures, and stops when cancelled', async () => {
    let calls = 0;
    const controller = new AbortController();
    const fetchTile = vi.fn(async () => {
      calls++;
      if (calls === 3) controller.abort();
      return new Response('', { status: calls === 1 ? 500 : 200 });
    });
    const outcome = await keepMapOffline({
      template: '/tiles/{z}/{x}/{y}.png', bbox, minZoom: 8, maxZoom: 14, signal: controller.signal, onProgress: () => undefined, fetchTile,
    });
    expect(outcome.kind).toBe('cancelled');
    expect(calls).toBeLessThan(761);
  });
});
