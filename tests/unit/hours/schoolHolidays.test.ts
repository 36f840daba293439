import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHours, type Hours, type ParseHoursOptions } from '../../../src/shared/hours/parseHours';
import { openingStatus } from '../../../src/shared/hours/openingStatus';
import { nextPassages } from '../../../src/shared/hours/nextPassages';
import { weekSchedule } from '../../../src/shared/hours/weekSchedule';
import { rewriteSchoolHolidays, usesSchoolHolidays } from '../../../src/shared/hours/rewriteSchoolHolidays';
import type { SchoolHoliday } from '../../../src/shared/hours/SchoolHoliday';

function hours(value: string, options?: ParseHoursOptions): Hours {
  const parsed = parseHours(value, options);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.hours;
}

// Test fixture shaped like a zone A school year (not the official calendar).
const calendar2027: SchoolHoliday[] = [
  { from: '2027-10-23', to: '2027-11-07', name: 'Toussaint' },
  { from: '2027-12-18', to: '2028-01-02', name: 'Noël' },
  { from: '2028-02-12', to: '2028-02-27', name: 'Hiver' },
  { from: '2028-04-08', to: '2028-04-23', name: 'Printemps' },
  { from: '2028-07-01', to: '2028-08-31', name: 'Été' },
];

const schoolRule = 'Mo-Fr 08:30-12:30; SH off';

describe('SH with the library bundled data (no calendar)', () => {
  const school = hours(schoolRule);
  // The library console.error()s its "not defined for the year" message before throwing.
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('knows the 2026 Toussaint holidays of Nouvelle-Aquitaine', () => {
    // Tuesday 2026-10-20, 10:00 Paris.
    expect(openingStatus(school, new Date('2026-10-20T08:00:00Z'))).toMatchObject({ state: 'closed' });
    expect(openingStatus(school, new Date('2026-11-03T09:00:00Z'))).toMatchObject({ state: 'open' });
  });

  it('answers "unknown" in 2028, where the library throws, instead of crashing or claiming open', () => {
    const status = openingStatus(school, new Date('2028-01-04T09:00:00Z'));
    expect(status).toEqual({ state: 'unknown', reason: expect.stringContaining('School holidays are not known from 2028-01-04') });
    expect(consoleError).toHaveBeenCalled();
  });

  it('answers "unknown" already from July 2027, where the bundled data stops', () => {
    expect(openingStatus(school, new Date('2027-09-14T08:00:00Z')).state).toBe('unknown');
  });

  it('gives the passages it knows and where knowledge stops', () => {
    const result = nextPassages(hours('Tu 09:00-12:00; SH off'), new Date('2027-06-01T00:00:00Z'), 10);
    expect(result.passages.map((p) => p.start.toISOString())).toEqual([
      '2027-06-01T07:00:00.000Z',
      '2027-06-08T07:00:00.000Z',
      '2027-06-15T07:00:00.000Z',
      '2027-06-22T07:00:00.000Z',
      '2027-06-29T07:00:00.000Z',
    ]);
    expect(result.unknownFrom).toBeInstanceOf(Date);
    expect(result.reason).toBeTruthy();
  });

  it('marks every day of a 2028 week as unknown', () => {
    const week = weekSchedule(school, new Date('2028-01-04T09:00:00Z'));
    expect(week.every((day) => day.unknownReason && day.intervals.length === 0)).toBe(true);
  });
});

describe('SH with a calendar from the territory data', () => {
  const school = hours(schoolRule, { schoolHolidays: calendar2027 });

  it('rewrites SH into dates and no longer depends on the bundled data', () => {
    expect(school.evaluatedValue).toBe(
      'Mo-Fr 08:30-12:30; 2027 Oct 23-2027 Nov 07,2027 Dec 18-2028 Jan 02,2028 Feb 12-2028 Feb 27,' +
        '2028 Apr 08-2028 Apr 23,2028 Jul 01-2028 Aug 31 off',
    );
    expect(school.schoolHolidays).toEqual({ kind: 'calendar', coverage: { from: '2027-10-23', to: '2028-08-31' } });
  });

  it('gives real answers in 2028', () => {
    expect(openingStatus(school, new Date('2028-01-04T09:00:00Z'))).toMatchObject({ state: 'open' });
    const holiday = openingStatus(school, new Date('2027-12-21T09:00:00Z'));
    expect(holiday).toMatchObject({ state: 'closed', opensToday: false });
    if (holiday.state !== 'closed') throw new Error('unreachable');
    // Dec 21 + 14 days reaches Monday 2028-01-03, 08:30 Paris.
    expect(holiday.opensAt?.toISOString()).toBe('2028-01-03T07:30:00.000Z');
  });

  it('says "unknown" outside the calendar coverage', () => {
    expect(openingStatus(school, new Date('2028-09-05T08:00:00Z')).state).toBe('unknown');
    expect(openingStatus(school, new Date('2027-09-14T08:00:00Z')).state).toBe('unknown');
  });

  it('does not look for an opening past the coverage end', () => {
    // Monday 2028-08-28, summer holidays; next school day is after the calendar.
    expect(openingStatus(school, new Date('2028-08-28T08:00:00Z'))).toEqual({ state: 'closed', opensToday: false });
    const result = nextPassages(school, new Date('2028-08-28T08:00:00Z'), 3);
    expect(result.passages).toEqual([]);
    expect(result.unknownFrom?.toISOString()).toBe('2028-08-31T22:00:00.000Z');
  });

  it('says "unknown" for any SH question when the calendar is empty', () => {
    const empty = hours(schoolRule, { schoolHolidays: [] });
    expect(openingStatus(empty, new Date('2026-10-20T08:00:00Z')).state).toBe('unknown');
  });

  it('leaves rules without SH alone', () => {
    const plain = hours('Mo-Fr 08:30-12:30; PH off', { schoolHolidays: calendar2027 });
    expect(plain.evaluatedValue).toBe('Mo-Fr 08:30-12:30; PH off');
    expect(openingStatus(plain, new Date('2030-01-08T09:00:00Z')).state).toBe('open');
  });

  it('splits PH,SH into two rules and honours both', () => {
    const both = hours('Mo-Fr 08:30-12:30; PH,SH off', { schoolHolidays: calendar2027 });
    expect(both.evaluatedValue).toMatch(/^Mo-Fr 08:30-12:30; PH off; 2027 Oct 23-2027 Nov 07,.* off$/);
    expect(openingStatus(both, new Date('2027-10-26T08:00:00Z')).state).toBe('closed'); // SH
    expect(openingStatus(both, new Date('2027-11-11T09:00:00Z')).state).toBe('closed'); // PH (Thursday)
    expect(openingStatus(both, new Date('2027-11-09T09:00:00Z')).state).toBe('open');
  });

  it('supports SH as a selector with its own times', () => {
    const holidayClub = hours('Mo-Fr 16:30-18:30; SH Mo-Fr 09:00-17:00', { schoolHolidays: calendar2027 });
    expect(openingStatus(holidayClub, new Date('2027-10-26T08:00:00Z')).state).toBe('open'); // 10:00, holidays
    expect(openingStatus(holidayClub, new Date('2027-11-09T09:00:00Z')).state).toBe('closed'); // 10:00, school
  });
});

describe('rewriteSchoolHolidays', () => {
  const one: SchoolHoliday[] = [{ from: '2027-10-23', to: '2027-11-07' }];

  it('ignores SH inside comments, including a comment with a ";"', () => {
    const value = 'Mo-Fr 08:00-12:00 "SH; fermé"; SH off';
    expect(usesSchoolHolidays('Mo 10:00-12:00 "pas SH"')).toBe(false);
    expect(rewriteSchoolHolidays(value, one)).toEqual({
      ok: true,
      value: 'Mo-Fr 08:00-12:00 "SH; fermé"; 2027 Oct 23-2027 Nov 07 off',
    });
  });

  it('splits weekday lists with an occurrence, and writes a one-day period as one date', () => {
    expect(rewriteSchoolHolidays('Tu[1,3],SH 09:30-12:00', [{ from: '2028-07-03', to: '2028-07-03' }])).toEqual({
      ok: true,
      value: 'Tu[1,3] 09:30-12:00; 2028 Jul 03 09:30-12:00',
    });
  });

  it('reports SH where it cannot be rewritten; parseHours then falls back with a warning', () => {
    expect(rewriteSchoolHolidays('Mo-Fr 08:00-12:00,SH off', one).ok).toBe(false);
  });
});
