import * as z from 'zod/mini';
import { idSchema, inseeSchema, instantSchema, latitudeSchema, longitudeSchema, territoryIdSchema, uuidSchema } from './common';
import { EFFECTIVE_TYPES } from './vocabularies';

/** Whether a device had a connection at a stop, and how good, to map the white zones. */
export const coverageObservationSchema = z.object({
  id: uuidSchema,
  territoryId: territoryIdSchema,
  sessionId: z.optional(uuidSchema),
  stopId: z.optional(idSchema),
  insee: inseeSchema,
  lat: z.optional(latitudeSchema),
  lon: z.optional(longitudeSchema),
  observedAt: instantSchema,
  online: z.boolean(),
  /** Network Information API figures, only where the browser gives them. */
  effectiveType: z.optional(z.enum(EFFECTIVE_TYPES)),
  downlinkMbps: z.optional(z.number().check(z.gte(0), z.lte(10_000))),
  rttMs: z.optional(z.number().check(z.gte(0), z.lte(60_000))),
});
export type CoverageObservation = z.infer<typeof coverageObservationSchema>;
