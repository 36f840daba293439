import { describe, expect, it } from 'vitest';
import { parseHours, type Hours } from '../../../src/shared/hours/parseHours';
import { weekSchedule } from '../../../src/shared/hours/weekSchedule';

function hours(value: string): Hours {
  const parsed = parseHours(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.hours;
}

describe('weekSchedule', () => {
  it('gives Monday to Sunday of the Paris week, with today and the 14 July holiday', () => {
    const week = weekSchedule(hours('Mo-Fr 08:30-12:30,14:00-17:00; Sa 09:00-12:00; PH off'), new Date('2026-07-14T08:00:00Z'));
    expect(week.map((d) => d.date)).toEqual([
      '2026-07-13', '2026-07-14', '2026-07-15', '2026-07-16', '2026-07-17', '2026-07-18', '2026-07-19',
    ]);
    expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-07-14']);
    expect(week.filter((d) => d.isHoliday).map((d) => d.date)).toEqual(['2026-07-14']);
    expect(week[0]?.intervals).toEqual([
      { from: '08:30', to: '12:30', uncertain: false },
      { from: '14:00', to: '17:00', uncertain: false },
    ]);
    expect(week[1]?.intervals).toEqual([]);
    expect(week[5]?.intervals).toEqual([{ from: '09:00', to: '12:00', uncertain: false }]);
    expect(week[6]?.intervals).toEqual([]);
    expect(week.some((d) => d.unknownReason)).toBe(false);
  });

  it('takes the Paris week on Sunday night late UTC (already Monday in Paris)', () => {
    const week = weekSchedule(hours('Mo-Fr 08:00-12:00'), new Date('2026-07-19T22:30:00Z'));
    expect(week[0]).toMatchObject({ date: '2026-07-20', isToday: true });
  });

  it('shows wall-clock times on the DST day, and 24:00 for an interval to midnight', () => {
    const week = weekSchedule(hours('Mo-Su 08:00-20:00; Sa 18:00-24:00'), new Date('2026-03-27T12:00:00Z'));
    expect(week[6]).toMatchObject({ date: '2026-03-29', intervals: [{ from: '08:00', to: '20:00', uncertain: false }] });
    expect(week[5]?.intervals).toEqual([{ from: '18:00', to: '24:00', uncertain: false }]);
  });
});
