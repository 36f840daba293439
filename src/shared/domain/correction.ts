import * as z from 'zod/mini';
import { idSchema, instantSchema, nonEmptyText, territoryIdSchema, uuidSchema } from './common';

/** A change to the directory proposed by an aidant, for the office to accept or refuse. */
export const correctionSchema = z.object({
  id: uuidSchema,
  territoryId: territoryIdSchema,
  collection: z.enum(['place', 'mobility', 'checklist', 'tour', 'visit']),
  recordId: idSchema,
  message: nonEmptyText(2000),
  proposedBy: idSchema,
  createdAt: instantSchema,
  status: z.enum(['pending', 'accepted', 'refused']),
});
export type Correction = z.infer<typeof correctionSchema>;
