import type { VisitLog } from '../../shared/domain/visitLog';
import { parisDate, parisTime } from './today';

/** Part of today a visit was logged in, Paris time: before noon, before 18:00, after. */
export type DayPart = 'morning' | 'afternoon' | 'evening';

export type VisitGroup =
  | { kind: 'today'; part: DayPart; visits: VisitLog[] }
  | { kind: 'day'; date: string; yesterday: boolean; visits: VisitLog[] };

/** How many days back the list goes (a visit still waiting is shown whatever its age). */
export const EARLIER_DAYS = 6;

const partOf = (instant: Date): DayPart => {
  const hour = Number(parisTime(instant).slice(0, 2));
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
};

/** The calendar day before `date` (YYYY-MM-DD), on the calendar (no time zone involved). */
export function dayBefore(date: string, days = 1): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10);
}

/**
 * The saved-visit list, so this morning's visits are found at a glance: today first, in
 * parts of the day (latest part first), then each earlier day (the last EARLIER_DAYS days,
 * and any older visit still waiting), newest first everywhere.
 */
export function groupVisits(visits: readonly VisitLog[], now: Date, waiting: ReadonlySet<string>): VisitGroup[] {
  const today = parisDate(now);
  const oldest = dayBefore(today, EARLIER_DAYS);
  const yesterday = dayBefore(today);
  const sorted = [...visits].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const groups: VisitGroup[] = [];
  for (const visit of sorted) {
    const at = new Date(visit.createdAt);
    const date = parisDate(at);
    if (date < oldest && !waiting.has(visit.id)) continue;
    const last = groups.at(-1);
    // A visit dated after today (a tablet clock set wrong) shows with today's, not hidden.
    if (date >= today) {
      const part = partOf(at);
      if (last?.kind === 'today' && last.part === part) last.visits.push(visit);
      else groups.push({ kind: 'today', part, visits: [visit] });
    } else if (last?.kind === 'day' && last.date === date) last.visits.push(visit);
    else groups.push({ kind: 'day', date, yesterday: date === yesterday, visits: [visit] });
  }
  return groups;
}
