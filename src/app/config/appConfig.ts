// The server's public configuration (`GET /api/config`), kept on the device (Cache
// Storage: idb-keyval belongs to the data layer) so the map knows its tile source
// offline. Only the map reads it, so it is not in the entry chunk.

export interface AppConfig {
  tileUrl: string;
  tileAttribution: string;
  tileMaxZoom: number;
}

const CACHE = 'escale-config';
const KEY = '/api/config';

/** IGN Géoplateforme "Plan IGN v2" (open licence, no key): the default when the server
 *  has never been reached. Never OSM's public tile servers (no bulk download allowed). */
export const DEFAULT_CONFIG: AppConfig = {
  tileUrl:
    'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
  tileAttribution: '© IGN – Plan IGN v2',
  tileMaxZoom: 18,
};

function parseConfig(value: unknown): AppConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['tileUrl'] !== 'string' || !/^(https?:\/\/|\/)/.test(v['tileUrl'])) return undefined;
  return {
    tileUrl: v['tileUrl'],
    tileAttribution: typeof v['tileAttribution'] === 'string' ? v['tileAttribution'] : '',
    tileMaxZoom: typeof v['tileMaxZoom'] === 'number' && v['tileMaxZoom'] > 0 ? v['tileMaxZoom'] : 18,
  };
}

/** The stored configuration at once (refreshed in the background for next time); the
 *  server's on a first visit; the default when neither is reachable. A dead connection
 *  in a white zone can hang rather than fail, hence the timeout. */
export async function loadAppConfig(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<AppConfig> {
  const stored = await readStored();
  const refresh = fetchConfig(fetchImpl);
  if (stored) {
    void refresh;
    return stored;
  }
  return (await refresh) ?? DEFAULT_CONFIG;
}

async function fetchConfig(fetchImpl: typeof fetch): Promise<AppConfig | undefined> {
  try {
    const response = await fetchImpl('/api/config', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return undefined;
    const fresh = parseConfig(await response.json());
    if (fresh) await store(fresh);
    return fresh;
  } catch {
    return undefined; // offline or no server: the caller falls back
  }
}

async function readStored(): Promise<AppConfig | undefined> {
  try {
    const cached = await (await caches.open(CACHE)).match(KEY);
    return cached ? parseConfig(await cached.json()) : undefined;
  } catch {
    return undefined; // no Cache Storage (old browser, private mode)
  }
}

async function store(config: AppConfig): Promise<void> {
  try {
    const body = JSON.stringify(config);
    await (await caches.open(CACHE)).put(KEY, new Response(body, { headers: { 'content-type': 'application/json' } }));
  } catch {
    // Not kept: the next offline visit uses the default source.
  }
}
