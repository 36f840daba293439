import type { Place } from '../domain/place';

// data·inclusion has no notion of Escale's place category (which picks the pictogram), so
// an imported structure gets one from the networks that carry it. The first network in
// this order wins: a France services run by a commune is shown as France services.
const CATEGORY_OF_RESEAU: ReadonlyArray<readonly [string, Place['category']]> = [
  ['france-service', 'france-services'],
  ['centres-sociaux', 'centre-social'],
  ['espace-de-vie-sociale', 'espace-de-vie-sociale'],
  ['mediatheques', 'mediatheque'],
  ['france-travail', 'emploi'],
  ['mission-locale', 'emploi'],
  ['maisons-de-sante', 'sante'],
  ['assurance-maladie', 'sante'],
  ['communes', 'mairie'],
];

/** Escale category for a structure's (Escale-spelled) networks; `solidarites` by default. */
export function guessCategory(reseauxPorteurs: readonly string[]): Place['category'] {
  for (const [reseau, category] of CATEGORY_OF_RESEAU) {
    if (reseauxPorteurs.includes(reseau)) return category;
  }
  return 'solidarites';
}
