import type { VisitLog } from '../../../shared/domain/visitLog';
import type { PinKey } from './deriveKey';
import { decryptNote, encryptNote, type NoteBox } from './noteBox';

/** A visit as it may rest on the tablet: no plaintext notes, the sealed box beside it. */
export interface SealedVisit {
  visit: Omit<VisitLog, 'notes'>;
  notesBox?: NoteBox;
}

/**
 * Take the plaintext notes out of a validated visit and seal them, bound to the visit id.
 * What the data layer stores (record and outbox entry alike) is this, never `visit.notes`.
 */
export async function sealVisitNotes(pinKey: PinKey, visit: VisitLog): Promise<SealedVisit> {
  const { notes, ...rest } = visit;
  if (notes === undefined || notes === '') return { visit: rest };
  return { visit: rest, notesBox: await encryptNote(pinKey, notes, visit.id) };
}

/** The full visit again, for the author only (throws WrongPinError / CorruptNoteError). */
export async function openVisitNotes(pinKey: PinKey, sealed: SealedVisit): Promise<VisitLog> {
  if (sealed.notesBox === undefined) return { ...sealed.visit };
  return { ...sealed.visit, notes: await decryptNote(pinKey, sealed.notesBox, sealed.visit.id) };
}
