import { afterEach, describe, expect, test } from 'vitest';
import { applyLanguage } from '../../../src/app/i18n/i18n';
import { placeCardText } from '../../../src/app/public/place/placeCardText';
import type { DaySchedule } from '../../../src/shared/hours/weekSchedule';
import { placeLike } from './support';

// The share card's text (what its QR code carries) in the interface language.

afterEach(() => applyLanguage('fr'));

const place = placeLike({ id: 'card', phone: '05 49 00 00 00' });
const tuesday: DaySchedule = {
  date: '2026-11-24', weekday: 2, isToday: true, isHoliday: false, intervals: [{ from: '09:00', to: '12:00', uncertain: false }],
};

describe('placeCardText', () => {
  test('in French: the phone and the days as before', () => {
    const lines = placeCardText(place, [tuesday]).split('\n');
    expect(lines).toContain('Tél. 05 49 00 00 00');
    expect(lines).toContain('mardi : 9\u00a0h\u00a0–\u00a012\u00a0h');
  });

  test('in English', async () => {
    await applyLanguage('en');
    const lines = placeCardText(place, [tuesday]).split('\n');
    expect(lines).toContain('Tel. 05 49 00 00 00');
    expect(lines).toContain('Tuesday: 9:00\u00a0–\u00a012:00');
  });
});
