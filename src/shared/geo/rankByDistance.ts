import { distanceKm } from './distanceKm';
import { isValidPoint, type GeoPoint } from './geoPoint';

export interface Ranked<T> {
  item: T;
  distanceKm: number;
}

export interface RankOptions<T> {
  /** Keep at most this many results (all by default). */
  limit?: number;
  /** Keep only the items it accepts. Must be pure: the spatial index may call it twice. */
  filter?: (item: T) => boolean;
  /** Keep only items at most this far from the origin (inclusive). */
  maxDistanceKm?: number;
}

/**
 * Items ordered by distance from `origin`, nearest first; equal distances keep the items'
 * original order. A linear scan: the right tool for short lists, and the reference that
 * `buildSpatialIndex` must agree with. Items without a valid position are left out.
 */
export function rankByDistance<T>(
  items: readonly T[],
  origin: GeoPoint,
  getPoint: (item: T) => GeoPoint,
  options: RankOptions<T> = {},
): Ranked<T>[] {
  const { limit = Infinity, filter, maxDistanceKm = Infinity } = options;
  if (!(limit > 0) || !isValidPoint(origin)) return [];
  const ranked: (Ranked<T> & { index: number })[] = [];
  items.forEach((item, index) => {
    const point = getPoint(item);
    if (!isValidPoint(point) || (filter && !filter(item))) return;
    const distance = distanceKm(origin, point);
    if (distance <= maxDistanceKm) ranked.push({ item, distanceKm: distance, index });
  });
  ranked.sort(byDistanceThenIndex);
  return ranked.slice(0, limit).map(({ item, distanceKm }) => ({ item, distanceKm }));
}

/** The one ordering both the scan and the index use, so their results can be compared. */
export function byDistanceThenIndex(
  a: { distanceKm: number; index: number },
  b: { distanceKm: number; index: number },
): number {
  return a.distanceKm - b.distanceKm || a.index - b.index;
}
