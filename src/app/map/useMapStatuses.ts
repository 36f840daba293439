import { useEffect, useState } from 'preact/hooks';
import type { Place } from '../../shared/domain/place';
import type { SchoolHolidayPeriod } from '../../shared/domain/territory';
import type { OpeningStatus } from '../hours/hoursApi';
import { useHoursEvaluator } from '../hours/hoursEvaluator';

/**
 * Every shown place's opening status for the map's markers and popups, evaluated by the
 * opening-hours worker (hoursEvaluator.ts), never on the page: the map lists up to 200
 * places, and the opening_hours library's compile and first parses made one long task on
 * the main thread (docs/performance.md). Each distinct hours text is asked once per
 * minute; until its answer, it is missing from the map (the map says "loading").
 */
export function useMapStatuses(places: readonly Place[], now: () => Date, holidays: readonly SchoolHolidayPeriod[] | undefined): ReadonlyMap<string, OpeningStatus> {
  const api = useHoursEvaluator();
  const [statuses, setStatuses] = useState<ReadonlyMap<string, OpeningStatus>>(new Map());
  const values = [...new Set(places.map((p) => p.openingHours).filter((v): v is string => Boolean(v)))].sort();
  const minute = Math.floor(now().getTime() / 60_000);
  const key = values.join('\u0000');
  useEffect(() => {
    if (!api) return;
    let live = true;
    const at = now();
    void Promise.all(values.map(async (value) => [value, await api.statusOf(value, at, holidays)] as const)).then(
      (pairs) => live && setStatuses(new Map(pairs)),
      (error: unknown) => console.warn('Escale: opening hours on the map could not be evaluated', error),
    );
    return () => void (live = false);
    // `values` and `now` are new on every render: the key and the minute are what matter.
  }, [api, key, holidays, minute]);
  return statuses;
}
