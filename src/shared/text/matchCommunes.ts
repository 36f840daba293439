import { normalizeSearch } from './normalizeSearch';

export interface SearchableCommune {
  name: string;
  postcodes: readonly string[];
  insee: string;
}

export interface CommuneMatch<C> {
  commune: C;
  /** Higher is better; see `SCORE`. Only the order is meant to be stable. */
  score: number;
}

/**
 * How well a commune matches, best first. Names come first because people type names;
 * a query of digits can only match the codes, so the two scales never compete in practice.
 */
export const SCORE = {
  exactName: 100,
  namePrefix: 90,
  wordPrefix: 80,
  /** Every query word starts some word of the name, in any order: "pierre exid". */
  allWordsPrefix: 75,
  substring: 70,
  exactPostcode: 60,
  postcodePrefix: 50,
  exactInsee: 40,
} as const;

/**
 * Communes matching a free-text query (name, postcode or INSEE code), best first; equal
 * scores in alphabetical order. Accent-, case- and punctuation-insensitive: "gencay",
 * "GENÇAY", "st pierre" and "86160" all work. An empty query matches nothing.
 */
export function matchCommunes<C extends SearchableCommune>(
  query: string,
  communes: readonly C[],
  limit = Infinity,
): CommuneMatch<C>[] {
  const q = normalizeSearch(query);
  if (q === '') return [];
  const qWords = q.split(' ');
  // Codes are compared without spaces, so "86 160" finds 86160.
  const code = q.replaceAll(' ', '');
  const isDigits = /^\d+$/.test(code);

  const scored: (CommuneMatch<C> & { key: string })[] = [];
  for (const commune of communes) {
    const name = normalizeSearch(commune.name);
    const score = Math.max(nameScore(name, q, qWords), codeScore(commune, code, isDigits));
    if (score > 0) scored.push({ commune, score, key: name });
  }
  // Plain code-unit comparison of normalized names: deterministic on every runtime,
  // and with accents gone it is alphabetical for French names.
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, Math.max(0, limit)).map(({ commune, score }) => ({ commune, score }));
}

function nameScore(name: string, q: string, qWords: readonly string[]): number {
  if (name === q) return SCORE.exactName;
  if (name.startsWith(q)) return SCORE.namePrefix;
  if (` ${name}`.includes(` ${q}`)) return SCORE.wordPrefix;
  const words = name.split(' ');
  if (qWords.length > 1 && qWords.every((qw) => words.some((w) => w.startsWith(qw)))) return SCORE.allWordsPrefix;
  if (name.includes(q)) return SCORE.substring;
  return 0;
}

function codeScore(commune: SearchableCommune, code: string, isDigits: boolean): number {
  if (isDigits) {
    if (commune.postcodes.includes(code)) return SCORE.exactPostcode;
    if (commune.postcodes.some((postcode) => postcode.startsWith(code))) return SCORE.postcodePrefix;
  }
  // INSEE codes of Corsica contain a letter (2A004), hence the comparison in lower case.
  return commune.insee.toLowerCase() === code ? SCORE.exactInsee : 0;
}
