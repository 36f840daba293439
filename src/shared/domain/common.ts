import * as z from 'zod/mini';

// Building blocks shared by every domain schema. Written with zod/mini so that the
// browser bundle only pays for the checks it uses (see docs/architecture.md).

/** Stable identifier: seed records use readable slugs, records made on a device use UUIDs. */
export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/));

/** Device-generated records (visits, sessions, coverage) are keyed by a UUID (docs/sync.md). */
export const uuidSchema = z.uuid();

/** Territory slug, e.g. `civraisien-en-poitou`. */
export const territoryIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(60));

/** INSEE commune code (Corsica uses 2A/2B). */
export const inseeSchema = z.string().check(z.regex(/^(?:\d{5}|2[AB]\d{3})$/));

export const postcodeSchema = z.string().check(z.regex(/^\d{5}$/));

export const latitudeSchema = z.number().check(z.gte(-90), z.lte(90));
export const longitudeSchema = z.number().check(z.gte(-180), z.lte(180));

/** Calendar date `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** Instant, ISO 8601 with an offset (`Z` or `+01:00`). */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * When a fact was last checked against a source. The empty string means "not verified":
 * the interface then says "à confirmer" and never presents it as fact.
 */
export const verifiedAtSchema = z.union([z.literal(''), z.iso.date()]);

/** Free text with a sane bound, so no field can carry megabytes. */
export const shortText = (max = 200) => z.string().check(z.maxLength(max));
export const nonEmptyText = (max = 200) => z.string().check(z.minLength(1), z.maxLength(max));

/** User-facing prose: French first, English when translated. */
export const localizedTextSchema = z.object({
  fr: nonEmptyText(4000),
  en: z.optional(z.string().check(z.maxLength(4000))),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A number to dial: 3 digits or more (short numbers such as 3949 or 115 included). */
export const phoneSchema = z.string().check(z.regex(/^(?=(?:\D*\d){3})\+?[0-9 .()-]{3,25}$/));
export const emailSchema = z.email().check(z.maxLength(254));
export const urlSchema = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));

/** Where a fact comes from, and how sure we are of it. */
export const provenanceSchema = z.object({
  verifiedAt: verifiedAtSchema,
  source: z.optional(shortText(1000)),
});
