import { parisDateOf, parseCalendarDate, type CalendarDate } from '../hours/calendarDate';

// Indicators are read by people in Civray: a visit logged at 00:30 on 1 November, Paris
// time, belongs to November even though it is still 31 October in UTC. Every instant is
// therefore turned into its Europe/Paris calendar date (Intl.DateTimeFormat, through
// hours/parisWallClock.ts) before it is compared, never by slicing the ISO string.

/** Inclusive period of Paris calendar dates, `YYYY-MM-DD`. */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

/** The Paris calendar date of an ISO instant (`2026-10-31T23:30:00Z` → `2026-11-01`). */
export function parisDateOfInstant(instant: string): CalendarDate {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  return parisDateOf(date);
}

/** Throws on a malformed or reversed period: a caller's mistake, not data to report. */
export function checkPeriod(period: Period): void {
  if (!parseCalendarDate(period.from) || !parseCalendarDate(period.to)) {
    throw new RangeError(`Not a period of calendar dates: ${period.from} – ${period.to}`);
  }
  if (period.from > period.to) throw new RangeError(`Period ends before it starts: ${period.from} – ${period.to}`);
}

export const inPeriod = (date: CalendarDate, period: Period): boolean => date >= period.from && date <= period.to;

/** The visits whose `createdAt` falls, in Paris, within the period (both ends included). */
export function filterPeriod<T extends { createdAt: string }>(visits: readonly T[], period: Period): T[] {
  checkPeriod(period);
  return visits.filter((visit) => inPeriod(parisDateOfInstant(visit.createdAt), period));
}
