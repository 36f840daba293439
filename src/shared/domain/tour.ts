import * as z from 'zod/mini';
import {
  idSchema, inseeSchema, latitudeSchema, localizedTextSchema, longitudeSchema, nonEmptyText, shortText,
  territoryIdSchema, verifiedAtSchema,
} from './common';
import { ONBOARD_SERVICES, VEHICLES } from './vocabularies';

/** A stop (escale) of a tour: where and when the vehicle waits in a commune. */
export const stopSchema = z.object({
  id: idSchema,
  insee: inseeSchema,
  meetingPoint: nonEmptyText(200),
  lat: latitudeSchema,
  lon: longitudeSchema,
  /** OSM `opening_hours` string, e.g. `Tu[1,3] 09:30-12:00; PH off`. */
  schedule: nonEmptyText(300),
});
export type Stop = z.infer<typeof stopSchema>;

export const tourSchema = z.object({
  id: idSchema,
  territoryId: territoryIdSchema,
  name: nonEmptyText(200),
  vehicle: z.enum(VEHICLES),
  services: z.array(z.enum(ONBOARD_SERVICES)),
  stops: z.array(stopSchema).check(z.maxLength(500)),
  /** An illustrative tour, not the real timetable: the interface says so. */
  isExample: z.boolean(),
  notes: z.optional(localizedTextSchema),
  verifiedAt: verifiedAtSchema,
  source: z.optional(shortText(1000)),
});
export type Tour = z.infer<typeof tourSchema>;
