// Web-Mercator tile arithmetic (the "slippy map" scheme used by OSM, IGN's PM matrix set
// and Leaflet), to list the tiles covering the territory before storing them.

export type Bbox = readonly [west: number, south: number, east: number, north: number];

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

export function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

export function latToTileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

/** The tile ranges covering `bbox` at each zoom from `minZoom` to `maxZoom` inclusive. */
export function tileRanges(bbox: Bbox, minZoom: number, maxZoom: number): { z: number; x0: number; x1: number; y0: number; y1: number }[] {
  const [west, south, east, north] = bbox;
  const ranges = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    ranges.push({ z, x0: lonToTileX(west, z), x1: lonToTileX(east, z), y0: latToTileY(north, z), y1: latToTileY(south, z) });
  }
  return ranges;
}

export function countTiles(bbox: Bbox, minZoom: number, maxZoom: number): number {
  return tileRanges(bbox, minZoom, maxZoom).reduce((sum, r) => sum + (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1), 0);
}

export function* tilesIn(bbox: Bbox, minZoom: number, maxZoom: number): Generator<TileCoord> {
  for (const r of tileRanges(bbox, minZoom, maxZoom)) {
    for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) yield { z: r.z, x, y };
  }
}

/** Zoom levels "keep the map offline" stores: the whole territory (8) down to village
 *  streets (14), or house level too (15) when the person asks for more detail. */
export const KEEP_MIN_ZOOM = 8;
export const KEEP_MAX_ZOOM = 14;
export const KEEP_DETAIL_ZOOM = 15;

/** Average size of a raster tile of rural France, from IGN Plan v2 samples. */
export const AVERAGE_TILE_BYTES = 20 * 1024;

/** Fills a Leaflet-style URL template ({z}, {x}, {y}, {s}, {r}) for one tile. */
export function tileUrl(template: string, tile: TileCoord, subdomains = 'abc'): string {
  const s = subdomains[(tile.x + tile.y) % subdomains.length] ?? '';
  return template
    .replaceAll('{z}', String(tile.z))
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{y}', String(tile.y))
    .replaceAll('{s}', s)
    .replaceAll('{r}', '');
}
