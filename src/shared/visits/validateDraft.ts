import { type VisitLog, visitLogSchema } from '../domain/visitLog';
import { normaliseNote } from './noteMinimisation';
import {
  MAX_DURATION_MINUTES, MAX_NOTE_LENGTH, MAX_PARTICIPANTS, MIN_COLLECTIVE_PARTICIPANTS, MIN_DURATION_MINUTES, type VisitDraft,
} from './visitDraft';

/** What the form does not know: who, where, when, and the record's identity. */
export interface VisitContext {
  /** A fresh UUID for a new visit; the visit's own id when correcting a queued one. */
  id: string;
  territoryId: string;
  aidantId: string;
  /** ISO instant with offset; kept from the original visit when correcting. */
  createdAt: string;
  sessionId?: string;
  /** INSEE codes of the territory's communes: a residence must be one of them. */
  territoryInsee: ReadonlySet<string>;
}

/** The fields a message can be attached to (the screen shows it beside that group). */
export type VisitField =
  | 'kind' | 'participants' | 'durationMinutes' | 'themes' | 'procedures' | 'autonomy' | 'referral'
  | 'ageBand' | 'residence' | 'firstVisit' | 'equipment' | 'checklistRuns' | 'notes' | 'record';

/**
 * What is wrong with a field, as a stable code and its facts; the interface words it
 * (src/app/aidant/i18n/visitErrorText.ts). No interface text here.
 */
export type VisitError =
  /** A collective workshop of fewer than `min` people, or a count that is not whole. */
  | { code: 'collective_min'; params: { min: number } }
  | { code: 'collective_max'; params: { max: number } }
  /** An individual visit of other than one person. */
  | { code: 'individual_one' }
  /** Not whole minutes, or outside `min`–`max`. */
  | { code: 'duration_range'; params: { min: number; max: number } }
  | { code: 'themes_required' }
  | { code: 'autonomy_required' }
  /** "aucun" equipment chosen with another. */
  | { code: 'equipment_none_exclusive' }
  /** A commune that is not one of the territory's. */
  | { code: 'residence_outside' }
  /** `length`: the trimmed note's. */
  | { code: 'notes_too_long'; params: { length: number; max: number } }
  /** The schema refused a field the rules above let through. */
  | { code: 'answer_invalid' }
  /** The schema refused what the context gave (under 'record'). */
  | { code: 'record_invalid' };

export type VisitErrorCode = VisitError['code'];
export type VisitErrors = Partial<Record<VisitField, VisitError>>;

export type ValidateResult =
  | { ok: true; visit: VisitLog }
  | { ok: false; errors: VisitErrors };

/**
 * The draft as a `VisitLog`, or a coded error per field. The record is finally parsed with
 * `visitLogSchema`, so nothing the server would refuse leaves the form; a schema failure the
 * rules above did not foresee comes back under its field (or 'record'), never as a throw.
 *
 * `visit.notes` is plaintext here: whoever stores the visit seals it first (see README).
 */
export function validateDraft(draft: VisitDraft, ctx: VisitContext): ValidateResult {
  const errors: VisitErrors = {};

  if (draft.kind === 'collectif' && !(Number.isInteger(draft.participants) && draft.participants >= MIN_COLLECTIVE_PARTICIPANTS)) {
    errors.participants = { code: 'collective_min', params: { min: MIN_COLLECTIVE_PARTICIPANTS } };
  } else if (draft.kind === 'collectif' && draft.participants > MAX_PARTICIPANTS) {
    errors.participants = { code: 'collective_max', params: { max: MAX_PARTICIPANTS } };
  } else if (draft.kind === 'individuel' && draft.participants !== 1) {
    errors.participants = { code: 'individual_one' };
  }
  const d = draft.durationMinutes;
  if (!Number.isInteger(d) || d < MIN_DURATION_MINUTES || d > MAX_DURATION_MINUTES) {
    errors.durationMinutes = { code: 'duration_range', params: { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES } };
  }
  if (draft.themes.length === 0) errors.themes = { code: 'themes_required' };
  if (draft.autonomy === undefined) errors.autonomy = { code: 'autonomy_required' };
  if (draft.equipment.includes('aucun') && draft.equipment.length > 1) {
    errors.equipment = { code: 'equipment_none_exclusive' };
  }
  if (draft.residence.kind === 'commune' && !ctx.territoryInsee.has(draft.residence.insee)) {
    errors.residence = { code: 'residence_outside' };
  }
  const notes = normaliseNote(draft.notes);
  if (notes.length > MAX_NOTE_LENGTH) {
    errors.notes = { code: 'notes_too_long', params: { length: notes.length, max: MAX_NOTE_LENGTH } };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const candidate = {
    id: ctx.id,
    territoryId: ctx.territoryId,
    ...(ctx.sessionId !== undefined ? { sessionId: ctx.sessionId } : {}),
    aidantId: ctx.aidantId,
    createdAt: ctx.createdAt,
    kind: draft.kind,
    participants: draft.kind === 'individuel' ? 1 : draft.participants,
    durationMinutes: draft.durationMinutes,
    themes: unique(draft.themes),
    procedures: unique(draft.procedures),
    autonomy: draft.autonomy,
    referral: unique(draft.referral),
    ageBand: draft.ageBand,
    ...(draft.residence.kind === 'commune' ? { residenceInsee: draft.residence.insee } : {}),
    ...(draft.firstVisit !== undefined ? { firstVisit: draft.firstVisit } : {}),
    equipment: unique(draft.equipment),
    checklistRuns: [...draft.checklistRuns],
    ...(notes !== '' ? { notes } : {}),
  };
  const parsed = visitLogSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, visit: parsed.data };
  for (const issue of parsed.error.issues) {
    const head = issue.path[0];
    const field = (typeof head === 'string' && head in FIELD_OF_KEY ? FIELD_OF_KEY[head] : 'record') ?? 'record';
    errors[field] ??= { code: field === 'record' ? 'record_invalid' : 'answer_invalid' };
  }
  return { ok: false, errors };
}

const FIELD_OF_KEY: Record<string, VisitField> = {
  kind: 'kind', participants: 'participants', durationMinutes: 'durationMinutes', themes: 'themes',
  procedures: 'procedures', autonomy: 'autonomy', referral: 'referral', ageBand: 'ageBand',
  residenceInsee: 'residence', firstVisit: 'firstVisit', equipment: 'equipment',
  checklistRuns: 'checklistRuns', notes: 'notes',
};

const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];
