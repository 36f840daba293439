// Controlled vocabularies. Slugs only: labels live in the app's message catalogues.
// Where a national standard exists we use its slugs: data·inclusion schema v1 for the
// directory, the national digital-mediation activity reports for visit logs.
//
// data·inclusion: the version pinned below, whose published JSON Schema and vocabularies
// are copied unchanged in src/shared/datainclusion/schema-v1/ (see its README.md). Every
// data·inclusion list here holds ALL the values of that version, in its order;
// tests/unit/datainclusion/pinnedSchema.test.ts fails when a list, the copy or the pinned
// version disagree. Slugs of earlier referentials are read on import by
// datainclusion/slugAliases.ts and never written.

/** The data·inclusion schema version Escale reads and writes. */
export const DATA_INCLUSION_SCHEMA = { version: '1.0.8', date: '2026-04-27' } as const;

/** data·inclusion v1 `reseaux_porteurs`: all of them, in the published order (schema-v1/extra/reseaux-porteurs.json). */
export const RESEAUX_PORTEURS = [
  '60000-rebonds',
  'aci',
  'action-logement',
  'adie',
  'afpa',
  'agefiph',
  'ai',
  'aidants-connect',
  'alliance-villes-emploi',
  'anlci',
  'apprentis-dauteuil',
  'ase',
  'banques-alimentaires',
  'caarud',
  'cada',
  'caf',
  'campus-connecte',
  'cap-emploi-reseau-cheops',
  'cava',
  'ccas-cias',
  'chambres-consulaires',
  'chantier-ecole',
  'chrs',
  'chu',
  'cidff',
  'cmp',
  'cms',
  'cnam',
  'collectif-emploi',
  'communes',
  'conseillers-numeriques',
  'coorace',
  'cpam',
  'cph',
  'creches-avip',
  'crepi',
  'cresus',
  'croix-rouge',
  'csapa',
  'delegataire-conseil-departemental',
  'departements',
  'duo-for-a-job',
  'ea',
  'eatt',
  'ecoles-de-la-deuxieme-chance',
  'egee',
  'ei',
  'eiti',
  'emmaus',
  'epide',
  'esat',
  'espaces-publics-numeriques',
  'etcld',
  'etti',
  'fabrique-de-territoire',
  'face',
  'fcsf',
  'federation-des-acteurs-de-la-solidarite',
  'federation-professionnelle-femmes',
  'france-active',
  'france-service',
  'france-travail',
  'french-tech',
  'geiq',
  'grandes-ecoles-du-numerique',
  'huda',
  'hup',
  'inae',
  'initiative-france',
  'konexio',
  'la-cravate-solidaire',
  'la-poste',
  'les-premieres',
  'maison-departementale-de-lautonomie',
  'maisons-de-l-emploi',
  'maisons-des-solidarites',
  'mdph',
  'mission-locale',
  'mjc',
  'mobin',
  'msap',
  'mutualite-sociale-agricole',
  'nqt',
  'pimms-mediation',
  'pjj',
  'plie',
  'points-conseil-budget',
  'points-justice',
  'positive-planet',
  'regions',
  'reseau-app',
  'reseau-bge',
  'reseau-entreprendre',
  'reseau-information-jeunesse',
  'residences-fjt',
  'ressourceries',
  'restos-du-coeur',
  'secours-populaire',
  'siao',
  'simplon',
  'singa',
  'snc',
  'spip',
  'tous-tes-possibles',
  'unaf',
  'unea',
  'unis-cite',
  'wimoov',
] as const;

/** data·inclusion v1 `thematiques`: all of them, in the published order (schema-v1/extra/thematiques.json). */
export const THEMATIQUES = [
  'choisir-un-metier--confirmer-son-choix-de-metier',
  'choisir-un-metier--connaitre-les-opportunites-demploi',
  'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
  'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
  'creer-une-entreprise--developper-son-entreprise',
  'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
  'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
  'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
  'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
  'difficultes-financieres--situation-dendettement-surendettement',
  'equipement-et-alimentation--aide-menagere',
  'equipement-et-alimentation--alimentation',
  'equipement-et-alimentation--electromenager',
  'equipement-et-alimentation--habillement',
  'famille--garde-denfants',
  'famille--prise-en-charge-personne-dependante',
  'famille--soutien-a-la-parentalite-et-a-leducation',
  'famille--soutien-aidants',
  'famille--surmonter-conflits-separation-violence',
  'lecture-ecriture-calcul--maitriser-le-calcul',
  'lecture-ecriture-calcul--maitriser-le-francais',
  'logement-hebergement--acheter-un-logement',
  'logement-hebergement--changer-de-logement',
  'logement-hebergement--louer-un-logement',
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
  'logement-hebergement--reduire-les-impayes-de-loyer',
  'logement-hebergement--se-maintenir-dans-le-logement',
  'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  'mobilite--acceder-a-un-vehicule',
  'mobilite--entretenir-reparer-son-vehicule',
  'mobilite--etre-accompagne-dans-son-parcours-mobilite',
  'mobilite--financer-ma-mobilite',
  'mobilite--mobilite-douce-partagee-collective',
  'mobilite--preparer-un-permis',
  'numerique--acceder-a-des-services-en-ligne',
  'numerique--acceder-a-une-connexion-internet',
  'numerique--acquerir-un-equipement',
  'numerique--maitriser-les-fondamentaux-du-numerique',
  'preparer-sa-candidature--developper-son-reseau',
  'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
  'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
  'preparer-sa-candidature--valoriser-ses-competences',
  'remobilisation--activites-sportives-et-culturelles',
  'remobilisation--benevolat-action-citoyenne',
  'remobilisation--bien-etre-confiance-en-soi',
  'remobilisation--lien-social',
  'sante--acces-aux-soins',
  'sante--addictions',
  'sante--constituer-un-dossier-mdph-invalidite',
  'sante--sante-mentale',
  'sante--sante-sexuelle',
  'se-former--monter-son-dossier-de-formation',
  'se-former--trouver-sa-formation',
  'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
  'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
  'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
  'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
  'trouver-un-emploi--faire-des-candidatures-spontanees',
  'trouver-un-emploi--maintien-dans-lemploi',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
  'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
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

/** data·inclusion v1 `modes_mobilisation` (how a person takes the service up). */
export const MODES_MOBILISATION = ['envoyer-un-courriel', 'se-presenter', 'telephoner', 'utiliser-lien-mobilisation'] as const;

/** data·inclusion v1 `mobilisable_par` (personnes mobilisatrices). */
export const PERSONNES_MOBILISATRICES = ['usagers', 'professionnels'] as const;

/** data·inclusion v1 service `type` (types de services). */
export const TYPES_SERVICE = ['accompagnement', 'aide-financiere', 'aide-materielle', 'atelier', 'formation', 'information'] as const;

/**
 * data·inclusion v1 `zone_eligibilite`: the kinds of code a zone lists (service.json's
 * patterns): a commune (INSEE, 5), a département (2–3), an EPCI (SIREN, 9), a country
 * (99xxx), or `france`.
 */
export const ZONE_TYPES = ['commune', 'departement', 'epci', 'pays', 'france'] as const;

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
