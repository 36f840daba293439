import * as z from 'zod/mini';
import { idSchema, localizedTextSchema, nonEmptyText, shortText, territoryIdSchema, urlSchema, verifiedAtSchema } from './common';
import { NEEDS, PLACE_CATEGORIES, RESEAUX_PORTEURS } from './vocabularies';

const itemSchema = z.object({ id: idSchema, label: localizedTextSchema, hint: z.optional(localizedTextSchema) });

/** An access-to-rights procedure, written for the person who prepares it. */
export const checklistSchema = z.object({
  id: idSchema,
  territoryId: territoryIdSchema,
  title: localizedTextSchema,
  need: z.enum(NEEDS),
  /** Which body handles it (CAF, MSA, ameli…), as a data·inclusion network slug. */
  partner: z.optional(z.enum(RESEAUX_PORTEURS)),
  forWhom: localizedTextSchema,
  documents: z.array(itemSchema).check(z.minLength(1)),
  steps: z.array(itemSchema).check(z.minLength(1)),
  whereToGo: z.object({
    placeCategories: z.array(z.enum(PLACE_CATEGORIES)),
    placeIds: z.array(idSchema),
    text: z.optional(localizedTextSchema),
  }),
  links: z.array(z.object({ label: nonEmptyText(200), url: urlSchema })),
  /** Facts still to confirm (amounts, thresholds): shown as "à vérifier". */
  caveats: z.optional(localizedTextSchema),
  reviewedAt: verifiedAtSchema,
  source: z.optional(shortText(1000)),
});
export type Checklist = z.infer<typeof checklistSchema>;
