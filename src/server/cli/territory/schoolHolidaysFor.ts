import OpeningHours from 'opening_hours';
import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';

// The school holidays of a region, as the opening_hours library bundles them (the same
// source and the same reading as src/territories/civraisien-en-poitou/tools/
// build-territory.mjs), from the start of the current school year to the last day the
// library knows. Copied into territory.json because the app answers `SH` from the
// territory's calendar (src/shared/hours/parseHours.ts), which staff can extend by sync
// once the library's data ends.

const DAY = 86_400_000;
const parisDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

/** 1 September (Paris) of the school year that `now` is in. */
export function schoolYearStart(now: Date): Date {
  const [year, month] = parisDate(now).split('-').map(Number) as [number, number];
  return new Date(`${month >= 9 ? year : year - 1}-09-01T00:00:00+02:00`);
}

/**
 * The periods (both ends inclusive, Paris dates), or [] when the library has no school
 * holidays for `region` from that date on (it has none for Corse, Guyane and Mayotte
 * after 2025): `SH` is then "unknown" in the app until staff add the calendar.
 */
export function schoolHolidaysFor(region: string, now: Date): SchoolHolidayPeriod[] {
  const location = { lat: '46.6', lon: '1.9', address: { country_code: 'fr', state: region } };
  const from = schoolYearStart(now);
  // The library writes each failure to console.error before throwing it: quiet while probing.
  const error = console.error;
  console.error = () => {};
  try {
    let oh: OpeningHours;
    try {
      oh = new OpeningHours('SH', location as never);
    } catch {
      return [];
    }
    const works = (days: number) => {
      try {
        oh.getOpenIntervals(from, new Date(from.getTime() + days * DAY));
        return true;
      } catch {
        return false;
      }
    };
    // The library throws for any window that reaches past its data: find the longest
    // window that does not, to the day (it knows at most a few school years ahead).
    let lo = 0;
    let hi = 4 * 366;
    if (works(hi)) lo = hi;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (works(mid)) lo = mid;
      else hi = mid;
    }
    if (lo === 0) return [];
    const intervals = oh.getOpenIntervals(from, new Date(from.getTime() + lo * DAY));
    // Intervals run from local midnight to local midnight: the last holiday day is the
    // day before the end. Shorter than 12 hours is a time-zone artefact at the window's end.
    return intervals
      .filter(([start, end]) => end.getTime() - start.getTime() >= DAY / 2)
      .map(([start, end, , comment]) => ({
        name: comment === 'Fin des cours' ? "Fin des cours (début des vacances d'été ; fin non donnée par la source)" : comment || 'Vacances scolaires',
        from: parisDate(start),
        to: parisDate(new Date(end.getTime() - DAY / 2)),
      }));
  } finally {
    console.error = error;
  }
}
