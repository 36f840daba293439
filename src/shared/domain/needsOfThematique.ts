import type { Need, Thematique } from './vocabularies';

// Which plain-words need each data·inclusion v1 thematique answers. A thematique may answer
// several needs; the category before `--` decides unless a slug is listed explicitly.
// v1 has no "young people" category: orientation and training (choisir-un-metier,
// se-former) are what the territory's youth desks offer, so they answer `youth` as well
// as `jobs`.
const BY_CATEGORY: Record<string, Need[]> = {
  'difficultes-administratives-ou-juridiques': ['papers'],
  'difficultes-financieres': ['papers'],
  'logement-hebergement': ['papers'],
  numerique: ['digital'],
  famille: ['family'],
  remobilisation: ['family'],
  'choisir-un-metier': ['jobs', 'youth'],
  'se-former': ['jobs', 'youth'],
  'preparer-sa-candidature': ['jobs'],
  'trouver-un-emploi': ['jobs'],
  sante: ['health'],
  mobilite: ['mobility'],
  // The other v1 categories, answered by the closest plain-words need.
  'creer-une-entreprise': ['jobs'],
  'souvrir-a-linternational': ['jobs'],
  'lecture-ecriture-calcul': ['papers'],
  'equipement-et-alimentation': ['family'],
};

const BY_SLUG: Partial<Record<Thematique, Need[]>> = {
  // A disability file (MDPH) is paperwork as much as health.
  'sante--constituer-un-dossier-mdph-invalidite': ['health', 'papers'],
};

export function needsOfThematique(slug: string): Need[] {
  const explicit = BY_SLUG[slug as Thematique];
  if (explicit) return explicit;
  const category = slug.split('--')[0] ?? slug;
  return BY_CATEGORY[category] ?? [];
}

/** Every need a list of thematiques answers, without duplicates. */
export function needsOf(thematiques: readonly string[]): Need[] {
  const out = new Set<Need>();
  for (const t of thematiques) for (const n of needsOfThematique(t)) out.add(n);
  return [...out];
}
