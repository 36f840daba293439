import * as z from 'zod/mini';
import {
  dateSchema, idSchema, inseeSchema, latitudeSchema, longitudeSchema, nonEmptyText, postcodeSchema,
  shortText, territoryIdSchema,
} from './common';

export const communeSchema = z.object({
  insee: inseeSchema,
  name: nonEmptyText(100),
  postcodes: z.array(postcodeSchema).check(z.minLength(1)),
  population: z.int().check(z.gte(0)),
  lat: latitudeSchema,
  lon: longitudeSchema,
  /** Where the point comes from (La Poste centre point, not the town hall). */
  pointSource: z.optional(shortText(300)),
});
export type Commune = z.infer<typeof communeSchema>;

/** A school-holiday period, inclusive, for the territory's académie (Vienne: zone A). */
export const schoolHolidaySchema = z.object({
  name: nonEmptyText(100),
  from: dateSchema,
  to: dateSchema,
});
export type SchoolHolidayPeriod = z.infer<typeof schoolHolidaySchema>;

const ringSchema = z.array(z.tuple([longitudeSchema, latitudeSchema])).check(z.minLength(4));
export const outlineFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: inseeSchema, nom: nonEmptyText(100) }),
  geometry: z.union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) }),
  ]),
});
export const outlinesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(outlineFeatureSchema),
});
export type CommuneOutlines = z.infer<typeof outlinesSchema>;

export const territorySchema = z.object({
  id: territoryIdSchema,
  name: nonEmptyText(200),
  /** SIREN of the EPCI (the intercommunality). */
  epciCode: z.string().check(z.regex(/^\d{9}$/)),
  timeZone: z.literal('Europe/Paris'),
  /** Region name as the opening-hours library knows it, for public and school holidays. */
  region: nonEmptyText(100),
  poles: z.array(z.object({ name: nonEmptyText(100), insee: inseeSchema })),
  communes: z.array(communeSchema).check(z.minLength(1)),
  /** [west, south, east, north] in degrees. */
  bbox: z.tuple([longitudeSchema, latitudeSchema, longitudeSchema, latitudeSchema]),
  schoolHolidays: z.array(schoolHolidaySchema),
  outlines: outlinesSchema,
  headquartersPlaceId: z.optional(idSchema),
});
export type Territory = z.infer<typeof territorySchema>;
