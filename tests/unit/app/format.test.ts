import { afterEach, describe, expect, test } from 'vitest';
import { formatKm, formatTime } from '../../../src/app/i18n/format';
import { lang } from '../../../src/app/i18n/i18n';

describe('formatKm', () => {
  afterEach(() => void (lang.value = 'fr'));

  // formatKm spells distances without Intl below 1,000 km (the cold start's list): it must
  // give exactly what Intl.NumberFormat gives, half-way cases included (0.15 → "0,2").
  test.each(['fr', 'en'] as const)('matches Intl.NumberFormat in %s', (language) => {
    lang.value = language;
    const intl = (km: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
    const samples = [0, 0.05, 0.15, 0.35, 0.95, 1, 1.05, 1.15, 2.25, 9.94, 9.95, 9.96, 10, 10.5, 12.345, 99.5, 998.4, 999.49, 999.5, 1234.5, 25_000];
    for (let i = 0; i < 2_000; i++) samples.push(i / 97);
    for (const km of samples) expect(formatKm(km), String(km)).toBe(intl(km));
  });
});

describe('formatTime', () => {
  test('Paris time, whatever the host zone', () => {
    lang.value = 'fr';
    expect(formatTime(new Date('2026-01-15T08:30:00Z'))).toBe('9\u00a0h\u00a030');
    expect(formatTime(new Date('2026-07-15T08:00:00Z'))).toBe('10\u00a0h');
  });
});
