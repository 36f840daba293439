// Controlled vocabularies. Slugs only: labels live in the app's message catalogues.
// Where a national standard exists we use its slugs: data·inclusion schema v1 (1.0.x) for
// the directory (reseaux_porteurs, thematiques, publics, frais, modes_accueil), the national
// digital-mediation activity reports for visit logs.
//
// data·inclusion v1 source: github.com/gip-inclusion/data-inclusion-schema,
// src/data_inclusion/schema/v1/{reseaux_porteurs,thematiques,publics,frais,modes_accueil}.py
// (publics: `tous-publics` as published in 1.0.1, see the `publics` field of
// schema.data.gouv.fr/gip-inclusion/data-inclusion-schema/1.0.1). Only v1 values belong
// here; slugs of the earlier referentials are read on import by
// datainclusion/slugAliases.ts and never written.

/** data·inclusion v1 `reseaux_porteurs` (subset relevant to rural Vienne). */
export const RESEAUX_PORTEURS = [
  'france-service', 'caf', 'mutualite-sociale-agricole', 'cpam', 'france-travail', 'mission-locale',
  'ccas-cias', 'communes', 'departements', 'maisons-des-solidarites', 'fcsf', 'conseillers-numeriques',
  'espaces-publics-numeriques', 'aidants-connect', 'la-poste', 'reseau-information-jeunesse',
  'points-justice', 'secours-populaire', 'restos-du-coeur', 'croix-rouge',
] as const;

/** data·inclusion v1 `thematiques` (the subset the territory uses). */
export const THEMATIQUES = [
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
  'numerique--acceder-a-des-services-en-ligne',
  'numerique--maitriser-les-fondamentaux-du-numerique',
  'numerique--acceder-a-une-connexion-internet',
  'numerique--acquerir-un-equipement',
  'famille--garde-denfants',
  'famille--soutien-a-la-parentalite-et-a-leducation',
  'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
  'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  'se-former--trouver-sa-formation',
  'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
  'preparer-sa-candidature--developper-son-reseau',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
  'sante--acces-aux-soins',
  'sante--constituer-un-dossier-mdph-invalidite',
  'mobilite--etre-accompagne-dans-son-parcours-mobilite',
  'mobilite--mobilite-douce-partagee-collective',
  'mobilite--preparer-un-permis',
  'mobilite--acceder-a-un-vehicule',
  'mobilite--financer-ma-mobilite',
  'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  'remobilisation--lien-social',
] as const;
export type Thematique = (typeof THEMATIQUES)[number];

/**
 * data·inclusion v1 `publics` (all of them). v1 rule: `tous-publics` stands alone in a
 * service's list; the export applies it (exportDataInclusion.ts).
 */
export const PUBLICS = [
  'tous-publics', 'actifs', 'beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'etudiants', 'familles',
  'femmes', 'jeunes', 'personnes-en-situation-de-handicap', 'personnes-en-situation-durgence',
  'personnes-en-situation-juridique-specifique', 'personnes-exilees', 'residents-qpv-frr', 'seniors',
] as const;

/** data·inclusion v1 `frais` (one value per service in v1; a place may hold both). */
export const FRAIS = ['gratuit', 'payant'] as const;

/** data·inclusion v1 `modes_accueil`. */
export const MODES_ACCUEIL = ['en-presentiel', 'a-distance'] as const;

/** What kind of place it is, for pictograms and grouping (Escale's own). */
export const PLACE_CATEGORIES = [
  'intercommunalite', 'france-services', 'mairie', 'espace-de-vie-sociale', 'centre-social',
  'petite-enfance', 'mediatheque', 'solidarites', 'emploi', 'sante', 'mobilite', 'escale-itinerante',
] as const;

/**
 * The needs an inhabitant picks from, in plain words (docs/interface.md). Each need
 * gathers data·inclusion thematiques; see `needsOfThematique`.
 */
export const NEEDS = ['papers', 'digital', 'family', 'youth', 'jobs', 'health', 'mobility'] as const;
export type Need = (typeof NEEDS)[number];

export const VEHICLES = ['minibus', 'camping-car'] as const;

/** Services on board an itinerant vehicle, or at a place. */
export const ONBOARD_SERVICES = [
  'accompagnement-demarches', 'aide-numerique', 'wifi', 'ordinateur', 'imprimante', 'visio-guichet',
  'permanence-caf', 'permanence-msa', 'information-jeunesse', 'petite-enfance',
] as const;

export const MOBILITY_KINDS = [
  'transport-a-la-demande', 'transport-solidaire', 'covoiturage', 'location-solidaire',
  'halte-ferroviaire', 'ligne-car', 'aide-permis',
] as const;

// Visit logs: the vocabulary of the national digital-mediation activity reports
// (compte rendu d'activité of the conseillers numériques / aidants).
export const VISIT_KINDS = ['individuel', 'collectif'] as const;
export const VISIT_THEMES = [
  'prendre-en-main-materiel', 'naviguer-sur-internet', 'courriels', 'bureautique', 'reseaux-sociaux',
  'sante', 'banque-et-achats', 'emploi', 'scolarite', 'parentalite', 'demarche-administrative',
  'securite-numerique', 'culture-numerique', 'budget', 'mobilite', 'logement', 'autre',
] as const;
export const VISIT_PROCEDURES = [
  'caf', 'msa', 'ameli', 'france-travail', 'impots', 'ants', 'retraite', 'mdph', 'cheque-energie',
  'franceconnect', 'justice', 'autre',
] as const;
export const AUTONOMY_LEVELS = ['entierement-accompagne', 'partiellement-autonome', 'autonome'] as const;
export const REFERRAL_PARTNERS = [
  'france-services', 'caf', 'msa', 'cpam', 'france-travail', 'mission-locale', 'mairie-ccas',
  'departement-mds', 'impots', 'association', 'autre',
] as const;
export const AGE_BANDS = ['moins-de-12', '12-17', '18-24', '25-39', '40-59', '60-69', '70-et-plus', 'non-communique'] as const;
export const EQUIPMENT = ['smartphone', 'ordinateur', 'tablette', 'aucun', 'autre'] as const;

export const ROLES = ['aidant', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Network quality as the Network Information API reports it, where the browser has it. */
export const EFFECTIVE_TYPES = ['slow-2g', '2g', '3g', '4g'] as const;
