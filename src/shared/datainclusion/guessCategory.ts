import type { Place } from '../domain/place';

// data·inclusion has no notion of Escale's place category (which picks the pictogram), so
// an imported structure gets one from the networks that carry it, as the file spells them
// (v1 slugs, and the older ones that have no v1 counterpart: v1 has no network for
// libraries, espaces de vie sociale or health centres). The first network in this order
// wins: a France services run by a commune is shown as France services.
const CATEGORY_OF_RESEAU: ReadonlyArray<readonly [string, Place['category']]> = [
  ['france-service', 'france-services'],
  ['fcsf', 'centre-social'],
  ['centres-sociaux', 'centre-social'],
  ['espace-de-vie-sociale', 'espace-de-vie-sociale'],
  ['mediatheques', 'mediatheque'],
  ['france-travail', 'emploi'],
  ['mission-locale', 'emploi'],
  ['maisons-de-sante', 'sante'],
  ['cpam', 'sante'],
  ['assurance-maladie', 'sante'],
  ['communes', 'mairie'],
];

/** Escale category for a structure's networks (raw, as in the file); `solidarites` by default. */
export function guessCategory(reseauxPorteurs: readonly string[]): Place['category'] {
  for (const [reseau, category] of CATEGORY_OF_RESEAU) {
    if (reseauxPorteurs.includes(reseau)) return category;
  }
  return 'solidarites';
}
