import * as z from 'zod/mini';
import {
  idSchema, inseeSchema, latitudeSchema, localizedTextSchema, longitudeSchema, nonEmptyText, phoneSchema,
  shortText, territoryIdSchema, urlSchema, verifiedAtSchema,
} from './common';
import { MOBILITY_KINDS } from './vocabularies';

export const mobilityOfferSchema = z.object({
  id: idSchema,
  territoryId: territoryIdSchema,
  name: nonEmptyText(200),
  kind: z.enum(MOBILITY_KINDS),
  operator: z.optional(shortText(200)),
  description: localizedTextSchema,
  /** INSEE codes served; `all` for every commune of the territory. */
  communesServed: z.union([z.literal('all'), z.array(inseeSchema)]),
  /** Who may use it (age, situation). */
  eligibility: z.optional(localizedTextSchema),
  booking: z.object({
    phone: z.optional(phoneSchema),
    url: z.optional(urlSchema),
    /** How far ahead to book, in plain words. */
    notice: z.optional(localizedTextSchema),
  }),
  price: z.optional(localizedTextSchema),
  /** OSM opening_hours of the service, when known. */
  schedule: z.optional(shortText(300)),
  /** For a train halt or a meeting point. */
  location: z.optional(z.object({ lat: latitudeSchema, lon: longitudeSchema, label: z.optional(shortText(200)) })),
  verifiedAt: verifiedAtSchema,
  source: z.optional(shortText(1000)),
});
export type MobilityOffer = z.infer<typeof mobilityOfferSchema>;
