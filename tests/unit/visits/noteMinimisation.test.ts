import { afterEach, describe, expect, it } from 'vitest';
import { at } from '../../../src/app/aidant/i18n/aidantMessages';
import { applyLanguage } from '../../../src/app/i18n/lang';
import { noteTooLong, noteWarnings, normaliseNote } from '../../../src/shared/visits/noteMinimisation';

const kinds = (text: string) => noteWarnings(text).map((w) => w.kind);

describe('noteWarnings', () => {
  afterEach(() => applyLanguage('fr'));

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

  it('reports each kind once, worded by the aidant catalogue in French and English to ask to minimise', async () => {
    const warnings = noteWarnings('06 12 34 56 78, 07 11 22 33 44, a@b.fr, 1 85 05 78 006 084 36');
    expect(warnings).toEqual([{ kind: 'nir' }, { kind: 'phone' }, { kind: 'email' }]);
    const words = () => warnings.map((w) => at(`note.${w.kind}`));
    expect(words()[0]).toBe('La note semble contenir un numéro de sécurité sociale. Ne le notez pas : il n’est pas utile au suivi.');
    expect(words()[1]).toMatch(/^La note semble contenir un numéro de téléphone\./);
    await applyLanguage('en');
    expect(words()[0]).toBe('The note seems to hold a social security number. Do not write it down: the follow-up does not need it.');
    expect(words()[1]).toMatch(/^The note seems to hold a phone number\./);
  });
});

describe('normaliseNote / noteTooLong', () => {
  it('trims, and measures the trimmed text', () => {
    expect(normaliseNote('  suivi \n')).toBe('suivi');
    expect(noteTooLong(` ${'x'.repeat(1000)} `)).toBe(false);
    expect(noteTooLong('x'.repeat(1001))).toBe(true);
  });
});
