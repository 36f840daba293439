import { describe, expect, it } from 'vitest';
import { parseHours } from '../../../src/shared/hours/parseHours';
import { validateHours } from '../../../src/shared/hours/validateHours';

describe('parseHours / validateHours — invalid values are reported, never thrown', () => {
  it.each(['Mo-Fr 25:00-26:00', 'blah', '   ', 'Mo-Fr 08:00-12:00 "unclosed'])('rejects %j with a message', (value) => {
    const parsed = parseHours(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) throw new Error('unreachable');
    expect(parsed.error.length).toBeGreaterThan(0);
    expect(validateHours(value)).toEqual({ ok: false, error: parsed.error });
  });

  it('gives the library message, in French by default', () => {
    const parsed = parseHours('Mo-Fr 25:00-26:00');
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('25:00') });
    const english = parseHours('blah', { locale: 'en' });
    expect(english).toEqual({ ok: false, error: expect.stringContaining('Unexpected token') });
  });

  it('accepts a valid value, passing on the library warnings', () => {
    expect(validateHours('Mo-Fr 08:30-12:30; PH off')).toEqual({ ok: true, warnings: [] });
    const sloppy = validateHours('Mo-Fr 8-12');
    expect(sloppy.ok).toBe(true);
    if (sloppy.ok) expect(sloppy.warnings.length).toBeGreaterThan(0);
  });

  it('rejects a malformed school holiday calendar instead of ignoring a period', () => {
    expect(parseHours('Mo-Fr 08:00-12:00; SH off', { schoolHolidays: [{ from: '2027-02-30', to: '2027-03-01' }] }).ok).toBe(false);
    expect(parseHours('Mo-Fr 08:00-12:00; SH off', { schoolHolidays: [{ from: '2027-03-10', to: '2027-03-01' }] }).ok).toBe(false);
  });
});
