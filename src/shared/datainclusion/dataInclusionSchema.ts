import * as z from 'zod/mini';
import { inseeSchema, postcodeSchema } from '../domain/common';

// The data·inclusion schema v1 (gip-inclusion/data-inclusion-schema, src/data_inclusion/
// schema/v1/structures.py and services.py), as Escale reads it.
//
// Tolerant where the wild is messy, strict on what we use:
// - unknown fields are ignored (producers add their own; v1 has fields we do not map:
//   siret, zone_eligibilite, modes_mobilisation, conditions_acces…);
// - `null` and blank strings mean "absent" (see `withoutBlanks`), as many exports write
//   every optional field;
// - the fields we map are typed, and the codes we key on (code_insee, code_postal,
//   date_maj) are checked here; everything else is checked on the resulting Place by
//   placeSchema, so one set of rules decides what a place may hold;
// - v1's length bounds on prose (nom 3–150, description 50–2000) are NOT enforced on
//   import: Escale can hold a shorter description, and refusing a whole structure for a
//   terse text would lose more than it protects. The export does respect them.
// - v0 habits are accepted: `frais` as a list, `lien_source` (a link to the record at
//   the producer's), a structure without `source`.

const text = z.string();
const slugs = z.array(z.string());

/** `YYYY-MM-DD`, or a datetime whose date part is kept (some producers write one). */
const dateMajSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/));

export const diStructureSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  source: z.optional(text),
  nom: z.string().check(z.minLength(1)),
  description: z.optional(text),
  date_maj: z.optional(dateMajSchema),
  commune: z.optional(text),
  code_postal: z.optional(postcodeSchema),
  code_insee: z.optional(inseeSchema),
  adresse: z.optional(text),
  complement_adresse: z.optional(text),
  longitude: z.optional(z.number()),
  latitude: z.optional(z.number()),
  telephone: z.optional(text),
  courriel: z.optional(text),
  site_web: z.optional(text),
  horaires_accueil: z.optional(text),
  accessibilite_lieu: z.optional(text),
  reseaux_porteurs: z.optional(slugs),
  lien_source: z.optional(text),
  /**
   * Escale's own extension (ignored by other readers): the record is not verified, so
   * `date_maj` — which v1 requires — is only the export date and no verification claim.
   */
  escale_a_confirmer: z.optional(z.boolean()),
  /** Escale's own extension: `description` only fills v1's required field (see below). */
  escale_description_generee: z.optional(z.boolean()),
});
export type DiStructure = z.infer<typeof diStructureSchema>;

export const diServiceSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  structure_id: z.string().check(z.minLength(1)),
  source: z.optional(text),
  nom: z.string().check(z.minLength(1)),
  description: z.optional(text),
  date_maj: z.optional(dateMajSchema),
  thematiques: z.optional(slugs),
  publics: z.optional(slugs),
  /** v1: one value; v0: a list. Both are read. */
  frais: z.optional(z.union([text, slugs])),
  modes_accueil: z.optional(slugs),
  /**
   * Escale's own extension: v1 requires a description of 50 characters or more, so the
   * export writes one when the place has none, and flags it so the import ignores it.
   */
  escale_description_generee: z.optional(z.boolean()),
});
export type DiService = z.infer<typeof diServiceSchema>;

/** The envelope: `{ structures, services }`, or a bare array of structures. */
export const diFileSchema = z.union([
  z.object({ structures: z.array(z.unknown()), services: z.optional(z.array(z.unknown())) }),
  z.array(z.unknown()),
]);

/**
 * Removes `null` and blank-string fields of a plain object (one level), so that
 * `"telephone": ""` or `"telephone": null` read as "no telephone".
 */
export function withoutBlanks(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || (typeof field === 'string' && field.trim() === '')) continue;
    out[key] = typeof field === 'string' ? field.trim() : field;
  }
  return out;
}

/** What Escale writes: v1 field names, only those it can fill. */
export interface DiStructureOut {
  source: 'escale';
  id: string;
  nom: string;
  description: string;
  date_maj: string;
  commune: string;
  code_postal: string;
  code_insee: string;
  adresse?: string;
  longitude: number;
  latitude: number;
  telephone?: string;
  courriel?: string;
  site_web?: string;
  horaires_accueil?: string;
  accessibilite_lieu?: string;
  reseaux_porteurs?: string[];
  lien_source?: string;
  escale_a_confirmer?: true;
  escale_description_generee?: true;
}

export interface DiServiceOut {
  source: 'escale';
  id: string;
  structure_id: string;
  nom: string;
  description: string;
  date_maj: string;
  thematiques?: string[];
  publics?: string[];
  frais?: string;
  modes_accueil?: string[];
  escale_description_generee?: true;
}

export interface DataInclusionFile {
  structures: DiStructureOut[];
  services: DiServiceOut[];
}
