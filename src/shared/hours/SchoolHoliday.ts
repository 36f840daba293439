// School-holiday calendar carried in the territory data (and updated by sync), so that
// rules with `SH` keep working after the opening_hours library's bundled French data ends
// (it stops in July 2027 for Nouvelle-Aquitaine / zone A).

import { parseCalendarDate, type CalendarDate } from './calendarDate';

/** One holiday period, both ends inclusive, Paris dates: the Toussaint 2027 holidays are
 *  `{ from: '2027-10-23', to: '2027-11-07' }` (Saturday to Sunday). */
export interface SchoolHoliday {
  from: CalendarDate;
  to: CalendarDate;
  name?: string;
}

/** The dates a calendar can answer for: from its first holiday's start to its last one's
 *  end. Between two listed periods we know it is a school day; before the first or after
 *  the last we know nothing, so a rule with `SH` is "unknown" there. */
export interface SchoolHolidayCoverage {
  from: CalendarDate;
  to: CalendarDate;
}

export type CheckedCalendar =
  | { ok: true; holidays: SchoolHoliday[]; coverage: SchoolHolidayCoverage | undefined }
  | { ok: false; error: string };

/** Validates periods and returns them sorted; an empty calendar covers nothing. */
export function checkSchoolHolidays(holidays: readonly SchoolHoliday[]): CheckedCalendar {
  for (const holiday of holidays) {
    if (!parseCalendarDate(holiday.from) || !parseCalendarDate(holiday.to) || holiday.to < holiday.from) {
      return { ok: false, error: `Invalid school holiday period: ${holiday.from} – ${holiday.to}` };
    }
  }
  const sorted = [...holidays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const first = sorted[0];
  if (!first) return { ok: true, holidays: sorted, coverage: undefined };
  const lastEnd = sorted.reduce((end, holiday) => (holiday.to > end ? holiday.to : end), first.to);
  return { ok: true, holidays: sorted, coverage: { from: first.from, to: lastEnd } };
}
