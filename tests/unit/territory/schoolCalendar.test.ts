import { describe, expect, it } from 'vitest';
import { checkHours } from '../../../src/app/staff/schedule/hoursCheck';
import { openingStatus } from '../../../src/shared/hours/openingStatus';
import { parseHours } from '../../../src/shared/hours/parseHours';
import calendar from '../../../src/territories/civraisien-en-poitou/school-calendar.json';
import territory from '../../../src/territories/civraisien-en-poitou/territory.json';

// The school calendar behind `SH` (zone A, académie de Poitiers): every period carries
// its source and how sure it is; territory.json holds exactly its dated periods; what no
// source gives is listed « à confirmer », never guessed; and an hours rule with SH says,
// in the editor, where the calendar ends.

const CONFIDENCE = Object.keys(calendar.confidenceValues);
const end = calendar.periods.reduce((last, p) => (p.to > last ? p.to : last), '');

describe('school calendar of the Civraisien (zone A)', () => {
  it('names its zone, its académie, the day it was checked, and what each confidence means', () => {
    expect(calendar).toMatchObject({ zone: 'A', academie: 'Poitiers', territory: territory.id });
    expect(calendar.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CONFIDENCE).toEqual(['officiel', 'copie', 'à confirmer']);
  });

  it('every dated period has a school year, a source and a confidence that is not « à confirmer »', () => {
    for (const p of calendar.periods) {
      expect(p.schoolYear, p.name).toMatch(/^(\d{4})-(\d{4})$/);
      expect(CONFIDENCE.slice(0, 2), `${p.from} ${p.name}`).toContain(p.confidence);
      expect(p.source.length, p.name).toBeGreaterThan(40);
      expect(p.from <= p.to, p.name).toBe(true);
    }
  });

  it('territory.json (what the app reads SH against) is exactly the dated periods', () => {
    expect(territory.schoolHolidays).toEqual(calendar.periods.map(({ name, from, to }) => ({ name, from, to })));
  });

  it('covers the school year 2026-2027 up to the summer holidays (Toussaint, Noël, hiver, printemps, Ascension, fin des cours)', () => {
    const year = calendar.periods.filter((p) => p.schoolYear === '2026-2027');
    expect(year.map((p) => [p.from, p.to])).toEqual([
      ['2026-10-18', '2026-11-01'], ['2026-12-20', '2027-01-03'], ['2027-02-14', '2027-02-28'],
      ['2027-04-11', '2027-04-25'], ['2027-05-06', '2027-05-09'], ['2027-07-03', '2027-07-03'],
    ]);
    expect(end).toBe('2027-07-03');
  });

  it('says plainly what it does not cover: the end of summer 2027 and the whole of 2027-2028, « à confirmer », without dates', () => {
    expect(calendar.notCovered.map((n) => [n.schoolYear, n.confidence])).toEqual([['2026-2027', 'à confirmer'], ['2027-2028', 'à confirmer']]);
    for (const n of calendar.notCovered) expect(n).not.toHaveProperty('from');
    expect(calendar.periods.some((p) => p.schoolYear === '2027-2028')).toBe(false);
  });

  it('past its end, SH is « unknown », never a guess; the editor’s check names the end', () => {
    const hours = parseHours('Mo-Fr 09:00-12:00; SH off', { schoolHolidays: territory.schoolHolidays });
    expect(hours.ok).toBe(true);
    if (!hours.ok) return;
    expect(openingStatus(hours.hours, new Date('2027-09-07T08:00:00Z'))).toMatchObject({ state: 'unknown' });
    expect(openingStatus(hours.hours, new Date('2026-12-08T09:00:00Z'))).toMatchObject({ state: 'open' });
    expect(checkHours('Mo-Fr 09:00-12:00; SH off', new Date('2026-12-07T09:00:00Z'), territory.schoolHolidays).schoolHolidaysUntil).toBe(end);
    expect(checkHours('Mo-Fr 09:00-12:00', new Date('2026-12-07T09:00:00Z'), territory.schoolHolidays).schoolHolidaysUntil).toBeUndefined();
    expect(checkHours('Mo-Fr 09:00-12:00; SH off', new Date('2026-12-07T09:00:00Z'), []).schoolHolidaysUntil).toBe('');
  });
});
