/**
 * The name a territory goes by on screen: its official name without the kind of
 * intercommunality ("Communauté de communes du Civraisien en Poitou" → "Civraisien en
 * Poitou", "Communauté de communes Coutances Mer et Bocage" → "Coutances Mer et Bocage").
 * A name that does not start with a known kind is kept whole.
 */
export function territoryShortName(name: string): string {
  const short = name
    .trim()
    .replace(/^(?:CC|CA|CU|Communauté (?:de communes|d['’]agglomération|urbaine))\s+/i, '')
    .replace(/^(?:de l['’]|d['’]|(?:du|des|de la|de)\s+)/i, '')
    .trim();
  return short || name.trim();
}
