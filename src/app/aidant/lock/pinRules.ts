// What makes a PIN acceptable. A PIN guards notes on a shared tablet against a passer-by;
// refusing the codes everyone tries first is most of what a PIN rule can do.

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

/**
 * Why a PIN is refused, as a stable reason and its facts; the gate screens word it
 * (../i18n/pinText.ts). No interface text here.
 */
export type PinRuleRefusal =
  | { ok: false; reason: 'pin-not-digits' }
  | { ok: false; reason: 'pin-length'; min: number; max: number }
  /** A repeated digit, a run, a repeated pattern or a common code. */
  | { ok: false; reason: 'pin-too-easy' };

export type PinCheck = { ok: true } | PinRuleRefusal;

/** Codes among the most tried that the generic rules below do not catch. */
const COMMON = new Set(['1212', '2580', '0852', '1004', '2000', '1122', '6969', '1313', '4545', '5683', '0007', '1010', '2468', '1357', '112233']);

export function checkPin(pin: string): PinCheck {
  if (!/^\d+$/.test(pin)) return { ok: false, reason: 'pin-not-digits' };
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
    return { ok: false, reason: 'pin-length', min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };
  }
  if (isTrivial(pin)) return { ok: false, reason: 'pin-too-easy' };
  return { ok: true };
}

/** Same digit (0000), a run up or down (1234, 9876, 7890), a repeated pattern (1212, 123123), or a common code. */
function isTrivial(pin: string): boolean {
  if (COMMON.has(pin)) return true;
  const d = [...pin].map(Number);
  // Steps taken modulo 10, so that 7890 and 0987 count as runs too.
  const steps = new Set(d.slice(1).map((x, i) => (x - d[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return true;
  for (let period = 1; period <= pin.length / 2; period++) {
    if (pin.length % period === 0 && pin.slice(0, period).repeat(pin.length / period) === pin) return true;
  }
  return false;
}
