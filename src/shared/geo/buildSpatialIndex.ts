import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceKm, EARTH_MEAN_RADIUS_KM } from './distanceKm';
import { isValidPoint, type GeoPoint } from './geoPoint';
import { byDistanceThenIndex, type Ranked } from './rankByDistance';

export interface SpatialIndex<T> {
  /** Number of indexed items (those with a valid position). */
  readonly size: number;
  /**
   * The `n` nearest items, exactly as `rankByDistance(items, origin, getPoint,
   * { limit: n, filter, maxDistanceKm })` would return them: same items, same order,
   * same distances. `filter` must be pure (it may be called twice for an item).
   */
  nearest(origin: GeoPoint, n: number, filter?: (item: T) => boolean, maxDistanceKm?: number): Ranked<T>[];
}

// geokdbush measures with its own sphere (R = 6371 km, not exported); our distances use
// the IUGG mean radius. Radii handed to `around` are converted to its kilometres.
const GEOKDBUSH_RADIUS_KM = 6371;
const toGeokdbushKm = (km: number): number => (km * GEOKDBUSH_RADIUS_KM) / EARTH_MEAN_RADIUS_KM;
// `around` turns its radius into an angle and takes sin² of half of it, which wraps past
// half the circumference: any radius from there on must mean "no limit".
const GEOKDBUSH_HALF_CIRCUMFERENCE_KM = Math.PI * GEOKDBUSH_RADIUS_KM;

// geokdbush and `distanceKm` evaluate the same haversine in a slightly different order,
// so two distances can differ in the last bits. Every radius we derive from one of our
// distances is widened by this much, then our exact distances decide.
const widen = (km: number): number => km * (1 + 1e-9) + 1e-9;

/** Wraps a longitude into [-180, 180], the world geokdbush's root node covers. */
const wrapLon = (lon: number): number => (lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180);

/**
 * A static index for nearest-place queries over large directories (tens of thousands of
 * places), built once with kdbush and queried with geokdbush's great-circle `around`.
 * Rebuild it when the items change.
 */
export function buildSpatialIndex<T>(items: readonly T[], getPoint: (item: T) => GeoPoint): SpatialIndex<T> {
  // Tree ids run 0..size-1 over the items that have a valid position; `indexOf` maps
  // them back to positions in `items`, which also break ties between equal distances.
  const indexOf: number[] = [];
  const points: GeoPoint[] = [];
  items.forEach((item, index) => {
    const point = getPoint(item);
    if (!isValidPoint(point)) return;
    indexOf.push(index);
    points.push(point);
  });
  const size = points.length;
  // kdbush refuses to finish an empty tree; an empty index simply answers nothing.
  const tree = size > 0 ? new KDBush(size) : undefined;
  if (tree) {
    for (const point of points) tree.add(wrapLon(point.lon), point.lat);
    tree.finish();
  }

  // Ids only ever come from the tree built above, so the lookups below are in range.
  const itemAt = (id: number): T => items[indexOf[id]!] as T;

  function nearest(
    origin: GeoPoint,
    n: number,
    filter?: (item: T) => boolean,
    maxDistanceKm = Infinity,
  ): Ranked<T>[] {
    if (!tree || !(n >= 1) || !(maxDistanceKm >= 0) || !isValidPoint(origin)) return [];
    const lon = wrapLon(origin.lon);
    const predicate = filter ? (id: number) => filter(itemAt(id)) : undefined;
    const search = (maxResults: number, radiusKm: number): number[] => {
      const radius = toGeokdbushKm(widen(radiusKm));
      return around(tree, lon, origin.lat, maxResults, radius < GEOKDBUSH_HALF_CIRCUMFERENCE_KM ? radius : undefined, predicate);
    };
    const measure = (ids: readonly number[]) =>
      ids.map((id) => ({ id, index: indexOf[id]!, distanceKm: distanceKm(origin, points[id]!) }));

    // Ask for one more than needed: if that extra hit is clearly farther than the n-th,
    // the n nearest are settled. Otherwise it may tie the n-th (duplicate positions, or
    // distances equal but for rounding), and a tie must go to the lower original index,
    // which geokdbush knows nothing about: fetch everything up to the n-th distance.
    const count = Math.floor(n);
    let hits = measure(search(count + 1, maxDistanceKm));
    const extra = hits[count];
    if (extra !== undefined) {
      const nth = hits.slice(0, count).reduce((max, hit) => Math.max(max, hit.distanceKm), 0);
      if (!(extra.distanceKm > widen(nth))) hits = measure(search(Infinity, Math.min(nth, maxDistanceKm)));
    }
    return hits
      .filter((hit) => hit.distanceKm <= maxDistanceKm)
      .sort(byDistanceThenIndex)
      .slice(0, count)
      .map((hit) => ({ item: itemAt(hit.id), distanceKm: hit.distanceKm }));
  }

  return { size, nearest };
}
