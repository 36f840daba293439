// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { en as aidantEn } from '../../../src/app/aidant/i18n/en';
import { fr as aidantFr } from '../../../src/app/aidant/i18n/fr';
import { at, aidantLabel } from '../../../src/app/aidant/i18n/aidantMessages';
import { defineCatalogue, merge } from '../../../src/app/i18n/catalogue';
import { en as publicEn } from '../../../src/app/i18n/en';
import { enScreens } from '../../../src/app/i18n/enScreens';
import { en as errorsEn } from '../../../src/app/i18n/errors/en';
import { fr as errorsFr } from '../../../src/app/i18n/errors/fr';
import { fr as publicFr } from '../../../src/app/i18n/fr';
import { frScreens } from '../../../src/app/i18n/frScreens';
import { applyLanguage, lang, t } from '../../../src/app/i18n/i18n';
import { en as staffEn } from '../../../src/app/staff/i18n/en';
import { fr as staffFr } from '../../../src/app/staff/i18n/fr';
import { staffLabel, staffT } from '../../../src/app/staff/i18n/staffMessages';

// Every catalogue of the interface, French and English side by side. The type check already
// refuses an English file with a missing or extra key (catalogueTypes.test.ts); this checks
// what it cannot: no empty message, and the very same placeholders in both languages.

type Table = Record<string, Record<string, string>>;
const CATALOGUES: Array<{ name: string; fr: Table; en: Table }> = [
  { name: 'public', fr: merge(publicFr, frScreens), en: merge(publicEn, enScreens) },
  { name: 'aidant', fr: aidantFr, en: aidantEn },
  { name: 'staff', fr: staffFr, en: staffEn },
  { name: 'errors', fr: errorsFr, en: errorsEn },
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => applyLanguage('fr'));

describe.each(CATALOGUES)('the $name catalogue', ({ fr, en }) => {
  test('English has the French sections and keys, no more', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const section of Object.keys(fr)) expect(Object.keys(en[section]!).sort(), section).toEqual(Object.keys(fr[section]!).sort());
  });

  test('every French message has an English one, neither empty, with the same placeholders', () => {
    for (const [section, messages] of Object.entries(fr)) {
      for (const [key, french] of Object.entries(messages)) {
        const english = en[section]?.[key];
        expect(french.trim(), `fr ${section}.${key}`).not.toBe('');
        expect(english?.trim(), `en ${section}.${key}`).toBeTruthy();
        expect(placeholders(english ?? ''), `${section}.${key}`).toEqual(placeholders(french));
      }
    }
  });
});

describe('one lookup for every audience', () => {
  test('the lang signal drives the public, aidant and staff catalogues; English is loaded on demand', async () => {
    expect(t('commune.chosen', { commune: 'Gençay' })).toBe('Vous êtes à Gençay.');
    expect(at('pin.unlockTitle', { name: 'Marie' })).toBe('Bonjour Marie');
    expect(staffT('who', { name: 'Léa', role: 'Bureau' })).toBe('Connecté : Léa (Bureau)');
    expect(aidantLabel('themes', 'sante')).toBe('Santé');
    expect(staffLabel('visits', 'sante')).toBe('Santé');
    await applyLanguage('en');
    expect(t('commune.chosen', { commune: 'Gençay' })).toBe('You are in Gençay.');
    expect(at('pin.unlockTitle', { name: 'Marie' })).toBe('Hello Marie');
    expect(staffT('who', { name: 'Léa', role: 'Office' })).toBe('Signed in: Léa (Office)');
    expect(aidantLabel('themes', 'sante')).toBe('Health');
    expect(staffLabel('visits', 'sante')).toBe('Health');
    // A slug no catalogue knows is shown as it is.
    expect(staffLabel('visits', 'nouveau-theme')).toBe('nouveau-theme');
  });

  test('a catalogue that arrives while the interface is in English speaks French until its English is in', async () => {
    await applyLanguage('en');
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const late = defineCatalogue<{ ui: { readonly hello: 'Bonjour {name}' } }>({
      fr: { ui: { hello: 'Bonjour {name}' } },
      en: async () => {
        await arrived;
        return { ui: { hello: 'Hello {name}' } };
      },
    });
    expect(late.t('hello', { name: 'Marie' })).toBe('Bonjour Marie');
    release();
    // What App.tsx does when a space's chunk arrives: apply the current language again.
    await applyLanguage(lang.peek());
    expect(late.t('hello', { name: 'Marie' })).toBe('Hello Marie');
  });

  test('a placeholder without a value stays as written; an unknown key shows itself', () => {
    const loose = staffT as (key: string, params?: Record<string, string>) => string;
    expect(loose('who', { name: 'Léa' })).toBe('Connecté : Léa ({role})');
    expect(loose('no.such.key')).toBe('no.such.key');
  });
});
