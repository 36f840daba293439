import type { Stop, Tour } from '../../../shared/domain/tour';

export interface TourStop {
  tour: Tour;
  stop: Stop;
}

/** Every stop of every tour in a commune (INSEE code). */
export function stopsIn(tours: readonly Tour[], insee: string): TourStop[] {
  return tours.flatMap((tour) => tour.stops.filter((stop) => stop.insee === insee).map((stop) => ({ tour, stop })));
}

/** Stops grouped by commune, for "the other communes". */
export function stopsByCommune(tours: readonly Tour[]): Map<string, TourStop[]> {
  const byCommune = new Map<string, TourStop[]>();
  for (const tour of tours) {
    for (const stop of tour.stops) {
      const list = byCommune.get(stop.insee) ?? [];
      list.push({ tour, stop });
      byCommune.set(stop.insee, list);
    }
  }
  return byCommune;
}
