import type { ChecklistRun } from '../domain/visitLog';
import type { AGE_BANDS, AUTONOMY_LEVELS, EQUIPMENT, REFERRAL_PARTNERS, VISIT_KINDS, VISIT_PROCEDURES, VISIT_THEMES } from '../domain/vocabularies';

export type VisitKind = (typeof VISIT_KINDS)[number];
export type VisitTheme = (typeof VISIT_THEMES)[number];
export type VisitProcedure = (typeof VISIT_PROCEDURES)[number];
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];
export type ReferralPartner = (typeof REFERRAL_PARTNERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Equipment = (typeof EQUIPMENT)[number];

/** The large duration buttons; anything else is typed as custom minutes. */
export const DURATION_PRESETS = [15, 30, 45, 60, 90] as const;
export const MIN_DURATION_MINUTES = 1;
export const MAX_DURATION_MINUTES = 480;
/** The fewest people of a collective workshop. */
export const MIN_COLLECTIVE_PARTICIPANTS = 2;
export const MAX_PARTICIPANTS = 200;
export const MAX_NOTE_LENGTH = 1000;

/**
 * Where the person lives. The record only keeps an INSEE code of the territory; "outside the
 * territory" and "not said" both leave `residenceInsee` absent (the schema's choice: a commune
 * outside the territory would identify people too well in small indicators).
 */
export type Residence =
  | { kind: 'non-dit' }
  | { kind: 'hors-territoire' }
  | { kind: 'commune'; insee: string };

/**
 * A visit being logged: the form's state, before it is a `VisitLog`. Invariants the reducer
 * keeps by construction: an individual visit has 1 participant; `referral` empty means
 * "no referral" (so "aucune" is exclusive with the partners); `equipment` holds 'aucun' alone
 * or not at all. What the reducer cannot keep (a custom duration out of bounds, no theme yet,
 * a note too long) is reported by `validateDraft`, never silently fixed.
 */
export interface VisitDraft {
  readonly kind: VisitKind;
  readonly participants: number;
  readonly durationMinutes: number;
  readonly themes: readonly VisitTheme[];
  readonly procedures: readonly VisitProcedure[];
  /** No default: there is no neutral level, and a default would bias the indicators. */
  readonly autonomy: AutonomyLevel | undefined;
  readonly referral: readonly ReferralPartner[];
  readonly ageBand: AgeBand;
  readonly residence: Residence;
  /** undefined: not said. */
  readonly firstVisit: boolean | undefined;
  /** Empty: not said. */
  readonly equipment: readonly Equipment[];
  readonly checklistRuns: readonly ChecklistRun[];
  /** Free text as typed; trimmed and checked by `validateDraft`. Personal data. */
  readonly notes: string;
}

/**
 * The common case, so that most visits need only a theme and an autonomy level:
 * - individual, 1 participant: the bus mostly receives one person at a time; a workshop is
 *   the exception and one tap away;
 * - 30 minutes: the middle preset, the usual length of a one-to-one help with a procedure;
 * - age band 'non-communique', residence and first visit not said, no equipment said:
 *   anonymous by default, nothing recorded that the person did not tell;
 * - no referral: the usual outcome, and "aucune" is an explicit answer in the reports;
 * - no theme and no autonomy: there is no honest default, so the aidant taps them.
 */
export function newVisitDraft(): VisitDraft {
  return {
    kind: 'individuel',
    participants: 1,
    durationMinutes: 30,
    themes: [],
    procedures: [],
    autonomy: undefined,
    referral: [],
    ageBand: 'non-communique',
    residence: { kind: 'non-dit' },
    firstVisit: undefined,
    equipment: [],
    checklistRuns: [],
    notes: '',
  };
}
