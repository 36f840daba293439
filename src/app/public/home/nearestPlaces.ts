import type { Place } from '../../../shared/domain/place';
import type { Stop, Tour } from '../../../shared/domain/tour';
import type { Need } from '../../../shared/domain/vocabularies';
import type { GeoPoint } from '../../../shared/geo/geoPoint';
import { rankByDistance } from '../../../shared/geo/rankByDistance';
import { placeAtStops } from '../bus/placeStops';
import { placeAnswers } from '../common/placeNeeds';

export interface ListedPlace {
  /** For a vehicle met at a stop (`stop` set): the place at that stop's point and schedule. */
  place: Place;
  /** Undefined when no origin is known yet (the list is then alphabetical). */
  distanceKm?: number;
  /** The stop nearest the origin, for a vehicle (the bus): where and when it is met. */
  stop?: Stop;
}

/**
 * The places answering `need`, nearest to `origin` first (alphabetical without one). A
 * vehicle with a tour (`tours`) ranks at its stop nearest the origin, listed once.
 */
export function nearestPlaces(
  places: readonly Place[], origin: GeoPoint | undefined, need: Need | undefined, limit = 100, tours: readonly Tour[] = [],
): ListedPlace[] {
  const filter = (place: Place) => placeAnswers(place, need);
  if (!origin) {
    return places
      .filter(filter)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .slice(0, limit)
      .map((place) => ({ place }));
  }
  const met = places.filter(filter).flatMap((place) => placeAtStops(place, tours));
  const seen = new Set<string>();
  const listed: ListedPlace[] = [];
  for (const { item, distanceKm } of rankByDistance(met, origin, (entry) => entry.place)) {
    if (seen.has(item.place.id)) continue;
    seen.add(item.place.id);
    listed.push(item.stop ? { place: item.place, distanceKm, stop: item.stop } : { place: item.place, distanceKm });
    if (listed.length >= limit) break;
  }
  return listed;
}
