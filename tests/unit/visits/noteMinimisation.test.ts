import { describe, expect, it } from 'vitest';
import { noteTooLong, noteWarnings, normaliseNote } from '../../../src/shared/visits/noteMinimisation';

const kinds = (text: string) => noteWarnings(text).map((w) => w.kind);

describe('noteWarnings', () => {
  it('says nothing for a minimised note', () => {
    expect(kinds('Dossier CSS à finir, revient mardi avec son avis d’imposition.')).toEqual([]);
    expect(kinds('RDV le 12/03 à 9 h 30, 2 enfants, loyer 450 €')).toEqual([]);
    expect(kinds('Code postal 86400, dossier n° 1234567')).toEqual([]);
  });

  it('sees French phone numbers in their usual spellings', () => {
    for (const phone of ['06 12 34 56 78', '0612345678', '06.12.34.56.78', '05-49-87-00-00', '+33 6 12 34 56 78', '+33612345678', '0033 6 12 34 56 78']) {
      expect(kinds(`rappeler au ${phone} demain`), phone).toEqual(['phone']);
    }
  });

  it('sees e-mail addresses', () => {
    expect(kinds('écrire à jeanne.dupont@example.fr')).toEqual(['email']);
  });

  it('sees a NIR with or without spaces, with or without its key, Corsica included, and not as a phone', () => {
    for (const nir of ['1 85 05 78 006 084 36', '185057800608436', '2850578006084', '1 85 05 2A 006 084 36']) {
      expect(kinds(`n° sécu ${nir}`), nir).toEqual(['nir']);
    }
  });

  it('reports each kind once, with a French message that asks to minimise', () => {
    const warnings = noteWarnings('06 12 34 56 78, 07 11 22 33 44, a@b.fr, 1 85 05 78 006 084 36');
    expect(warnings.map((w) => w.kind)).toEqual(['nir', 'phone', 'email']);
    expect(warnings[0]!.message).toBe('La note semble contenir un numéro de sécurité sociale. Ne le notez pas : il n’est pas utile au suivi.');
    expect(warnings[1]!.message).toMatch(/^La note semble contenir un numéro de téléphone\./);
  });
});

describe('normaliseNote / noteTooLong', () => {
  it('trims, and measures the trimmed text', () => {
    expect(normaliseNote('  suivi \n')).toBe('suivi');
    expect(noteTooLong(` ${'x'.repeat(1000)} `)).toBe(false);
    expect(noteTooLong('x'.repeat(1001))).toBe(true);
  });
});
