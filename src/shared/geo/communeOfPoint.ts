import type { Commune, Territory } from '../domain/territory';
import { communeAt } from './communeAt';
import { distanceKm } from './distanceKm';
import type { GeoPoint } from './geoPoint';

/** How far outside the bounding box a point may be and still count as in the territory. */
const BBOX_MARGIN_DEGREES = 0.01;

/**
 * The commune a point is in. With the communes' outlines, the one whose outline holds it;
 * a territory made without an outline file (`npm run territory:create` without
 * `--outlines`) has only the communes' centre points, so then the commune with the
 * nearest centre, for a point inside the territory's bounding box. Undefined outside.
 */
export function communeOfPoint(point: GeoPoint, territory: Pick<Territory, 'outlines' | 'communes' | 'bbox'>): Commune | undefined {
  if (territory.outlines.features.length) {
    const feature = communeAt(point, territory.outlines.features);
    return feature ? territory.communes.find((c) => c.insee === feature.properties.code) : undefined;
  }
  const [west, south, east, north] = territory.bbox;
  const m = BBOX_MARGIN_DEGREES;
  if (point.lon < west - m || point.lon > east + m || point.lat < south - m || point.lat > north + m) return undefined;
  let best: Commune | undefined;
  let bestKm = Infinity;
  for (const commune of territory.communes) {
    const km = distanceKm(point, commune);
    if (km < bestKm) [best, bestKm] = [commune, km];
  }
  return best;
}
