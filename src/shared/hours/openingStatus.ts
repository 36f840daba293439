// "Open now?" for a place card: open until when, or closed until when, or unknown, never a
// guess. Evaluated in Paris time whatever the device's zone.

import type { Hours } from './parseHours';
import { openIntervals } from './openIntervals';
import { fromParisWallClock, parisWallClock } from './parisWallClock';
import { parisDateOf } from './calendarDate';

/** How far ahead to look for the next opening: two weeks covers fortnightly services
 *  without walking the library through months of closed days. */
export const NEXT_OPENING_HORIZON_DAYS = 14;

export type OpeningStatus =
  | {
      state: 'open';
      /** Undefined when the closing is beyond the horizon or not known (e.g. 24/7). */
      closesAt?: Date;
      comment?: string;
    }
  | {
      state: 'closed';
      /** Next certain opening within NEXT_OPENING_HORIZON_DAYS, if known. */
      opensAt?: Date;
      /** It opens again later today (Paris date). */
      opensToday: boolean;
      comment?: string;
    }
  | { state: 'unknown'; reason: string };

export function openingStatus(hours: Hours, now: Date): OpeningStatus {
  const wallNow = parisWallClock(now);
  const horizon = new Date(wallNow);
  horizon.setDate(horizon.getDate() + NEXT_OPENING_HORIZON_DAYS);

  const { intervals, unknownFrom, reason } = openIntervals(hours, wallNow, horizon);
  if (unknownFrom && unknownFrom <= wallNow) {
    return { state: 'unknown', reason: reason ?? 'Opening hours cannot be evaluated' };
  }

  const current = intervals[0] && intervals[0].start <= wallNow ? intervals[0] : undefined;
  if (current?.unknown) {
    // `Mo 10:00-12:00 unknown "sur rendez-vous"`, `10:00+`…: the comment is the reason.
    return { state: 'unknown', reason: current.comment ?? 'Opening is not certain' };
  }
  if (current) {
    const closesAt = current.end && current.end < horizon ? fromParisWallClock(current.end) : undefined;
    return {
      state: 'open',
      ...(closesAt ? { closesAt } : {}),
      ...(current.comment ? { comment: current.comment } : {}),
    };
  }

  const next = intervals.find((interval) => !interval.unknown);
  const opensAt = next ? fromParisWallClock(next.start) : undefined;
  const comment = commentAt(hours, wallNow);
  return {
    state: 'closed',
    ...(opensAt ? { opensAt } : {}),
    opensToday: opensAt !== undefined && parisDateOf(opensAt) === parisDateOf(now),
    ...(comment ? { comment } : {}),
  };
}

/** A closed period's comment (`off "travaux"`, a holiday name), if any. */
function commentAt(hours: Hours, wall: Date): string | undefined {
  try {
    return hours.library.getComment(wall);
  } catch {
    return undefined; // only a nicety: openIntervals has already vouched for the state
  }
}
