/** A WGS84 position in decimal degrees, in the order people say it: latitude first. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/**
 * Whether a point can be ranked by distance. Ranking and the spatial index both skip the
 * others, so that a place with a missing or garbled position never breaks a sort (NaN
 * compares false with everything) and both give the same answer.
 */
export function isValidPoint(point: GeoPoint): boolean {
  return Number.isFinite(point.lat) && Number.isFinite(point.lon) && Math.abs(point.lat) <= 90;
}
