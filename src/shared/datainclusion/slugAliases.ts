import { FRAIS, MODES_ACCUEIL, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES } from '../domain/vocabularies';

// Escale's vocabularies (domain/vocabularies.ts) took data·inclusion slugs at different
// times, so a few differ from the v1 referentials. Where v1 has an exact counterpart we
// read both spellings and write v1's; where it has none we write Escale's slug as is
// (v1 readers ignore or drop what they do not know; Escale reads it back unchanged).

type Aliases = Readonly<Record<string, string>>;

/** v1 slug → Escale slug, for `reseaux_porteurs`. */
const RESEAUX_FROM_V1: Aliases = {
  unccas: 'ccas-cias',
  'conseillers-numeriques': 'conseiller-numerique',
  cpam: 'assurance-maladie',
  fcsf: 'centres-sociaux',
};

/** v1 slug → Escale slug, for `publics`. */
const PUBLICS_FROM_V1: Aliases = {
  'personnes-en-situation-de-handicap': 'personnes-handicapees',
  'personnes-exilees': 'etrangers',
};

const invert = (aliases: Aliases): Aliases => Object.fromEntries(Object.entries(aliases).map(([v1, ours]) => [ours, v1]));
const RESEAUX_TO_V1 = invert(RESEAUX_FROM_V1);
const PUBLICS_TO_V1 = invert(PUBLICS_FROM_V1);

export type VocabularyName = 'reseaux_porteurs' | 'thematiques' | 'publics' | 'frais' | 'modes_accueil';

const VOCABULARIES: Record<VocabularyName, { known: ReadonlySet<string>; fromV1: Aliases; toV1: Aliases }> = {
  reseaux_porteurs: { known: new Set(RESEAUX_PORTEURS), fromV1: RESEAUX_FROM_V1, toV1: RESEAUX_TO_V1 },
  thematiques: { known: new Set(THEMATIQUES), fromV1: {}, toV1: {} },
  publics: { known: new Set(PUBLICS), fromV1: PUBLICS_FROM_V1, toV1: PUBLICS_TO_V1 },
  frais: { known: new Set(FRAIS), fromV1: {}, toV1: {} },
  modes_accueil: { known: new Set(MODES_ACCUEIL), fromV1: {}, toV1: {} },
};

/**
 * The slugs of `values` Escale knows (after reading v1 aliases), without repeats, and
 * the ones it does not know, for the import report.
 */
export function readSlugs<T extends string>(vocabulary: VocabularyName, values: readonly string[]): { kept: T[]; unknown: string[] } {
  const { known, fromV1 } = VOCABULARIES[vocabulary];
  const kept: T[] = [];
  const unknown: string[] = [];
  for (const raw of values) {
    const slug = Object.hasOwn(fromV1, raw) ? (fromV1[raw] as string) : raw;
    if (!known.has(slug)) {
      if (!unknown.includes(raw)) unknown.push(raw);
    } else if (!kept.includes(slug as T)) {
      kept.push(slug as T);
    }
  }
  return { kept, unknown };
}

/** Escale slugs written with v1's spelling where it differs. */
export function writeSlugs(vocabulary: VocabularyName, values: readonly string[]): string[] {
  const { toV1 } = VOCABULARIES[vocabulary];
  return values.map((slug) => (Object.hasOwn(toV1, slug) ? (toV1[slug] as string) : slug));
}
