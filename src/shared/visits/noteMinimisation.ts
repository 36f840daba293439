import { MAX_NOTE_LENGTH } from './visitDraft';

// Follow-up notes are personal data. These checks nudge the aidant to minimise: they never
// block saving (a phone number can be the whole point of a follow-up), they say what was
// seen and ask whether it is needed.

export type NoteWarningKind = 'phone' | 'email' | 'nir';

/** What was seen; the interface words it (the aidant catalogue's `note.<kind>`). */
export interface NoteWarning {
  kind: NoteWarningKind;
}

// NIR (numéro de sécurité sociale): sex (1, 2, or 3/4/7/8 for temporary numbers), year,
// month, department (2A/2B for Corsica), commune, order, then an optional 2-digit key;
// written with or without spaces. Checked first, and blanked out before the phone check, so
// that its digits are not also read as a phone number.
const NIR = /(?<![\dA-Za-z])[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?(?!\d)/g;
// French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX (0033 too), with spaces, dots or
// dashes between the pairs.
const PHONE = /(?<!\d)(?:(?:\+|00) ?33 ?\(?0?\)? ?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)/;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

/** The note as it will be stored: trimmed; empty means no note. */
export function normaliseNote(text: string): string {
  return text.trim();
}

/** Whether the note fits the schema once trimmed. */
export function noteTooLong(text: string): boolean {
  return normaliseNote(text).length > MAX_NOTE_LENGTH;
}

/** The minimisation warnings for a note, in a stable order (nir, phone, email). */
export function noteWarnings(text: string): NoteWarning[] {
  const kinds: NoteWarningKind[] = [];
  const withoutNir = text.replace(NIR, (m) => ' '.repeat(m.length));
  if (withoutNir !== text) kinds.push('nir');
  if (PHONE.test(withoutNir)) kinds.push('phone');
  if (EMAIL.test(text)) kinds.push('email');
  return kinds.map((kind) => ({ kind }));
}
