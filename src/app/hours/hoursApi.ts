import type { SchoolHolidayPeriod } from '../../shared/domain/territory';
import { nextPassages, type NextPassages } from '../../shared/hours/nextPassages';
import { openingStatus, type OpeningStatus } from '../../shared/hours/openingStatus';
import { parseHours, type Hours } from '../../shared/hours/parseHours';
import { weekSchedule, type DaySchedule } from '../../shared/hours/weekSchedule';

// Opening-hours evaluation for the screens. This module pulls in the opening_hours
// library (about 200 KB), so it is only ever loaded through `loadHoursApi()` after
// first paint, never imported statically by a screen.

type Holidays = readonly SchoolHolidayPeriod[];

const NO_HOLIDAYS: Holidays = [];
const parsed = new WeakMap<Holidays, Map<string, Hours | undefined>>();

/** Parses once per (value, calendar); undefined when the value cannot be read. */
function hoursOf(value: string, holidays: Holidays): Hours | undefined {
  let byValue = parsed.get(holidays);
  if (!byValue) parsed.set(holidays, (byValue = new Map()));
  if (byValue.has(value)) return byValue.get(value);
  const result = parseHours(value, holidays.length > 0 ? { schoolHolidays: holidays } : {});
  const hours = result.ok ? result.hours : undefined;
  byValue.set(value, hours);
  return hours;
}

export function statusOf(value: string, now: Date, holidays: Holidays = NO_HOLIDAYS): OpeningStatus {
  const hours = hoursOf(value, holidays);
  if (!hours) return { state: 'unknown', reason: 'unreadable' };
  return openingStatus(hours, now);
}

export function weekOf(value: string, now: Date, holidays: Holidays = NO_HOLIDAYS): DaySchedule[] | undefined {
  const hours = hoursOf(value, holidays);
  return hours ? weekSchedule(hours, now) : undefined;
}

export function passagesOf(value: string, now: Date, count: number, holidays: Holidays = NO_HOLIDAYS): NextPassages | undefined {
  const hours = hoursOf(value, holidays);
  return hours ? nextPassages(hours, now, count) : undefined;
}

export type { DaySchedule, NextPassages, OpeningStatus };
