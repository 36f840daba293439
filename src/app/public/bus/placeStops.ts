import type { Place } from '../../../shared/domain/place';
import type { Stop, Tour } from '../../../shared/domain/tour';
import { stopsIn, type TourStop } from './stopsIn';

/**
 * The stops where an itinerant place is met: the stops of its own tour for a vehicle
 * (`tourId`, the bus itself), else every tour's stops in its commune (a permanence the bus
 * serves). None for a fixed place.
 */
export function stopsOfPlace(place: Place, tours: readonly Tour[]): TourStop[] {
  if (!place.itinerant) return [];
  if (place.tourId) {
    const tour = tours.find((candidate) => candidate.id === place.tourId);
    return tour ? tour.stops.map((stop) => ({ tour, stop })) : [];
  }
  return stopsIn(tours, place.insee);
}

/** A place as met at one stop: the stop's position, and its schedule as the hours. */
export interface PlaceAtStop {
  place: Place;
  stop?: Stop;
}

/**
 * A vehicle is where its stops are: one entry per stop, each with the stop's point and its
 * schedule in place of the depot's position and hours, so that "near me" and the map find
 * the bus at the stop and time it will be there. Every other place is itself, once.
 */
export function placeAtStops(place: Place, tours: readonly Tour[]): PlaceAtStop[] {
  if (!place.itinerant || !place.tourId) return [{ place }];
  const stops = stopsOfPlace(place, tours);
  if (stops.length === 0) return [{ place }];
  return stops.map(({ stop }) => ({
    place: { ...place, lat: stop.lat, lon: stop.lon, openingHours: stop.schedule, approximateLocation: true },
    stop,
  }));
}
