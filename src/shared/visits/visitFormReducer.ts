import type { ChecklistRun, VisitLog } from '../domain/visitLog';
import {
  type AgeBand, type AutonomyLevel, type Equipment, MAX_PARTICIPANTS, type ReferralPartner, type Residence,
  type VisitDraft, type VisitKind, type VisitProcedure, type VisitTheme,
} from './visitDraft';

// The visit form's rules as pure functions over a draft: each returns a new draft (or the
// same one when nothing changes), so a screen can hold the draft in a signal and re-render.

const toggle = <T>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function toggleTheme(draft: VisitDraft, theme: VisitTheme): VisitDraft {
  return { ...draft, themes: toggle(draft.themes, theme) };
}

export function toggleProcedure(draft: VisitDraft, procedure: VisitProcedure): VisitDraft {
  return { ...draft, procedures: toggle(draft.procedures, procedure) };
}

/** Collective: at least 2 participants (keeps a larger count already typed). Individual: 1. */
export function setKind(draft: VisitDraft, kind: VisitKind): VisitDraft {
  if (kind === 'individuel') return { ...draft, kind, participants: 1 };
  return { ...draft, kind, participants: Math.max(2, draft.participants) };
}

/**
 * The group size of a collective visit. Ignored for an individual visit (always 1).
 * Out-of-range counts are kept as typed and reported by `validateDraft`.
 */
export function setParticipants(draft: VisitDraft, participants: number): VisitDraft {
  if (draft.kind === 'individuel') return draft;
  return { ...draft, participants };
}

/** A preset button or custom minutes (checked by `validateDraft`: whole minutes, 1–480). */
export function setDuration(draft: VisitDraft, minutes: number): VisitDraft {
  return { ...draft, durationMinutes: minutes };
}

export function setAutonomy(draft: VisitDraft, autonomy: AutonomyLevel): VisitDraft {
  return { ...draft, autonomy };
}

/** "Aucune orientation": clears every partner (an empty list is the "none" answer). */
export function setNoReferral(draft: VisitDraft): VisitDraft {
  return { ...draft, referral: [] };
}

export function toggleReferral(draft: VisitDraft, partner: ReferralPartner): VisitDraft {
  return { ...draft, referral: toggle(draft.referral, partner) };
}

/** Whether the "Aucune orientation" button shows as chosen. */
export const hasNoReferral = (draft: VisitDraft): boolean => draft.referral.length === 0;

export function setAgeBand(draft: VisitDraft, ageBand: AgeBand): VisitDraft {
  return { ...draft, ageBand };
}

export function setResidence(draft: VisitDraft, residence: Residence): VisitDraft {
  return { ...draft, residence };
}

export function setFirstVisit(draft: VisitDraft, firstVisit: boolean | undefined): VisitDraft {
  return { ...draft, firstVisit };
}

/** 'aucun' (no equipment) is exclusive: choosing it clears the others, and the reverse. */
export function toggleEquipment(draft: VisitDraft, item: Equipment): VisitDraft {
  if (item === 'aucun') return { ...draft, equipment: draft.equipment.includes('aucun') ? [] : ['aucun'] };
  return { ...draft, equipment: toggle(draft.equipment.filter((e) => e !== 'aucun'), item) };
}

export function setChecklistRuns(draft: VisitDraft, checklistRuns: readonly ChecklistRun[]): VisitDraft {
  return { ...draft, checklistRuns: [...checklistRuns] };
}

export function setNotes(draft: VisitDraft, notes: string): VisitDraft {
  return { ...draft, notes };
}

export type VisitFormAction =
  | { type: 'toggleTheme'; theme: VisitTheme }
  | { type: 'toggleProcedure'; procedure: VisitProcedure }
  | { type: 'setKind'; kind: VisitKind }
  | { type: 'setParticipants'; participants: number }
  | { type: 'setDuration'; minutes: number }
  | { type: 'setAutonomy'; autonomy: AutonomyLevel }
  | { type: 'setNoReferral' }
  | { type: 'toggleReferral'; partner: ReferralPartner }
  | { type: 'setAgeBand'; ageBand: AgeBand }
  | { type: 'setResidence'; residence: Residence }
  | { type: 'setFirstVisit'; firstVisit: boolean | undefined }
  | { type: 'toggleEquipment'; item: Equipment }
  | { type: 'setChecklistRuns'; checklistRuns: readonly ChecklistRun[] }
  | { type: 'setNotes'; notes: string };

/** The same rules as one reducer, for a screen that dispatches actions. */
export function visitFormReducer(draft: VisitDraft, action: VisitFormAction): VisitDraft {
  switch (action.type) {
    case 'toggleTheme': return toggleTheme(draft, action.theme);
    case 'toggleProcedure': return toggleProcedure(draft, action.procedure);
    case 'setKind': return setKind(draft, action.kind);
    case 'setParticipants': return setParticipants(draft, action.participants);
    case 'setDuration': return setDuration(draft, action.minutes);
    case 'setAutonomy': return setAutonomy(draft, action.autonomy);
    case 'setNoReferral': return setNoReferral(draft);
    case 'toggleReferral': return toggleReferral(draft, action.partner);
    case 'setAgeBand': return setAgeBand(draft, action.ageBand);
    case 'setResidence': return setResidence(draft, action.residence);
    case 'setFirstVisit': return setFirstVisit(draft, action.firstVisit);
    case 'toggleEquipment': return toggleEquipment(draft, action.item);
    case 'setChecklistRuns': return setChecklistRuns(draft, action.checklistRuns);
    case 'setNotes': return setNotes(draft, action.notes);
  }
}

/**
 * A draft from a logged visit, to correct it while it is still queued (`canCorrect`).
 * An absent commune reads back as "not said": the record does not keep "outside the territory".
 * `notes` are the decrypted notes, if the signed-in aidant could open them.
 */
export function draftFromVisit(visit: VisitLog, notes = ''): VisitDraft {
  return {
    kind: visit.kind,
    participants: visit.kind === 'individuel' ? 1 : Math.min(visit.participants, MAX_PARTICIPANTS),
    durationMinutes: visit.durationMinutes,
    themes: [...visit.themes],
    procedures: [...visit.procedures],
    autonomy: visit.autonomy,
    referral: [...visit.referral],
    ageBand: visit.ageBand,
    residence: visit.residenceInsee === undefined ? { kind: 'non-dit' } : { kind: 'commune', insee: visit.residenceInsee },
    firstVisit: visit.firstVisit,
    equipment: visit.equipment.includes('aucun') ? ['aucun'] : [...visit.equipment],
    checklistRuns: [...visit.checklistRuns],
    notes,
  };
}
