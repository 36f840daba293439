import type { NEEDS, PLACE_CATEGORIES } from '../../shared/domain/vocabularies';

// The French catalogue is the reference: `en.ts` must have exactly the same keys (its type
// is derived from this one). Plain words for people who are not used to administrative
// jargon (docs/interface.md): "papiers", "aide pour internet".
// Placeholders are written {name} and filled by t().
//
// Split in two to keep the first screen small: this file holds what the shell and the
// home screen say (it is in the entry chunk); frScreens.ts holds the other screens'
// messages and vocabularies, loaded with those screens.

type Labels<T extends readonly string[]> = Record<T[number], string>;

interface CoreShape {
  ui: Record<string, string>;
  needs: Labels<typeof NEEDS>;
  categories: Labels<typeof PLACE_CATEGORIES>;
  /** Day names, 0 = Sunday, and month names, 1 = January (i18n/format.ts). */
  weekdays: Record<0 | 1 | 2 | 3 | 4 | 5 | 6, string>;
  months: Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12, string>;
}

export const fr = {
  ui: {
    'app.name': 'Escale',
    'app.skip': 'Aller au contenu',
    'app.loading': 'Chargement…',
    'app.loadFailed': 'Cette page n’a pas pu s’ouvrir. Vérifiez la connexion puis réessayez.',
    'app.retry': 'Réessayer',
    'nav.label': 'Menu principal',
    'nav.home': 'Lieux',
    'nav.bus': 'Bus',
    'nav.mobility': 'Trajets',
    'nav.prepare': 'Préparer',
    'nav.map': 'Carte',
    'lang.switch': 'English',
    'lang.switchLabel': 'Read in English',
    'net.offline': 'Hors connexion — vos données sont gardées sur l’appareil.',
    'net.offlineSince': 'Hors connexion — données du {date}, gardées sur l’appareil.',
    'net.online': 'Connecté à internet.',
    'net.syncing': 'Mise à jour des informations…',
    'net.upToDate': 'Informations à jour ({date}).',
    'net.pending': '{count} changement(s) en attente d’envoi.',
    'net.actionNeeded': 'Une action est nécessaire : demandez à l’équipe.',
    'net.storageFull': 'L’appareil est plein : libérez de la place pour garder les informations.',
    'net.unknown': 'Préparation des informations…',
    'update.ready': 'Une nouvelle version est prête.',
    'update.apply': 'Mettre à jour',
    'update.later': 'Plus tard',
    'home.title': 'Trouver de l’aide près de chez vous',
    'home.where': 'Où êtes-vous ?',
    'home.placesTitle': 'Les lieux les plus proches',
    'home.placesNear': 'Les lieux les plus proches de {commune}',
    'home.chooseFirst': 'Choisissez d’abord votre commune, ou utilisez votre position.',
    'home.noData': 'Les informations ne sont pas encore sur cet appareil. Connectez-vous une fois à internet pour les recevoir.',
    'home.or': 'ou',
    'home.nextBus': 'Le bus des services passe à {commune} le {day} à {time}.',
    'home.nextBusExample': 'Attention : c’est un exemple, pas encore le vrai horaire.',
    'home.nextBusLink': 'Voir les passages du bus',
    'home.receiving': 'Réception des informations du territoire… La première fois, cela peut prendre une minute.',
    'home.quickLinks': 'Autres questions',
    'home.busLink': 'Quand passe le bus ?',
    'home.mobilityLink': 'Comment y aller ?',
    'home.prepareLink': 'Préparer mon rendez-vous',
    'home.mapLink': 'Voir la carte',
    'commune.label': 'Votre commune ou code postal',
    'commune.hint': 'Par exemple : Gençay, 86160, Saint-Pierre.',
    'commune.suggestions': '{count} commune(s) trouvée(s)',
    'commune.none': 'Aucune commune ne correspond. Vérifiez l’orthographe ou tapez le code postal.',
    'commune.chosen': 'Vous êtes à {commune}.',
    'commune.change': 'Changer de commune',
    'commune.outside': 'Votre position est en dehors du territoire {territory}. Choisissez une commune.',
    'geo.use': 'Utiliser ma position',
    'geo.explain': 'Votre téléphone va vous demander l’autorisation. Votre position sert seulement à trouver les lieux proches : elle reste sur cet appareil et n’est envoyée à personne.',
    'geo.continue': 'Continuer',
    'geo.cancel': 'Annuler',
    'geo.locating': 'Recherche de votre position…',
    'geo.denied': 'Vous avez refusé la position. Ce n’est pas grave : tapez le nom de votre commune.',
    'geo.unavailable': 'La position n’a pas pu être trouvée. Tapez le nom de votre commune.',
    'geo.timeout': 'La recherche de position a pris trop de temps. Réessayez dehors, ou tapez le nom de votre commune.',
    'geo.unsupported': 'Cet appareil ne donne pas sa position. Tapez le nom de votre commune.',
    'geo.found': 'Position trouvée : vous êtes à {commune}.',
    'geo.foundNoCommune': 'Position trouvée.',
    'need.filterLabel': 'De quoi avez-vous besoin ?',
    'need.all': 'Tout',
    'places.count': '{count} lieu(x)',
    'places.none': 'Aucun lieu pour ce besoin. Essayez « Tout ».',
    'places.distance': '{km} km à vol d’oiseau',
    'places.distanceNear': 'À moins d’1 km',
    'places.itinerant': 'Lieu itinérant',
    'hours.open': 'Ouvert maintenant',
    'hours.openUntil': 'Ouvert jusqu’à {time}',
    'hours.opensToday': 'Fermé — ouvre aujourd’hui à {time}',
    'hours.opensAt': 'Fermé — ouvre {day} à {time}',
    'hours.closedToday': 'Fermé aujourd’hui',
    'hours.unknown': 'Horaires inconnus',
    'hours.loading': 'Calcul des horaires…',
    'place.toConfirm': 'À confirmer',
    'space.backHome': 'Aller à l’accueil public',
    'notFound.title': 'Page introuvable',
    'notFound.body': 'Cette page n’existe pas.',
    'date.at': 'à',
  },
  needs: {
    papers: 'Papiers et droits',
    digital: 'Aide pour internet',
    family: 'Famille et enfants',
    youth: 'Jeunes',
    jobs: 'Emploi',
    health: 'Santé',
    mobility: 'Se déplacer',
  },
  categories: {
    intercommunalite: 'Communauté de communes',
    'france-services': 'France Services',
    mairie: 'Mairie',
    'espace-de-vie-sociale': 'Espace de vie sociale',
    'centre-social': 'Centre social',
    'petite-enfance': 'Petite enfance',
    mediatheque: 'Médiathèque',
    solidarites: 'Action sociale',
    emploi: 'Emploi',
    sante: 'Santé',
    mobilite: 'Mobilité',
    'escale-itinerante': 'Arrêt du bus des services',
  },
  weekdays: { 0: 'dimanche', 1: 'lundi', 2: 'mardi', 3: 'mercredi', 4: 'jeudi', 5: 'vendredi', 6: 'samedi' },
  months: { 1: 'janvier', 2: 'février', 3: 'mars', 4: 'avril', 5: 'mai', 6: 'juin', 7: 'juillet', 8: 'août', 9: 'septembre', 10: 'octobre', 11: 'novembre', 12: 'décembre' },
} as const satisfies CoreShape;
