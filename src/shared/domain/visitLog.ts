import * as z from 'zod/mini';
import { idSchema, inseeSchema, instantSchema, shortText, territoryIdSchema, uuidSchema } from './common';
import { AGE_BANDS, AUTONOMY_LEVELS, EQUIPMENT, REFERRAL_PARTNERS, VISIT_KINDS, VISIT_PROCEDURES, VISIT_THEMES } from './vocabularies';

/** A checklist gone through with a person during a visit. */
export const checklistRunSchema = z.object({
  checklistId: idSchema,
  documentsChecked: z.array(idSchema),
  stepsDone: z.array(idSchema),
  missingNote: z.optional(shortText(500)),
});
export type ChecklistRun = z.infer<typeof checklistRunSchema>;

/**
 * A visit log, anonymous by default, in the vocabulary of the national activity reports of
 * digital mediation. `notes` is the only personal field: minimised, encrypted at rest on the
 * tablet and on the server (never in a replicated row), never exported, removed after the
 * retention period (docs/privacy.md).
 */
export const visitLogSchema = z.object({
  id: uuidSchema,
  territoryId: territoryIdSchema,
  sessionId: z.optional(uuidSchema),
  /** Set from the signed-in account; the server checks it against the session. */
  aidantId: idSchema,
  createdAt: instantSchema,
  kind: z.enum(VISIT_KINDS),
  /** People helped: 1 for an individual visit, the group size for a collective one. */
  participants: z.int().check(z.gte(1), z.lte(200)),
  durationMinutes: z.int().check(z.gte(1), z.lte(480)),
  themes: z.array(z.enum(VISIT_THEMES)).check(z.minLength(1), z.maxLength(VISIT_THEMES.length)),
  procedures: z.array(z.enum(VISIT_PROCEDURES)).check(z.maxLength(VISIT_PROCEDURES.length)),
  autonomy: z.enum(AUTONOMY_LEVELS),
  referral: z.array(z.enum(REFERRAL_PARTNERS)).check(z.maxLength(REFERRAL_PARTNERS.length)),
  ageBand: z.enum(AGE_BANDS),
  /** Commune of residence; absent when not said or outside the territory. */
  residenceInsee: z.optional(inseeSchema),
  firstVisit: z.optional(z.boolean()),
  equipment: z.array(z.enum(EQUIPMENT)).check(z.maxLength(EQUIPMENT.length)),
  checklistRuns: z.array(checklistRunSchema).check(z.maxLength(20)),
  notes: z.optional(shortText(1000)),
  /**
   * Set by the server only (what a device sends is dropped): 'server', the server holds
   * this visit's note (encrypted, apart from the visit; read on demand by the office);
   * 'removed', the note was removed (retention or erasure) and every device drops its copy.
   */
  noteState: z.optional(z.enum(['server', 'removed'])),
});
export type VisitLog = z.infer<typeof visitLogSchema>;
