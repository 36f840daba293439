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
  test('stores every tile of the territory in escale-tiles, with progress, then frees the space', async () => {
    const fetchTile = vi.fn(async () => new Response('png', { status: 200 }));
    const progress: number[] = [];
    const outcome = await keepMapOffline({
      template: 'https://tiles.example/{z}/{x}/{y}.png', bbox, minZoom: 8, maxZoom: 10,
      signal: new AbortController().signal, onProgress: (p) => progress.push(p.done), fetchTile,
    });
    expect(outcome).toEqual({ kind: 'done', stored: fetchTile.mock.calls.length, failed: 0 });
    expect(await storedTileCount()).toBe(fetchTile.mock.calls.length);
    expect(caches.stores.has('escale-tiles')).toBe(true);
    expect(progress.at(-1)).toBe(fetchTile.mock.calls.length);

    // A second run fetches nothing: the tiles are already there.
    fetchTile.mockClear();
    await keepMapOffline({ template: 'https://tiles.example/{z}/{x}/{y}.png', bbox, minZoom: 8, maxZoom: 10, signal: new AbortController().signal, onProgress: () => undefined, fetchTile });
    expect(fetchTile).not.toHaveBeenCalled();

    await freeMapSpace();
    expect(await storedTileCount()).toBe(0);
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
