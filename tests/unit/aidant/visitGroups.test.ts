import { describe, expect, test } from 'vitest';
import type { VisitLog } from '../../../src/shared/domain/visitLog';
import { dayBefore, groupVisits } from '../../../src/app/aidant/visitGroups';

const visit = (id: string, createdAt: string) => ({ id, createdAt }) as VisitLog;
const shape = (groups: ReturnType<typeof groupVisits>) =>
  groups.map((g) => [g.kind === 'today' ? g.part : `${g.date}${g.yesterday ? ' (hier)' : ''}`, g.visits.map((v) => v.id)]);

describe('the saved-visit list, grouped so this morning is found at a glance', () => {
  // Tuesday 1 December 2026, 16:00 in Paris (UTC+1).
  const now = new Date('2026-12-01T15:00:00Z');

  test('today by part of the day in Paris time, latest first, then each earlier day', () => {
    const visits = [
      visit('morning-early', '2026-11-30T23:30:00Z'), // 00:30 in Paris on the 1st: today, not yesterday
      visit('morning-late', '2026-12-01T10:59:00Z'), // 11:59
      visit('afternoon', '2026-12-01T11:00:00Z'), // 12:00
      visit('yesterday', '2026-11-30T22:59:00Z'), // 23:59 on the 30th
      visit('last-week', '2026-11-25T09:00:00Z'),
    ];
    expect(shape(groupVisits(visits, now, new Set()))).toEqual([
      ['afternoon', ['afternoon']],
      ['morning', ['morning-late', 'morning-early']],
      ['2026-11-30 (hier)', ['yesterday']],
      ['2026-11-25', ['last-week']],
    ]);
  });

  test('the evening starts at 18:00, in summer time too', () => {
    const summer = new Date('2026-07-01T18:00:00Z'); // 20:00 in Paris (UTC+2)
    const groups = groupVisits([visit('a', '2026-07-01T15:59:00Z'), visit('b', '2026-07-01T16:00:00Z')], summer, new Set());
    expect(shape(groups)).toEqual([['evening', ['b']], ['afternoon', ['a']]]);
  });

  test('a week back at most, except a visit still waiting', () => {
    const old = [visit('sent-old', '2026-11-20T09:00:00Z'), visit('waiting-old', '2026-11-19T09:00:00Z'), visit('edge', '2026-11-25T00:00:00Z')];
    expect(shape(groupVisits(old, now, new Set(['waiting-old'])))).toEqual([['2026-11-25', ['edge']], ['2026-11-19', ['waiting-old']]]);
  });

  test('a visit dated after today (a clock set wrong) shows with today, not hidden', () => {
    expect(shape(groupVisits([visit('future', '2026-12-03T08:00:00Z')], now, new Set()))).toEqual([['morning', ['future']]]);
  });

  test('dayBefore counts calendar days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-12-01', 6)).toBe('2026-11-25');
  });
});
