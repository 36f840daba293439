import { makesVisit } from './mutations';

/** An outbox entry as far as counting goes: its mutation name and the record it is about. */
export interface PendingEntry {
  readonly name: string;
  readonly recordId?: string | undefined;
}

/** What waits in the outbox, in the words an aidant uses: visits, and everything else. */
export interface PendingCount {
  /** Visits not yet acknowledged by the server (one per visit, whatever its version). */
  readonly visits: number;
  /** Other entries: sessions opened or closed, network measures, proposed corrections. */
  readonly others: number;
}

/**
 * The one count of "what is still to send" (issue 22): the offline banner, the "À envoyer"
 * button, the day's list and the waiting screen all read it, so they cannot disagree.
 * A visit corrected while queued is rewritten in place (one entry); should two entries
 * ever name the same visit, it is still one visit.
 */
export function pendingCount(entries: readonly PendingEntry[]): PendingCount {
  const visits = waitingVisitIds(entries);
  let anonymous = 0;
  let others = 0;
  for (const e of entries) {
    if (!makesVisit(e.name)) others++;
    else if (e.recordId === undefined) anonymous++;
  }
  return { visits: visits.size + anonymous, others };
}

/** The ids of the visits still in the outbox (taken by a push or not: not acknowledged). */
export function waitingVisitIds(entries: readonly PendingEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const e of entries) if (makesVisit(e.name) && e.recordId !== undefined) ids.add(e.recordId);
  return ids;
}
