import { describe, expect, it } from 'vitest';
import { setPinRefusalText, unlockFailureText } from '../../../src/app/aidant/i18n/pinText';
import { checkPin } from '../../../src/app/aidant/lock/pinRules';
import { applyLanguage } from '../../../src/app/i18n/lang';

describe('checkPin', () => {
  it('accepts 4 to 8 digits that are not trivial', () => {
    for (const pin of ['4829', '48291', '482913', '4829137', '48291375', '0561', '9305']) expect(checkPin(pin), pin).toEqual({ ok: true });
  });

  it('refuses the wrong length or non-digits, with the reason and its facts, said in French', () => {
    const length = { ok: false, reason: 'pin-length', min: 4, max: 8 } as const;
    expect(checkPin('482')).toEqual(length);
    expect(checkPin('482913752')).toEqual(length);
    expect(setPinRefusalText(length)).toBe('Le code doit avoir entre 4 et 8 chiffres.');
    expect(checkPin('48a9')).toEqual({ ok: false, reason: 'pin-not-digits' });
    expect(checkPin('')).toEqual({ ok: false, reason: 'pin-not-digits' });
    expect(setPinRefusalText({ ok: false, reason: 'pin-not-digits' })).toBe('Le code ne doit contenir que des chiffres.');
    expect(checkPin('４８２９').ok).toBe(false);
  });

  it('refuses trivial codes: repeated digit, runs, repeated patterns, the most common codes', () => {
    for (const pin of ['0000', '1111', '99999999', '1234', '12345678', '4321', '0123', '9876', '7890', '0987', '1212', '123123', '2580', '6969', '1122', '1004']) {
      expect(checkPin(pin), pin).toEqual({ ok: false, reason: 'pin-too-easy' });
    }
    expect(setPinRefusalText({ ok: false, reason: 'pin-too-easy' })).toBe('Ce code est trop facile à deviner. Choisissez-en un autre.');
  });

  it('says the same refusals in English', async () => {
    await applyLanguage('en');
    try {
      expect(setPinRefusalText({ ok: false, reason: 'pin-length', min: 4, max: 8 })).toBe('The code must have between 4 and 8 digits.');
      expect(setPinRefusalText({ ok: false, reason: 'pin-not-digits' })).toBe('The code must be digits only.');
      expect(setPinRefusalText({ ok: false, reason: 'pin-too-easy' })).toBe('This code is too easy to guess. Choose another one.');
    } finally {
      await applyLanguage('fr');
    }
  });
});

describe('the wait after wrong PINs, as the gate says it', () => {
  it('counts seconds under a minute and minutes from one (30 s, then 1, 2, 4, 8 min)', () => {
    expect(unlockFailureText({ ok: false, reason: 'too-many-attempts', retryAfterMs: 30_000 })).toBe('Trop d’essais. Réessayez dans 30 secondes.');
    expect(unlockFailureText({ ok: false, reason: 'too-many-attempts', retryAfterMs: 480_000 })).toBe('Trop d’essais. Réessayez dans 8 minute(s).');
    expect(unlockFailureText({ ok: false, reason: 'too-many-attempts', retryAfterMs: 61_000 })).toBe('Trop d’essais. Réessayez dans 2 minute(s).');
  });
});
