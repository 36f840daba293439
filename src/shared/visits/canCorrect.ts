import type { VisitLog } from '../domain/visitLog';
import { makesVisit } from '../sync/mutations';

/**
 * Where the mutation that made a visit (`visit.create@1` or `@2`) stands:
 * - 'queued': in the outbox, no push has taken it yet;
 * - 'pushing': taken into a push request that has not been answered: the server may already
 *   have applied it, so the outbox entry must no longer change;
 * - 'sent': no longer in the outbox (the server acknowledged it), or a visit pulled back.
 */
export type VisitSendState = 'queued' | 'pushing' | 'sent';

export type CorrectionRoute =
  /** Rewrite the visit and its queued outbox entry in place (same id, same mutation id). */
  | { editable: true }
  /**
   * Too late to edit: the correction is a new change sent to the office with
   * `correction.propose@1` (see README, "Correcting a visit").
   */
  | { editable: false; reason: 'push-started' | 'sent' | 'not-author'; via?: 'correction.propose@1' };

/**
 * A visit can be corrected by its author until its push has started; after that a
 * correction is a new change for the office. `aidantId` is the signed-in aidant: nobody
 * corrects another aidant's visit (their notes are not even readable).
 */
export function canCorrect(visit: Pick<VisitLog, 'aidantId'>, state: VisitSendState, aidantId: string): CorrectionRoute {
  if (visit.aidantId !== aidantId) return { editable: false, reason: 'not-author' };
  if (state === 'queued') return { editable: true };
  return { editable: false, reason: state === 'pushing' ? 'push-started' : 'sent', via: 'correction.propose@1' };
}

/** The outbox entry fields this rule reads (the data layer's entries have more). */
export interface OutboxEntryLike {
  id: number;
  name: string;
  args: unknown;
}

/**
 * The send state of a visit from the outbox and the mutation ids of the push in flight
 * (the sync engine's knowledge: an entry still in the outbox may already be on the wire).
 */
export function visitSendState(visitId: string, outbox: readonly OutboxEntryLike[], inFlight: ReadonlySet<number>): VisitSendState {
  const entry = outbox.find((e) => makesVisit(e.name) && isRecordWithId(e.args, visitId));
  if (entry === undefined) return 'sent';
  return inFlight.has(entry.id) ? 'pushing' : 'queued';
}

const isRecordWithId = (args: unknown, id: string): boolean =>
  typeof args === 'object' && args !== null && (args as { id?: unknown }).id === id;

/** Follow-up notes are only ever shown to the aidant who wrote them. */
export function canReadNotes(visit: Pick<VisitLog, 'aidantId'>, aidantId: string): boolean {
  return visit.aidantId === aidantId;
}
