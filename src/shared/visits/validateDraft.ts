import { type VisitLog, visitLogSchema } from '../domain/visitLog';
import { normaliseNote } from './noteMinimisation';
import { MAX_DURATION_MINUTES, MAX_NOTE_LENGTH, MAX_PARTICIPANTS, MIN_DURATION_MINUTES, type VisitDraft } from './visitDraft';

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

export type ValidateResult =
  | { ok: true; visit: VisitLog }
  | { ok: false; errors: Partial<Record<VisitField, string>> };

/**
 * The draft as a `VisitLog`, or French messages per field. The record is finally parsed with
 * `visitLogSchema`, so nothing the server would refuse leaves the form; a schema failure the
 * rules above did not foresee comes back under its field (or 'record'), never as a throw.
 *
 * `visit.notes` is plaintext here: whoever stores the visit seals it first (see README).
 */
export function validateDraft(draft: VisitDraft, ctx: VisitContext): ValidateResult {
  const errors: Partial<Record<VisitField, string>> = {};

  if (draft.kind === 'collectif' && !(Number.isInteger(draft.participants) && draft.participants >= 2)) {
    errors.participants = 'Un atelier collectif compte au moins 2 personnes.';
  } else if (draft.kind === 'collectif' && draft.participants > MAX_PARTICIPANTS) {
    errors.participants = `Un atelier collectif compte au plus ${MAX_PARTICIPANTS} personnes.`;
  } else if (draft.kind === 'individuel' && draft.participants !== 1) {
    errors.participants = 'Une visite individuelle concerne une seule personne.';
  }
  const d = draft.durationMinutes;
  if (!Number.isInteger(d) || d < MIN_DURATION_MINUTES || d > MAX_DURATION_MINUTES) {
    errors.durationMinutes = `La durée doit être un nombre entier de minutes, entre ${MIN_DURATION_MINUTES} et ${MAX_DURATION_MINUTES} (8 heures).`;
  }
  if (draft.themes.length === 0) errors.themes = 'Choisissez au moins un thème.';
  if (draft.autonomy === undefined) errors.autonomy = 'Choisissez le niveau d’autonomie de la personne.';
  if (draft.equipment.includes('aucun') && draft.equipment.length > 1) {
    errors.equipment = '« Aucun équipement » ne peut pas être choisi avec un autre équipement.';
  }
  if (draft.residence.kind === 'commune' && !ctx.territoryInsee.has(draft.residence.insee)) {
    errors.residence = 'Cette commune n’est pas sur le territoire : choisissez « Hors territoire ».';
  }
  const notes = normaliseNote(draft.notes);
  if (notes.length > MAX_NOTE_LENGTH) {
    errors.notes = `La note fait ${notes.length} caractères ; le maximum est ${MAX_NOTE_LENGTH}. Gardez l’essentiel pour le suivi.`;
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
    errors[field] ??= field === 'record'
      ? 'La visite n’a pas pu être enregistrée : une donnée de la session ou du compte est invalide.'
      : 'Cette réponse n’est pas valide. Choisissez-la de nouveau.';
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
