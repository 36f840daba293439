import { afterEach, describe, expect, test } from 'vitest';
import { formatDateTime, formatDay, formatHm, formatKm, formatTime } from '../../../src/app/i18n/format';
import { applyLanguage, lang } from '../../../src/app/i18n/i18n';

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

describe('Paris dates without Intl', () => {
  afterEach(() => void (lang.value = 'fr'));

  // formatTime, formatDay and formatDateTime spell Paris time from the summer-time rule
  // (no Intl.DateTimeFormat on the public screens' first tasks): same words as Intl.
  // The day and month names are in the public catalogue: applyLanguage loads the English.
  test.each(['fr', 'en'] as const)('match Intl.DateTimeFormat in %s, every 7 hours over 2024–2027 and around each clock change', async (language) => {
    await applyLanguage(language);
    const loc = language === 'en' ? 'en-GB' : 'fr-FR';
    const day = new Intl.DateTimeFormat(loc, { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });
    const dateTime = new Intl.DateTimeFormat(loc, { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    const instants: Date[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) instants.push(new Date(t));
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      for (let m = -90; m <= 90; m += 15) instants.push(new Date(Date.parse(change) + m * 60_000));
    }
    const differ = instants
      .map((at) => [at.toISOString(), formatDay(at), day.format(at), formatDateTime(at), dateTime.format(at), formatTime(at), formatHm(clock.format(at))])
      .filter(([, a, b, c, d, e, f]) => a !== b || c !== d || e !== f);
    expect(differ.slice(0, 5)).toEqual([]);
  });
});
