import type { Feature, Geometry, Position } from './geoJson';

/** Extent in degrees; maps to Leaflet as `[[south, west], [north, east]]`. */
export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/**
 * The smallest box holding every position of the features, or undefined when there is
 * none (no features, or only features without geometry) so the map can keep its default
 * view. Does not handle shapes that cross the antimeridian.
 */
export function boundingBox(features: readonly Feature<Geometry, unknown>[]): BoundingBox | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const extend = ([lon, lat]: Position): void => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const { geometry } of features) {
    if (geometry === null) continue;
    switch (geometry.type) {
      case 'Point':
        extend(geometry.coordinates);
        break;
      case 'Polygon':
        // The outer ring bounds the polygon: holes lie inside it.
        geometry.coordinates[0]?.forEach(extend);
        break;
      case 'MultiPolygon':
        for (const rings of geometry.coordinates) rings[0]?.forEach(extend);
        break;
    }
  }
  return west <= east ? { west, south, east, north } : undefined;
}
