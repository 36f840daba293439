import * as z from 'zod/mini';
import {
  emailSchema, idSchema, inseeSchema, latitudeSchema, localizedTextSchema, longitudeSchema, nonEmptyText,
  phoneSchema, postcodeSchema, shortText, territoryIdSchema, urlSchema, verifiedAtSchema,
} from './common';
import { FRAIS, MODES_ACCUEIL, PLACE_CATEGORIES, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES } from './vocabularies';

/**
 * A data·inclusion record as it came (src/shared/datainclusion/keptRecord.ts): `record`
 * holds every field of the file's structure or service (blank ones left out, named
 * rewrites applied), unknown ones included; `mapped` the fingerprint of each Escale field
 * it was read into. The export writes the record back, each field Escale changed since
 * replaced by its current value: nothing the file said is lost or altered otherwise.
 */
export const keptRecordSchema = z.object({
  record: z.record(z.string(), z.unknown()),
  mapped: z.record(z.string(), z.string().check(z.maxLength(16))),
});
export type KeptRecord = z.infer<typeof keptRecordSchema>;

/**
 * A service offered at a place (data·inclusion v1 `service`). Its own frais, publics and
 * modes d'accueil when it has them (a service read from a file always does, if the file
 * said); without them the place-level values stand for it. Every other v1 field of an
 * imported service (mobilisation, zone, contact, hours, address…) is in `dataInclusion`.
 */
export const placeServiceSchema = z.object({
  id: idSchema,
  name: nonEmptyText(200),
  description: z.optional(localizedTextSchema),
  thematiques: z.array(z.enum(THEMATIQUES)),
  frais: z.optional(z.enum(FRAIS)),
  publics: z.optional(z.array(z.enum(PUBLICS))),
  modesAccueil: z.optional(z.array(z.enum(MODES_ACCUEIL))),
  dataInclusion: z.optional(keptRecordSchema),
});

/**
 * A resource place (lieu ressource), aligned with the data·inclusion v1 `structure`:
 * name ↔ nom, address ↔ adresse, insee ↔ code_insee, postcode ↔ code_postal,
 * city ↔ commune, phone ↔ telephone, email ↔ courriel, website ↔ site_web,
 * openingHours ↔ horaires_accueil (OSM opening_hours syntax), reseauxPorteurs ↔
 * reseaux_porteurs, thematiques, publics, frais, modesAccueil ↔ modes_accueil,
 * accessibility.url ↔ accessibilite_lieu, verifiedAt ↔ date_maj. The import/export code
 * maps between the two; the vocabularies are data·inclusion's own slugs. Place-level
 * thematiques, publics, frais and modes are the union of its services' for display (and
 * stand for services that have none of their own).
 */
export const placeSchema = z.object({
  id: idSchema,
  territoryId: territoryIdSchema,
  name: nonEmptyText(200),
  category: z.enum(PLACE_CATEGORIES),
  description: z.optional(localizedTextSchema),
  address: z.optional(shortText(300)),
  insee: inseeSchema,
  postcode: postcodeSchema,
  city: nonEmptyText(100),
  lat: latitudeSchema,
  lon: longitudeSchema,
  /** True when the point is only the commune centre, not the building. */
  approximateLocation: z.optional(z.boolean()),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  website: z.optional(urlSchema),
  /** OSM `opening_hours` string; absent when unknown. */
  openingHours: z.optional(shortText(500)),
  reseauxPorteurs: z.array(z.enum(RESEAUX_PORTEURS)),
  thematiques: z.array(z.enum(THEMATIQUES)),
  publics: z.array(z.enum(PUBLICS)),
  frais: z.array(z.enum(FRAIS)),
  modesAccueil: z.array(z.enum(MODES_ACCUEIL)),
  services: z.array(placeServiceSchema),
  digital: z.object({
    wifi: z.optional(z.boolean()),
    computer: z.optional(z.boolean()),
    printer: z.optional(z.boolean()),
    visio: z.optional(z.boolean()),
  }),
  accessibility: z.object({
    stepFree: z.optional(z.boolean()),
    parking: z.optional(z.boolean()),
    hearingLoop: z.optional(z.boolean()),
    url: z.optional(urlSchema),
    notes: z.optional(shortText(500)),
  }),
  /** ISO 639-1 codes of the languages spoken at the desk. */
  languages: z.array(z.string().check(z.regex(/^[a-z]{2}$/))),
  itinerant: z.boolean(),
  verifiedAt: verifiedAtSchema,
  source: z.optional(shortText(1000)),
  /**
   * Details for aidants and staff only (direct lines, who to ask). The server strips this
   * field from what it sends to public devices.
   */
  internal: z.optional(z.object({ notes: z.optional(shortText(2000)), directPhone: z.optional(phoneSchema) })),
  /** The data·inclusion structure this place was imported from, as it came. */
  dataInclusion: z.optional(keptRecordSchema),
});
export type Place = z.infer<typeof placeSchema>;
