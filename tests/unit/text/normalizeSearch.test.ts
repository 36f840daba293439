import { describe, expect, it } from 'vitest';
import { normalizeSearch } from '../../../src/shared/text/normalizeSearch';

describe('normalizeSearch', () => {
  it.each([
    ['Gençay', 'gencay'],
    ['GENÇAY', 'gencay'],
    ["Saint-Pierre-d'Exideuil", 'saint pierre d exideuil'],
    ['St-Pierre-d’Exideuil', 'saint pierre d exideuil'],
    ['Ste. Marie', 'sainte marie'],
    ['La Chapelle-Bâton', 'la chapelle baton'],
    ['  Sommières--du   Clain!  ', 'sommieres du clain'],
    ['Œuvre', 'oeuvre'],
    ['Stéphane', 'stephane'], // "st" only as a whole word
    ['86 160', '86 160'],
    ['', ''],
    [' - ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });
});
