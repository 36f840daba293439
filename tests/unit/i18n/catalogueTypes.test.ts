import { describe, expect, test } from 'vitest';
import { at } from '../../../src/app/aidant/i18n/aidantMessages';
import { en as aidantEn } from '../../../src/app/aidant/i18n/en';
import type { fr as aidantFr } from '../../../src/app/aidant/i18n/fr';
import type { EnglishOf } from '../../../src/app/i18n/catalogue';
import { staffT } from '../../../src/app/staff/i18n/staffMessages';

// Compile-time fixtures: `npm run typecheck` (tsc -p tests) compiles this file, and each
// `@ts-expect-error` below fails the type check if the line after it is NOT an error. So
// this file proves that an English catalogue missing a key, or with one French does not
// have, or losing a placeholder, does not compile; and that t() wants exactly the
// placeholders of its message. The tests only check the fixtures are what they claim.

type AidantEnglish = EnglishOf<typeof aidantFr>;
const { 'visit.title': dropped, ...withoutVisitTitle } = aidantEn.ui;

// @ts-expect-error — 'visit.title' is missing in English
const missingKey: AidantEnglish = { ...aidantEn, ui: withoutVisitTitle };

// @ts-expect-error — 'visit.nowhere' is not a French key
const extraKey: AidantEnglish = { ...aidantEn, ui: { ...aidantEn.ui, 'visit.nowhere': 'Nowhere' } };

// @ts-expect-error — the English lost the French {name}
const lostPlaceholder: AidantEnglish = { ...aidantEn, ui: { ...aidantEn.ui, 'pin.unlockTitle': 'Hello' } };

const { sante: _sante, ...themesWithoutSante } = aidantEn.themes;
// @ts-expect-error — a vocabulary section without one of its slugs
const missingLabel: AidantEnglish = { ...aidantEn, themes: themesWithoutSante };

// The same catalogue, complete: compiles.
const complete: AidantEnglish = { ...aidantEn, ui: { ...withoutVisitTitle, 'visit.title': dropped } };

describe('English catalogues are typed from the French', () => {
  test('the fixtures are what they claim', () => {
    expect('visit.title' in missingKey.ui).toBe(false);
    expect('visit.nowhere' in extraKey.ui).toBe(true);
    expect(lostPlaceholder.ui['pin.unlockTitle']).toBe('Hello');
    expect('sante' in missingLabel.themes).toBe(false);
    expect(complete.ui['visit.title']).toBe('Log a visit');
  });

  test('t() takes exactly the placeholders of its message', () => {
    // @ts-expect-error — {name} is not given
    expect(at('pin.unlockTitle')).toBe('Bonjour {name}');
    // @ts-expect-error — {age} is not a placeholder of this message
    expect(at('pin.unlockTitle', { name: 'Marie', age: 3 })).toBe('Bonjour Marie');
    // @ts-expect-error — a message without placeholders takes no params
    expect(staffT('loading', { n: 1 })).toBe('Chargement…');
    // A key built at run time (a union) takes any params.
    const key = (['role.aidant', 'who'] as const)[0] as 'role.aidant' | 'who';
    expect(staffT(key)).toBe('Aidant');
  });
});
