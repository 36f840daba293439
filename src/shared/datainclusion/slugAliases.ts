import { FRAIS, MODES_ACCUEIL, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES } from '../domain/vocabularies';

// Escale's vocabularies are data·inclusion v1's own slugs (domain/vocabularies.ts), so the
// export writes them unchanged. Files written against earlier referentials (data·inclusion
// v0, or Escale before it moved to v1) still use older slugs: the import reads each one as
// its v1 counterpart(s) below. A slug with no sensible counterpart is not listed and is
// reported as unknown. Sources of the v1 side: see vocabularies.ts.

type Aliases = Readonly<Record<string, readonly string[]>>;

/** Old `reseaux_porteurs` → v1. */
const RESEAUX: Aliases = {
  unccas: ['ccas-cias'], // v1 before the network was renamed after the structures
  'assurance-maladie': ['cpam'],
  'centres-sociaux': ['fcsf'],
  'conseiller-numerique': ['conseillers-numeriques'],
};

const DEMARCHES = 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives';
const JUDICIAIRE = 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire';
const FONDAMENTAUX = 'numerique--maitriser-les-fondamentaux-du-numerique';
const PARENTALITE = 'famille--soutien-a-la-parentalite-et-a-leducation';
const PERMIS = 'mobilite--preparer-un-permis';

/** Old `thematiques` (v0 and Escale's earlier list) → v1. */
const THEMATIQUES_OLD: Aliases = {
  'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives': [DEMARCHES],
  'acces-aux-droits-et-citoyennete--connaitre-ses-droits': ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'],
  'acces-aux-droits-et-citoyennete--accompagnement-juridique': [JUDICIAIRE],
  'acces-aux-droits-et-citoyennete--aide-juridique': [JUDICIAIRE],
  // "Online procedures, with someone": both the paperwork and the online service.
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement': [DEMARCHES, 'numerique--acceder-a-des-services-en-ligne'],
  'numerique--prendre-en-main-un-ordinateur': [FONDAMENTAUX],
  'numerique--prendre-en-main-un-smartphone-ou-une-tablette': [FONDAMENTAUX],
  'numerique--utiliser-le-numerique-au-quotidien': [FONDAMENTAUX],
  // A computer or Wi-Fi to use on site is access to the Internet, not owning equipment.
  'numerique--acceder-a-du-materiel': ['numerique--acceder-a-une-connexion-internet'],
  'numerique--s-equiper-en-materiel-informatique': ['numerique--acquerir-un-equipement'],
  'famille--soutien-a-la-parentalite': [PARENTALITE],
  'famille--information-et-accompagnement-des-parents': [PARENTALITE],
  'trouver-un-emploi--preparer-sa-candidature': ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
  'trouver-un-emploi--rencontrer-des-employeurs': ['preparer-sa-candidature--developper-son-reseau'],
  'sante--prevention-et-acces-aux-soins': ['sante--acces-aux-soins'],
  'handicap--faire-reconnaitre-un-handicap': ['sante--constituer-un-dossier-mdph-invalidite'],
  'mobilite--se-deplacer-sans-permis-et-ou-sans-vehicule-personnel': ['mobilite--mobilite-douce-partagee-collective'],
  'mobilite--comprendre-et-utiliser-les-transports-en-commun': ['mobilite--mobilite-douce-partagee-collective'],
  'mobilite--preparer-son-permis-de-conduire': [PERMIS],
  'mobilite--preparer-son-permis-de-conduire-se-reentrainer-a-la-conduite': [PERMIS],
  'mobilite--louer-un-vehicule': ['mobilite--acceder-a-un-vehicule'],
  'mobilite--financer-mon-projet-mobilite': ['mobilite--financer-ma-mobilite'],
  'logement-hebergement--etre-accompagne-pour-se-loger': ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement'],
  'gestion-financiere--apprendre-a-gerer-son-budget': ['difficultes-financieres--ameliorer-sa-gestion-budgetaire'],
};

/** Old `publics` (Escale's earlier list, v0 `profils`) → v1. */
const PUBLICS_OLD: Aliases = {
  enfants: ['familles'], // v1 `familles`: "familles, parents, enfants"
  'familles-enfants': ['familles'],
  'personnes-handicapees': ['personnes-en-situation-de-handicap'],
  etrangers: ['personnes-exilees'],
  'seniors-65': ['seniors'],
  'jeunes-16-26': ['jeunes'],
};

/** Old `frais` → v1, as data·inclusion itself migrated them (v0 → v1 frais mapping). */
const FRAIS_OLD: Aliases = {
  adhesion: ['payant'],
  'gratuit-sous-conditions': ['gratuit'],
  'pass-numerique': ['gratuit'],
};

export type VocabularyName = 'reseaux_porteurs' | 'thematiques' | 'publics' | 'frais' | 'modes_accueil';

/** Per vocabulary: old slug → the v1 slug(s) it is read as. */
export const OLD_SLUGS: Readonly<Record<VocabularyName, Aliases>> = {
  reseaux_porteurs: RESEAUX,
  thematiques: THEMATIQUES_OLD,
  publics: PUBLICS_OLD,
  frais: FRAIS_OLD,
  modes_accueil: {},
};

const KNOWN: Record<VocabularyName, ReadonlySet<string>> = {
  reseaux_porteurs: new Set(RESEAUX_PORTEURS),
  thematiques: new Set(THEMATIQUES),
  publics: new Set(PUBLICS),
  frais: new Set(FRAIS),
  modes_accueil: new Set(MODES_ACCUEIL),
};

/**
 * The v1 slugs `values` stand for (old spellings read as their v1 counterparts), without
 * repeats, and the values Escale does not know, for the import report.
 */
export function readSlugs<T extends string>(vocabulary: VocabularyName, values: readonly string[]): { kept: T[]; unknown: string[] } {
  const known = KNOWN[vocabulary];
  const old = OLD_SLUGS[vocabulary];
  const kept: T[] = [];
  const unknown: string[] = [];
  for (const raw of values) {
    const slugs = known.has(raw) ? [raw] : Object.hasOwn(old, raw) ? (old[raw] as readonly string[]) : [];
    if (slugs.length === 0) {
      if (!unknown.includes(raw)) unknown.push(raw);
    }
    for (const slug of slugs) if (!kept.includes(slug as T)) kept.push(slug as T);
  }
  return { kept, unknown };
}
