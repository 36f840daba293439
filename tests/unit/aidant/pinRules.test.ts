import { describe, expect, it } from 'vitest';
import { checkPin } from '../../../src/app/aidant/lock/pinRules';

describe('checkPin', () => {
  it('accepts 4 to 8 digits that are not trivial', () => {
    for (const pin of ['4829', '48291', '482913', '4829137', '48291375', '0561', '9305']) expect(checkPin(pin), pin).toEqual({ ok: true });
  });

  it('refuses the wrong length or non-digits, in French', () => {
    expect(checkPin('482')).toEqual({ ok: false, message: 'Le code doit avoir entre 4 et 8 chiffres.' });
    expect(checkPin('482913752')).toEqual({ ok: false, message: 'Le code doit avoir entre 4 et 8 chiffres.' });
    expect(checkPin('48a9')).toEqual({ ok: false, message: 'Le code ne doit contenir que des chiffres.' });
    expect(checkPin('')).toEqual({ ok: false, message: 'Le code ne doit contenir que des chiffres.' });
    expect(checkPin('４８２９').ok).toBe(false);
  });

  it('refuses trivial codes: repeated digit, runs, repeated patterns, the most common codes', () => {
    for (const pin of ['0000', '1111', '99999999', '1234', '12345678', '4321', '0123', '9876', '7890', '0987', '1212', '123123', '2580', '6969', '1122', '1004']) {
      expect(checkPin(pin), pin).toEqual({ ok: false, message: 'Ce code est trop facile à deviner. Choisissez-en un autre.' });
    }
  });
});
