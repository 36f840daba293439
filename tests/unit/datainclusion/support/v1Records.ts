// Real-shaped data·inclusion v1 records (schema 1.0.8) for the import, export and
// round-trip suites: a structure filling every field of structure.json, and three
// services of it that differ on every service field (service.json).

export const COMPLETE_STRUCTURE = {
  source: 'dora',
  id: 'dora--espace-sociàl-civray', // an accent: the schema allows any string
  siret: '26860078500019',
  nom: 'Espace social et culturel du Civraisien',
  description: 'Accueil de tous les habitants : accès aux droits, numérique, familles et jeunes.',
  date_maj: '2026-09-14',
  commune: 'Civray',
  code_postal: '86400',
  code_insee: '86078',
  adresse: '2 place Leclerc',
  complement_adresse: 'Bâtiment B, 1er étage',
  longitude: 0.2951,
  latitude: 46.1482,
  telephone: '3949', // a real short number
  courriel: 'accueil@escale-civray.example.fr',
  site_web: 'https://www.escale-civray.example.fr/',
  horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-17:30; SH off; PH off',
  accessibilite_lieu: 'https://acceslibre.beta.gouv.fr/app/86-civray/a/centre-social/erp/espace-social-civray/',
  reseaux_porteurs: ['fcsf', 'caf', 'fabrique-de-territoire'],
  lien_source: 'https://dora.inclusion.beta.gouv.fr/structures/espace-social-civray',
  un_champ_du_producteur: { interne: 42, libelle: 'gardé tel quel' },
};

export const SERVICE_JEUNES = {
  source: 'dora',
  id: 'dora--jeunes-civray',
  structure_id: COMPLETE_STRUCTURE.id,
  nom: 'Point information jeunesse',
  description: 'Orientation.', // short but valid (5 characters or more)
  date_maj: '2026-06-02',
  type: 'information',
  thematiques: ['choisir-un-metier--confirmer-son-choix-de-metier', 'se-former--trouver-sa-formation'],
  publics: ['jeunes', 'etudiants'],
  publics_precisions: 'De 16 à 25 ans.',
  frais: 'gratuit',
  frais_precisions: 'Sans adhésion.',
  modes_accueil: ['en-presentiel'],
  modes_mobilisation: ['se-presenter', 'telephoner'],
  mobilisable_par: ['usagers'],
  mobilisation_precisions: 'Sans rendez-vous le mercredi après-midi.',
  lien_mobilisation: 'https://www.escale-civray.example.fr/jeunes',
  conditions_acces: 'Avoir entre 16 et 25 ans.',
  contact_nom_prenom: 'Camille Martin',
  telephone: '05 49 87 11 22',
  courriel: 'pij@escale-civray.example.fr',
  horaires_accueil: 'We 14:00-18:00',
  adresse: '4 rue des Écoles',
  complement_adresse: 'Salle 3',
  commune: 'Civray',
  code_postal: '86400',
  code_insee: '86078',
  longitude: 0.2935,
  latitude: 46.1469,
  zone_eligibilite: ['86078', '86'],
  lien_source: 'https://dora.inclusion.beta.gouv.fr/services/jeunes-civray',
  volume_horaire_hebdomadaire: 4,
  nombre_semaines: 36,
};

export const SERVICE_ATELIER = {
  source: 'dora',
  id: 'dora--atelier-numerique-civray',
  structure_id: COMPLETE_STRUCTURE.id,
  nom: 'Ateliers numériques etc.',
  description: 'Apprendre à utiliser un smartphone, une tablette ou un ordinateur, en petit groupe.',
  date_maj: '2026-03-20',
  type: 'atelier',
  thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  publics: ['seniors', 'beneficiaires-des-minimas-sociaux'],
  frais: 'payant',
  frais_precisions: '10 € l’adhésion annuelle.',
  modes_accueil: ['en-presentiel', 'a-distance'],
  modes_mobilisation: ['envoyer-un-courriel', 'utiliser-lien-mobilisation'],
  mobilisable_par: ['usagers', 'professionnels'],
  lien_mobilisation: 'https://www.escale-civray.example.fr/ateliers',
  courriel: 'ateliers@escale-civray.example.fr',
  horaires_accueil: 'Tu 09:30-11:30 "sur inscription"',
  zone_eligibilite: ['200069755'],
  volume_horaire_hebdomadaire: 2.5,
  nombre_semaines: 10,
};

export const SERVICE_DROITS = {
  source: 'dora',
  id: 'dora--droits-civray',
  structure_id: COMPLETE_STRUCTURE.id,
  nom: 'Accès aux droits',
  description: 'Aide pour les dossiers CAF, MSA, retraite et santé.',
  date_maj: '2025-12-01',
  type: 'accompagnement',
  thematiques: [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  ],
  publics: ['tous-publics'],
  frais: 'gratuit',
  modes_accueil: ['a-distance'],
  modes_mobilisation: ['telephoner'],
  mobilisable_par: ['professionnels'],
  telephone: '+33549871133',
  horaires_accueil: 'Lu-Ve 9h-12h', // not OSM syntax: kept as text, « à vérifier »
  zone_eligibilite: ['france'],
};

export const COMPLETE_FILE = { structures: [COMPLETE_STRUCTURE], services: [SERVICE_JEUNES, SERVICE_ATELIER, SERVICE_DROITS] };

const base = { source: 'dora', date_maj: '2026-10-01', code_insee: '86078' };
const serviceBase = { source: 'dora', structure_id: 'dora--ok', date_maj: '2026-10-01', description: 'Un service réel.' };

/** Invalid records, each with the field it must be refused on (schema 1.0.8). */
export const INVALID_STRUCTURES: { record: Record<string, unknown>; field: string; reason: RegExp }[] = [
  { record: { ...base, id: 'x--insee', nom: 'Code INSEE faux', code_insee: '8607' }, field: 'code_insee', reason: /code INSEE/ },
  { record: { ...base, id: 'x--sans-nom' }, field: 'nom', reason: /obligatoire/ },
  { record: { ...base, id: 'x--courriel', nom: 'Courriel faux', courriel: 'accueil@' }, field: 'courriel', reason: /courriel/ },
  { record: { ...base, id: 'x--sans-date', nom: 'Sans date', date_maj: undefined }, field: 'date_maj', reason: /obligatoire/ },
  { record: { ...base, id: 'x--date', nom: 'Date fausse', date_maj: '2026-02-30' }, field: 'date_maj', reason: /date/ },
  { record: { ...base, id: 'x--siret', nom: 'SIRET court', siret: '1234567' }, field: 'siret', reason: /SIRET/ },
  { record: { ...base, id: 'x--reseau', nom: 'Réseau inconnu', reseaux_porteurs: ['reseau-imaginaire'] }, field: 'reseaux_porteurs', reason: /reseau-imaginaire/ },
  { record: { ...base, id: 'x--nom', nom: 'AB' }, field: 'nom', reason: /au moins 3/ },
  { record: { ...base, id: 'x--site', nom: 'Site faux', site_web: 'www.exemple.fr' }, field: 'site_web', reason: /adresse web/ },
  { record: { ...base, id: 'x--sans-source', nom: 'Sans source', source: undefined }, field: 'source', reason: /obligatoire/ },
  { record: { ...base, id: 'x--postal', nom: 'Code postal faux', code_postal: '8640' }, field: 'code_postal', reason: /code postal/ },
  { record: { ...base, id: 'x--latitude', nom: 'Latitude texte', latitude: '46,1' }, field: 'latitude', reason: /nombre/ },
];

export const INVALID_SERVICES: { record: Record<string, unknown>; field: string; reason: RegExp }[] = [
  { record: { ...serviceBase, id: 's--thematique', nom: 'Thématique inconnue', thematiques: ['numerique--cuisiner-en-ligne'] }, field: 'thematiques', reason: /numerique--cuisiner-en-ligne/ },
  { record: { ...serviceBase, id: 's--tous', nom: 'Tous et femmes', publics: ['tous-publics', 'femmes'] }, field: 'publics', reason: /tous-publics/ },
  { record: { ...serviceBase, id: 's--frais', nom: 'Frais inconnu', frais: 'sur-devis' }, field: 'frais', reason: /sur-devis/ },
  { record: { ...serviceBase, id: 's--mode', nom: 'Mode inconnu', modes_mobilisation: ['pigeon-voyageur'] }, field: 'modes_mobilisation', reason: /pigeon-voyageur/ },
  { record: { ...serviceBase, id: 's--par', nom: 'Mobilisable vide', mobilisable_par: [] }, field: 'mobilisable_par', reason: /vide/ },
  { record: { ...serviceBase, id: 's--zone', nom: 'Zone fausse', zone_eligibilite: ['Vienne'] }, field: 'zone_eligibilite', reason: /Vienne/ },
  { record: { ...serviceBase, id: 's--type', nom: 'Type inconnu', type: 'permanence' }, field: 'type', reason: /permanence/ },
  { record: { ...serviceBase, id: 's--semaines', nom: 'Semaines zéro', nombre_semaines: 0 }, field: 'nombre_semaines', reason: /minimum 1/ },
  { record: { ...serviceBase, id: 's--volume', nom: 'Volume négatif', volume_horaire_hebdomadaire: -1 }, field: 'volume_horaire_hebdomadaire', reason: /minimum 0/ },
  { record: { ...serviceBase, id: 's--description', nom: 'Sans description', description: undefined }, field: 'description', reason: /obligatoire/ },
  { record: { ...serviceBase, id: 's--doublon', nom: 'Publics en double', publics: ['jeunes', 'jeunes'] }, field: 'publics', reason: /deux fois/ },
  { record: { ...serviceBase, id: 's--lien', nom: 'Lien faux', lien_mobilisation: 'pas un lien' }, field: 'lien_mobilisation', reason: /adresse web/ },
];
