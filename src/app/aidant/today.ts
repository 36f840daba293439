import type { ItinerantSession } from '../../shared/domain/session';

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** YYYY-MM-DD in Paris (the territory's day, whatever the tablet's zone). */
export const parisDate = (d: Date): string => PARIS_DATE.format(d);
export const parisTime = (d: Date): string => PARIS_TIME.format(d);

/** The session this aidant has open today (the latest one), if any. */
export function openSessionOf(sessions: readonly ItinerantSession[], userId: string, now: Date): ItinerantSession | undefined {
  const today = parisDate(now);
  return sessions
    .filter((s) => s.endedAt === undefined && s.date === today && s.aidantIds.includes(userId))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}
