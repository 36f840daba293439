// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/app/i18n/en';
import { enScreens } from '../../../src/app/i18n/enScreens';
import { fr } from '../../../src/app/i18n/fr';
import { frScreens } from '../../../src/app/i18n/frScreens';
import { applyLanguage, label, lang, t } from '../../../src/app/i18n/i18n';
import { MOBILITY_KINDS, NEEDS, ONBOARD_SERVICES, PLACE_CATEGORIES, THEMATIQUES, VEHICLES } from '../../../src/shared/domain/vocabularies';

// Both halves of each language (shell and home; other screens), compared as wholes.
const frAll = { ...fr, ...frScreens, ui: { ...fr.ui, ...frScreens.ui } };
const enAll = { ...en, ...enScreens, ui: { ...en.ui, ...enScreens.ui } };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  test('French and English have the same sections and keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.keys(enScreens).sort()).toEqual(Object.keys(frScreens).sort());
    for (const section of Object.keys(frAll) as (keyof typeof frAll)[]) {
      expect(Object.keys(enAll[section]).sort(), section).toEqual(Object.keys(frAll[section]).sort());
    }
  });

  test('no message is empty, and both languages fill the same placeholders', () => {
    for (const section of Object.keys(frAll) as (keyof typeof frAll)[]) {
      const frSection = frAll[section] as Record<string, string>;
      const enSection = enAll[section] as Record<string, string>;
      for (const key of Object.keys(frSection)) {
        expect(frSection[key]?.trim(), `fr ${section}.${key}`).not.toBe('');
        expect(enSection[key]?.trim(), `en ${section}.${key}`).not.toBe('');
        expect(placeholders(enSection[key] ?? ''), `${section}.${key}`).toEqual(placeholders(frSection[key] ?? ''));
      }
    }
  });

  test('every vocabulary shown to people has a label', () => {
    for (const need of NEEDS) expect(fr.needs[need]).toBeTruthy();
    for (const c of PLACE_CATEGORIES) expect(fr.categories[c]).toBeTruthy();
    for (const v of VEHICLES) expect(frScreens.vehicles[v]).toBeTruthy();
    for (const k of MOBILITY_KINDS) expect(frScreens.mobilityKinds[k]).toBeTruthy();
    for (const s of ONBOARD_SERVICES) expect(frScreens.onboardServices[s]).toBeTruthy();
    for (const th of THEMATIQUES) expect(frScreens.thematiques[th]).toBeTruthy();
  });

  test('t() fills placeholders and follows the language; <html lang> follows too', async () => {
    expect(t('commune.chosen', { commune: 'Gençay' })).toBe('Vous êtes à Gençay.');
    expect(label('needs', 'papers')).toBe('Papiers et droits');
    await import('../../../src/app/i18n/screens');
    expect(label('vehicles', 'camping-car')).toBe('Camping-car');
    await applyLanguage('en');
    expect(label('vehicles', 'camping-car')).toBe('Camper van');
    expect(lang.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(label('needs', 'papers')).toBe('Papers and rights');
    await applyLanguage('fr');
    expect(document.documentElement.lang).toBe('fr');
  });
});
