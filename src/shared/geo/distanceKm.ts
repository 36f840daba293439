import type { GeoPoint } from './geoPoint';

/** IUGG mean Earth radius (R1), the usual choice for haversine distances. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Great-circle distance in kilometres (haversine). On a sphere, so up to ~0.5 % off the
 * ellipsoid: plenty for "which place is nearest", not for surveying.
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const sinHalfDLat = Math.sin(((b.lat - a.lat) * RADIANS_PER_DEGREE) / 2);
  const sinHalfDLon = Math.sin(((b.lon - a.lon) * RADIANS_PER_DEGREE) / 2);
  const h =
    sinHalfDLat * sinHalfDLat +
    Math.cos(a.lat * RADIANS_PER_DEGREE) * Math.cos(b.lat * RADIANS_PER_DEGREE) * sinHalfDLon * sinHalfDLon;
  // Rounding can push h just above 1 for antipodal points, where asin would return NaN.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
