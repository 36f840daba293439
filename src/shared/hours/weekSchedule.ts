// The current week, Monday first, for a week table with today highlighted. Times are Paris
// wall-clock strings ('08:30'), which is what a table shows, also on DST days.

import type { Hours } from './parseHours';
import { openIntervals } from './openIntervals';
import { addDays, isoWeekday, parisDateOf, wallMidnight, type CalendarDate } from './calendarDate';

export interface DayInterval {
  from: string;
  /** '24:00' when the interval runs to midnight. */
  to: string;
  /** The schedule itself says "maybe" (`unknown`, a bare comment, an open end). */
  uncertain: boolean;
  comment?: string;
}

export interface DaySchedule {
  date: CalendarDate;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  isToday: boolean;
  /** A public holiday (PH) in France. */
  isHoliday: boolean;
  intervals: DayInterval[];
  /** Set when (part of) the day cannot be evaluated; `intervals` then holds only what is
   *  known, and the table should say "unknown" rather than "closed". */
  unknownReason?: string;
}

export function weekSchedule(hours: Hours, now: Date): DaySchedule[] {
  const today = parisDateOf(now);
  const monday = addDays(today, 1 - isoWeekday(today));
  const days: DaySchedule[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(monday, offset);
    const start = wallMidnight(date);
    const end = wallMidnight(addDays(date, 1));
    const { intervals, unknownFrom, reason } = openIntervals(hours, start, end);
    days.push({
      date,
      weekday: offset + 1,
      isToday: date === today,
      isHoliday: isPublicHoliday(hours, start),
      intervals: intervals.flatMap((interval) =>
        interval.end
          ? [
              {
                from: hhmm(interval.start),
                to: interval.end.getTime() === end.getTime() ? '24:00' : hhmm(interval.end),
                uncertain: interval.unknown,
                ...(interval.comment ? { comment: interval.comment } : {}),
              },
            ]
          : [],
      ),
      ...(unknownFrom ? { unknownReason: reason ?? 'Not known' } : {}),
    });
  }
  return days;
}

function isPublicHoliday(hours: Hours, wallMidnightOfDay: Date): boolean {
  try {
    // Noon: a date the library cannot misplace, whatever the host zone does at midnight.
    const noon = new Date(wallMidnightOfDay);
    noon.setHours(12);
    return hours.library.getPublicHolidayContext(noon).isHoliday;
  } catch {
    return false;
  }
}

function hhmm(wall: Date): string {
  return `${String(wall.getHours()).padStart(2, '0')}:${String(wall.getMinutes()).padStart(2, '0')}`;
}
