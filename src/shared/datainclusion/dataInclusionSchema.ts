import * as z from 'zod/mini';

// The shapes of a data·inclusion v1 file (schema pinned in schema-v1/), as Escale reads
// and writes it. The rules of each field are in checkV1Record.ts; these are the types of
// a record once checked (blank fields left out, named rewrites applied).

/** A structure once checked: the v1 fields Escale reads, and any other field as it came. */
export interface DiStructure {
  id: string;
  source: string;
  nom: string;
  date_maj: string;
  description?: string;
  siret?: string;
  commune?: string;
  code_postal?: string;
  code_insee?: string;
  adresse?: string;
  complement_adresse?: string;
  longitude?: number;
  latitude?: number;
  telephone?: string;
  courriel?: string;
  site_web?: string;
  horaires_accueil?: string;
  accessibilite_lieu?: string;
  reseaux_porteurs?: string[];
  lien_source?: string;
  /**
   * Escale's own extension (ignored by other readers): the record is not verified, so
   * `date_maj` — which v1 requires — is only the export date and no verification claim.
   */
  escale_a_confirmer?: boolean;
  /** Escale's own extension: `description` only fills v1's required field. */
  escale_description_generee?: boolean;
  [field: string]: unknown;
}

/** A service once checked (frais is one value: a v0 list was read with a warning). */
export interface DiService {
  id: string;
  structure_id: string;
  source: string;
  nom: string;
  description: string;
  date_maj: string;
  thematiques?: string[];
  publics?: string[];
  frais?: string;
  modes_accueil?: string[];
  escale_description_generee?: boolean;
  [field: string]: unknown;
}

/** The envelope: `{ structures, services }`, a bare array of structures, or one page of the API. */
export const diFileSchema = z.union([
  z.object({ structures: z.array(z.unknown()), services: z.optional(z.array(z.unknown())) }),
  z.array(z.unknown()),
]);

/** What Escale writes: a v1 structure (every kept field as it came, Escale's edits applied). */
export interface DiStructureOut {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  [field: string]: unknown;
}

export interface DiServiceOut {
  source: string;
  id: string;
  structure_id: string;
  nom: string;
  description: string;
  date_maj: string;
  [field: string]: unknown;
}

export interface DataInclusionFile {
  structures: DiStructureOut[];
  services: DiServiceOut[];
}
