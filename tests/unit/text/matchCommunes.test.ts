import territory from '../../../src/territories/civraisien-en-poitou/territory.json';
import { describe, expect, it } from 'vitest';
import { matchCommunes, SCORE } from '../../../src/shared/text/matchCommunes';

// The repository's own copy of the 35 communes (built from ../shared/data), so CI needs nothing outside the clone.
const communes = territory.communes.map((c) => ({ insee: c.insee, name: c.name, postcodes: c.postcodes }));
const withPostcode = (postcode: string) => communes.filter((c) => c.postcodes.includes(postcode)).map((c) => c.name);

const names = (query: string, limit?: number) => matchCommunes(query, communes, limit).map((m) => m.commune.name);

describe('matchCommunes', () => {
  it('matches names without accents or case', () => {
    expect(names('gencay')[0]).toBe('Gençay');
    expect(names('GENÇAY')[0]).toBe('Gençay');
    expect(matchCommunes('gencay', communes)[0]?.score).toBe(SCORE.exactName);
  });

  it('finds every commune of a postcode', () => {
    expect(withPostcode('86160').length).toBeGreaterThan(1);
    expect(new Set(names('86160'))).toEqual(new Set(withPostcode('86160')));
    expect(new Set(names('86400'))).toEqual(new Set(withPostcode('86400')));
    expect(names('86400')).toHaveLength(10);
  });

  it('lists a postcode prefix, exact postcodes first', () => {
    const prefixed = communes.filter((c) => c.postcodes.some((p) => p.startsWith('861'))).map((c) => c.name);
    expect(new Set(names('861'))).toEqual(new Set(prefixed));
    expect(matchCommunes('861', communes).every((m) => m.score === SCORE.postcodePrefix)).toBe(true);
  });

  it('expands "st" and ignores hyphens and apostrophes', () => {
    expect(names('st pierre')).toEqual(["Saint-Pierre-d'Exideuil"]);
    expect(names("saint pierre d'exideuil")).toEqual(["Saint-Pierre-d'Exideuil"]);
    expect(names('saint-romain')[0]).toBe('Saint-Romain');
    expect(matchCommunes('saint-romain', communes)[0]?.score).toBe(SCORE.exactName);
  });

  it('matches multi-word names', () => {
    expect(names('la chapelle')).toEqual(['La Chapelle-Bâton']);
  });

  it('prefers names that start with the query', () => {
    const val = matchCommunes('val', communes);
    expect(val.slice(0, 2).map((m) => m.commune.name)).toEqual(['Val-de-Comporté', 'Valence-en-Poitou']);
    expect(val.slice(0, 2).every((m) => m.score === SCORE.namePrefix)).toBe(true);
    expect(names('valence')).toEqual(['Valence-en-Poitou']);
  });

  it('ranks exact name, then name prefix, then word prefix, then substring', () => {
    const list = [
      { insee: '1', name: 'Le Blanc-Saint', postcodes: [] }, // substring "blanc" is a word: word prefix
      { insee: '2', name: 'Blancafort', postcodes: [] },
      { insee: '3', name: 'Blanc', postcodes: [] },
      { insee: '4', name: 'Leblanc', postcodes: [] },
    ];
    const ranked = matchCommunes('blanc', list);
    expect(ranked.map((m) => m.commune.insee)).toEqual(['3', '2', '1', '4']);
    expect(ranked.map((m) => m.score)).toEqual([SCORE.exactName, SCORE.namePrefix, SCORE.wordPrefix, SCORE.substring]);
  });

  it('matches query words in any order', () => {
    expect(names('exid pierre')).toEqual(["Saint-Pierre-d'Exideuil"]);
  });

  it('matches an INSEE code', () => {
    const civray = communes.find((c) => c.name === 'Civray')!;
    expect(names(civray.insee)).toContain('Civray');
    expect(matchCommunes('2a004', [{ insee: '2A004', name: 'Ajaccio', postcodes: ['20000'] }])[0]?.score).toBe(SCORE.exactInsee);
  });

  it('returns nothing for an empty or unmatched query, and honours the limit', () => {
    expect(matchCommunes('', communes)).toEqual([]);
    expect(matchCommunes("  -' ", communes)).toEqual([]);
    expect(matchCommunes('zzz', communes)).toEqual([]);
    expect(names('86400', 3)).toHaveLength(3);
    expect(names('86400', 0)).toEqual([]);
  });
});
