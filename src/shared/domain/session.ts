import * as z from 'zod/mini';
import { dateSchema, idSchema, inseeSchema, instantSchema, nonEmptyText, territoryIdSchema, uuidSchema } from './common';
import { VEHICLES } from './vocabularies';

/** An itinerant session: a vehicle at a stop on a date, with the aidants present. */
export const sessionSchema = z.object({
  id: uuidSchema,
  territoryId: territoryIdSchema,
  tourId: z.optional(idSchema),
  stopId: z.optional(idSchema),
  insee: inseeSchema,
  vehicle: z.enum(VEHICLES),
  date: dateSchema,
  startedAt: instantSchema,
  endedAt: z.optional(instantSchema),
  /** Account ids of the aidants present; the opener is one of them. */
  aidantIds: z.array(idSchema).check(z.minLength(1), z.maxLength(10)),
  aidantNames: z.array(nonEmptyText(100)).check(z.maxLength(10)),
});
export type ItinerantSession = z.infer<typeof sessionSchema>;
