import type { GeoPoint } from './geoPoint';
import type { AreaGeometry, Feature } from './geoJson';
import { pointInPolygon } from './pointInPolygon';

/**
 * The first feature whose outline contains `point` (e.g. the commune a GPS position
 * falls in), or undefined outside them all. Features without geometry are skipped.
 *
 * Outlines are simplified and for display only: near a boundary the answer can be the
 * neighbour, so show it as a suggestion the user can change, never as a legal fact.
 */
export function communeAt<F extends Feature<AreaGeometry, unknown>>(
  point: GeoPoint,
  features: readonly F[],
): F | undefined {
  return features.find((feature) => feature.geometry !== null && pointInPolygon(point, feature.geometry));
}
