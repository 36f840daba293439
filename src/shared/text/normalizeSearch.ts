// Letters that Unicode does not decompose into a base letter plus accent, spelled out so
// that "oeuvre" finds "Œuvre".
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

// How French place names abbreviate "Saint"/"Sainte" on signs and in addresses.
const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };

/**
 * The form both a query and a searched name are reduced to before comparing:
 * lower case, no accents, apostrophes/hyphens/punctuation as single spaces, and "st"/"ste"
 * spelled out. "St-Pierre-d'Exideuil" → "saint pierre d exideuil".
 */
export function normalizeSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}
