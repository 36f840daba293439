import type { Need, Thematique } from './vocabularies';

// Which plain-words need each data·inclusion thematique answers. A thematique may answer
// several needs; the prefix before `--` decides unless a slug is listed explicitly.
const BY_PREFIX: Record<string, Need[]> = {
  'acces-aux-droits-et-citoyennete': ['papers'],
  numerique: ['digital'],
  famille: ['family'],
  'accompagnement-social-et-professionnel-personnalise': ['youth'],
  'trouver-un-emploi': ['jobs'],
  sante: ['health'],
  mobilite: ['mobility'],
  'logement-hebergement': ['papers'],
  handicap: ['papers', 'health'],
  'gestion-financiere': ['papers'],
  remobilisation: ['family'],
};

const BY_SLUG: Partial<Record<Thematique, Need[]>> = {
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement': ['digital', 'papers'],
};

export function needsOfThematique(slug: string): Need[] {
  const explicit = BY_SLUG[slug as Thematique];
  if (explicit) return explicit;
  const prefix = slug.split('--')[0] ?? slug;
  return BY_PREFIX[prefix] ?? [];
}

/** Every need a list of thematiques answers, without duplicates. */
export function needsOf(thematiques: readonly string[]): Need[] {
  const out = new Set<Need>();
  for (const t of thematiques) for (const n of needsOfThematique(t)) out.add(n);
  return [...out];
}
