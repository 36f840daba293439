// Controlled vocabularies. Slugs only: labels live in the app's message catalogues.
// Where a national standard exists we use its slugs: data·inclusion v1 for the
// directory (reseaux_porteurs, thematiques, publics, frais, modes_accueil), the national
// digital-mediation activity reports for visit logs.

/** data·inclusion `reseaux_porteurs` (subset relevant to rural Vienne). */
export const RESEAUX_PORTEURS = [
  'france-service', 'caf', 'mutualite-sociale-agricole', 'assurance-maladie', 'assurance-retraite',
  'france-travail', 'mission-locale', 'ccas-cias', 'communes', 'departements', 'centres-sociaux',
  'espace-de-vie-sociale', 'mediatheques', 'conseiller-numerique', 'la-poste', 'impots',
  'maisons-de-sante', 'associations',
] as const;

/** data·inclusion `thematiques` (the subset the territory uses). */
export const THEMATIQUES = [
  'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives',
  'acces-aux-droits-et-citoyennete--connaitre-ses-droits',
  'acces-aux-droits-et-citoyennete--aide-juridique',
  'numerique--acceder-a-des-services-en-ligne',
  'numerique--prendre-en-main-un-ordinateur',
  'numerique--prendre-en-main-un-smartphone-ou-une-tablette',
  'numerique--acceder-a-du-materiel',
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement',
  'famille--garde-denfants',
  'famille--soutien-a-la-parentalite',
  'famille--information-et-accompagnement-des-parents',
  'accompagnement-social-et-professionnel-personnalise--jeunes',
  'trouver-un-emploi--preparer-sa-candidature',
  'trouver-un-emploi--rencontrer-des-employeurs',
  'sante--acces-aux-soins',
  'sante--prevention-et-acces-aux-soins',
  'mobilite--etre-accompagne-dans-son-parcours-mobilite',
  'mobilite--se-deplacer-sans-permis-et-ou-sans-vehicule-personnel',
  'mobilite--preparer-son-permis-de-conduire',
  'logement-hebergement--etre-accompagne-pour-se-loger',
  'remobilisation--lien-social',
  'handicap--faire-reconnaitre-un-handicap',
  'gestion-financiere--apprendre-a-gerer-son-budget',
] as const;
export type Thematique = (typeof THEMATIQUES)[number];

/** data·inclusion `publics`. */
export const PUBLICS = [
  'tous-publics', 'seniors', 'jeunes', 'familles', 'enfants', 'femmes', 'personnes-handicapees',
  'demandeurs-emploi', 'beneficiaires-des-minimas-sociaux', 'etudiants', 'etrangers', 'actifs',
] as const;

/** data·inclusion `frais`. */
export const FRAIS = ['gratuit', 'payant', 'adhesion', 'gratuit-sous-conditions', 'pass-numerique'] as const;

/** data·inclusion `modes_accueil`. */
export const MODES_ACCUEIL = ['en-presentiel', 'a-distance'] as const;

/** What kind of place it is, for pictograms and grouping (Escale's own). */
export const PLACE_CATEGORIES = [
  'intercommunalite', 'france-services', 'mairie', 'espace-de-vie-sociale', 'centre-social',
  'petite-enfance', 'mediatheque', 'solidarites', 'emploi', 'sante', 'mobilite', 'escale-itinerante',
] as const;

/**
 * The needs an inhabitant picks from, in plain words (DESIGN.md "Interface"). Each need
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
