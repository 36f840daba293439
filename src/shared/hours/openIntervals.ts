// The one place that walks the library's iterator: every evaluator goes through here so
// the two ways evaluation can fail are handled once.
//
// 1. School-holiday coverage: with a calendar, `SH` was rewritten into dates that say
//    nothing outside the calendar (rewriteSchoolHolidays.ts), so the walk stops where the
//    coverage ends and reports the rest as unknown.
// 2. The library throws (its bundled school holidays end in July 2027): the walk keeps what
//    it had established and reports unknown from the last known state change. The library
//    also console.error()s that message before throwing; we cannot silence it from here.
//
// Everything here is in wall-clock Dates (parisWallClock.ts); callers convert.

import type { Hours } from './parseHours';
import { errorMessage } from './parseHours';
import { addDays, calendarDateOfWall, wallMidnight } from './calendarDate';

export interface WallInterval {
  start: Date;
  /** Undefined when the state after `start` could not be established (see unknownFrom). */
  end: Date | undefined;
  /** The library says "maybe" (`unknown` keyword, a bare comment, an open end `10:00+`). */
  unknown: boolean;
  comment: string | undefined;
}

export interface WallIntervals {
  /** Open or unknown intervals, cropped to [from, to). */
  intervals: WallInterval[];
  /** From this wall time on (up to `to`) nothing is known. */
  unknownFrom?: Date;
  reason?: string;
}

export function openIntervals(hours: Hours, from: Date, to: Date): WallIntervals {
  let limit = to;
  let unknownFrom: Date | undefined;
  let reason: string | undefined;

  const source = hours.schoolHolidays;
  if (source.kind === 'calendar') {
    const coverage = source.coverage;
    if (!coverage) {
      return { intervals: [], unknownFrom: from, reason: 'School holiday calendar is empty' };
    }
    const coverageStart = wallMidnight(coverage.from);
    const coverageEnd = wallMidnight(addDays(coverage.to, 1));
    if (from < coverageStart || from >= coverageEnd) {
      return { intervals: [], unknownFrom: from, reason: schoolHolidaysUnknown(calendarDateOfWall(from)) };
    }
    if (to > coverageEnd) {
      limit = coverageEnd;
      unknownFrom = coverageEnd;
      reason = schoolHolidaysUnknown(coverage.to, 'after');
    }
  }

  const intervals: WallInterval[] = [];
  // Last moment the state was established; if the library throws, unknown starts here.
  let known = from;
  try {
    const iterator = hours.library.getIterator(from);
    const open = (): boolean => iterator.getState() || iterator.getUnknown();
    if (open()) {
      intervals.push({ start: from, end: undefined, unknown: iterator.getUnknown(), comment: iterator.getComment() });
    }
    while (iterator.advance(limit)) {
      const at = iterator.getDate();
      known = at;
      const last = intervals[intervals.length - 1];
      if (last && last.end === undefined) last.end = at;
      if (open()) {
        intervals.push({ start: at, end: undefined, unknown: iterator.getUnknown(), comment: iterator.getComment() });
      }
    }
    known = limit;
    const last = intervals[intervals.length - 1];
    if (last && last.end === undefined) last.end = limit;
  } catch (error) {
    // With the library's own SH data this is the expected end of that data; say so plainly
    // rather than pass on its "please submit a pull request" message.
    const why =
      source.kind === 'library'
        ? `School holidays are not known from ${calendarDateOfWall(known)} on (the opening_hours library's data ends): ${errorMessage(error)}`
        : errorMessage(error);
    return { intervals: merge(intervals), unknownFrom: known, reason: why };
  }
  return { intervals: merge(intervals), ...(unknownFrom ? { unknownFrom, reason } : {}) };
}

/** The library starts a new interval at every comment change (e.g. a holiday name);
 *  adjacent intervals of the same kind are one opening for our purposes. */
function merge(intervals: WallInterval[]): WallInterval[] {
  const merged: WallInterval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && last.end && last.end.getTime() === interval.start.getTime() && last.unknown === interval.unknown) {
      last.end = interval.end;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

function schoolHolidaysUnknown(date: string, when: 'on' | 'after' = 'on'): string {
  return when === 'after'
    ? `School holidays are not known after ${date}`
    : `School holidays are not known for ${date}`;
}
