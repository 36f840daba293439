// Written to hold in any host zone: the suite is also run with TZ=UTC,
// TZ=America/New_York and TZ=Europe/Paris (see tzMatrix.test.ts).
import { describe, expect, it } from 'vitest';
import { fromParisWallClock, parisFields, parisWallClock, type ParisFields } from '../../../src/shared/hours/parisWallClock';

const fields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];

describe('parisWallClock', () => {
  it('gives the Paris wall clock in local fields, winter and summer', () => {
    expect(fields(parisWallClock(new Date('2026-01-15T09:00:00Z')))).toEqual([2026, 1, 15, 10, 0]);
    expect(fields(parisWallClock(new Date('2026-07-15T08:00:00Z')))).toEqual([2026, 7, 15, 10, 0]);
  });

  it('crosses the date line at Paris midnight, not at the host one', () => {
    expect(fields(parisWallClock(new Date('2026-12-31T23:30:00Z')))).toEqual([2027, 1, 1, 0, 30]);
  });

  it('follows the DST changes of 2026-03-29 and 2026-10-25', () => {
    expect(fields(parisWallClock(new Date('2026-03-29T00:59:00Z')))).toEqual([2026, 3, 29, 1, 59]);
    expect(fields(parisWallClock(new Date('2026-03-29T01:00:00Z')))).toEqual([2026, 3, 29, 3, 0]);
    expect(fields(parisWallClock(new Date('2026-10-25T00:30:00Z')))).toEqual([2026, 10, 25, 2, 30]);
    expect(fields(parisWallClock(new Date('2026-10-25T01:30:00Z')))).toEqual([2026, 10, 25, 2, 30]);
  });
});

describe('fromParisWallClock', () => {
  it('round-trips every quarter hour across both 2026 DST weekends', () => {
    for (const start of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z']) {
      for (let q = 0; q < 4 * 72; q++) {
        const instant = new Date(Date.parse(start) + q * 15 * 60_000);
        const back = fromParisWallClock(parisWallClock(instant));
        // The repeated autumn hour maps to its first occurrence (documented).
        const repeated = instant.toISOString() >= '2026-10-25T01:00' && instant.toISOString() < '2026-10-25T02:00';
        expect(back.getTime()).toBe(repeated ? instant.getTime() - 3_600_000 : instant.getTime());
      }
    }
  });

  it('reads a wall time in the spring gap like Date does (02:30 → 03:30 CEST)', () => {
    expect(fromParisWallClock(new Date(2026, 2, 29, 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('converts closing times on DST days', () => {
    expect(fromParisWallClock(new Date(2026, 2, 29, 20, 0)).toISOString()).toBe('2026-03-29T18:00:00.000Z');
    expect(fromParisWallClock(new Date(2026, 9, 25, 20, 0)).toISOString()).toBe('2026-10-25T19:00:00.000Z');
  });
});

describe('parisFields', () => {
  // Computed from the EU summer-time rule since 1996, not with Intl: it must agree with the
  // time-zone database hour by hour (and across every clock change) from 1996 to 2040.
  it('agrees with Intl for Europe/Paris every 61 minutes from 1990 to 2040', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    const spell = (f: ParisFields) => `${String(f.day).padStart(2, '0')}/${String(f.month).padStart(2, '0')}/${f.year}, ${[f.hour, f.minute, f.second].map((n) => String(n).padStart(2, '0')).join(':')}`;
    const differ: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 61 * 60_000) {
      const at = new Date(t);
      if (spell(parisFields(at)) !== intl.format(at)) differ.push(`${at.toISOString()}: ${spell(parisFields(at))} vs ${intl.format(at)}`);
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('throws on an invalid date, as Intl does', () => {
    expect(() => parisFields(new Date(NaN))).toThrow(RangeError);
  });
});
