import type { Place } from '../../../shared/domain/place';
import type { Need } from '../../../shared/domain/vocabularies';
import type { GeoPoint } from '../../../shared/geo/geoPoint';
import { rankByDistance } from '../../../shared/geo/rankByDistance';
import { placeAnswers } from '../common/placeNeeds';

export interface ListedPlace {
  place: Place;
  /** Undefined when no origin is known yet (the list is then alphabetical). */
  distanceKm?: number;
}

/** The places answering `need`, nearest to `origin` first (alphabetical without one). */
export function nearestPlaces(places: readonly Place[], origin: GeoPoint | undefined, need: Need | undefined, limit = 100): ListedPlace[] {
  const filter = (place: Place) => placeAnswers(place, need);
  if (!origin) {
    return places
      .filter(filter)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .slice(0, limit)
      .map((place) => ({ place }));
  }
  return rankByDistance(places, origin, (place) => place, { filter, limit }).map(({ item, distanceKm }) => ({ place: item, distanceKm }));
}
