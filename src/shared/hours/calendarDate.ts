// Paris calendar dates as 'YYYY-MM-DD' strings: they sort and compare as text, travel as
// JSON unchanged, and carry no time zone to get wrong.

import { parisFields } from './parisWallClock';

/** A calendar date 'YYYY-MM-DD' (in this folder, always a Paris date). */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2027-02-30. */
export function parseCalendarDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** The Paris calendar date of an instant. */
export function parisDateOf(instant: Date): CalendarDate {
  const f = parisFields(instant);
  return formatCalendarDate(f.year, f.month, f.day);
}

/** The calendar date of a wall-clock Date (its local fields). */
export function calendarDateOfWall(wall: Date): CalendarDate {
  return formatCalendarDate(wall.getFullYear(), wall.getMonth() + 1, wall.getDate());
}

/** Midnight at the start of `date`, as a wall-clock Date (see parisWallClock.ts). */
export function wallMidnight(date: CalendarDate): Date {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(parsed.year, parsed.month - 1, parsed.day);
}

/** `date` moved by `days` calendar days (UTC arithmetic: no DST to trip over). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`);
  const moved = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days));
  return formatCalendarDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`);
  const sundayZero = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
