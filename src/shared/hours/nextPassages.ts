// The next openings of a place, e.g. "when does the bus next stop in my commune" for a
// schedule like `Tu[1,3] 09:30-12:00; PH off` (first and third Tuesday, not on holidays).

import type { Hours } from './parseHours';
import { openIntervals } from './openIntervals';
import { fromParisWallClock, parisWallClock } from './parisWallClock';

export interface Passage {
  /** Real instants. A passage under way at `from` starts at `from`. */
  start: Date;
  end: Date;
  /** The schedule itself says "maybe" (`unknown`, a bare comment, an open end). */
  uncertain: boolean;
  comment?: string;
}

export interface NextPassages {
  passages: Passage[];
  /** Set when the answer stops short: nothing is known from this instant on (school
   *  holidays beyond the calendar or the library's data), so more passages may exist. */
  unknownFrom?: Date;
  reason?: string;
}

export function nextPassages(hours: Hours, from: Date, count: number, horizonDays = 120): NextPassages {
  const wallFrom = parisWallClock(from);
  const wallTo = new Date(wallFrom);
  wallTo.setDate(wallTo.getDate() + horizonDays);

  const { intervals, unknownFrom, reason } = openIntervals(hours, wallFrom, wallTo);
  const passages: Passage[] = [];
  for (const interval of intervals) {
    if (passages.length >= count) break;
    // An interval whose end is not known is cut by unknownFrom: not a passage we can give.
    if (!interval.end) continue;
    passages.push({
      start: fromParisWallClock(interval.start),
      end: fromParisWallClock(interval.end),
      uncertain: interval.unknown,
      ...(interval.comment ? { comment: interval.comment } : {}),
    });
  }
  if (passages.length < count && unknownFrom) {
    return { passages, unknownFrom: fromParisWallClock(unknownFrom), reason: reason ?? 'Not known' };
  }
  return { passages };
}
