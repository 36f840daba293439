import type { GeoPoint } from './geoPoint';
import type { AreaGeometry, LinearRing } from './geoJson';

/**
 * Whether `point` lies inside a Polygon or MultiPolygon, holes excluded.
 *
 * Planar test on longitude/latitude: exact enough for areas the size of a commune, wrong
 * for shapes that cross the antimeridian or enclose a pole. A point exactly on an edge
 * may land on either side; neighbouring communes share edges, so callers must not rely
 * on it.
 */
export function pointInPolygon(point: GeoPoint, geometry: AreaGeometry): boolean {
  switch (geometry.type) {
    case 'Polygon':
      return inPolygonRings(point, geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.some((rings) => inPolygonRings(point, rings));
    default:
      // Data read from outside may carry other geometry types: they enclose nothing.
      return false;
  }
}

function inPolygonRings(point: GeoPoint, rings: readonly LinearRing[]): boolean {
  const [outer, ...holes] = rings;
  // Tested ring by ring rather than even-odd over all rings, so a hole that pokes out
  // of its outer ring (it happens in simplified data) cannot add area.
  return outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

/** Even-odd ray casting towards +longitude. Works whether or not the ring is closed. */
function inRing({ lat: y, lon: x }: GeoPoint, ring: LinearRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    // The half-open test (yi > y) !== (yj > y) counts a vertex on the ray once and skips
    // horizontal edges, which also keeps the division below away from zero.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
