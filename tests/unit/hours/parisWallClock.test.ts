// Written to hold in any host zone: the suite is also run with TZ=UTC,
// TZ=America/New_York and TZ=Europe/Paris (see tzMatrix.test.ts).
import { describe, expect, it } from 'vitest';
import { fromParisWallClock, parisWallClock } from '../../../src/shared/hours/parisWallClock';

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
