import { describe, expect, it } from 'vitest';
import { parseHours, type Hours, type ParseHoursOptions } from '../../../src/shared/hours/parseHours';
import { openingStatus } from '../../../src/shared/hours/openingStatus';

function hours(value: string, options?: ParseHoursOptions): Hours {
  const parsed = parseHours(value, options);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.hours;
}

// 10:00 Paris in July (CEST, UTC+2) is 08:00Z.
describe('openingStatus — public holidays', () => {
  const office = hours('Mo-Fr 08:30-12:30; PH off');

  it('is closed on 14 July 2026, a Tuesday and a public holiday', () => {
    const status = openingStatus(office, new Date('2026-07-14T08:00:00Z'));
    expect(status).toMatchObject({ state: 'closed', opensToday: false });
    if (status.state !== 'closed') throw new Error('unreachable');
    expect(status.opensAt?.toISOString()).toBe('2026-07-15T06:30:00.000Z');
  });

  it('is open on 15 July 2026 at 10:00 Paris, until 12:30 Paris', () => {
    const status = openingStatus(office, new Date('2026-07-15T08:00:00Z'));
    expect(status.state).toBe('open');
    if (status.state !== 'open') throw new Error('unreachable');
    expect(status.closesAt?.toISOString()).toBe('2026-07-15T10:30:00.000Z');
  });

  it('uses the Paris day, not the host one: 23:30Z on a Monday is already Tuesday in Paris', () => {
    const late = hours('Tu 00:00-02:00');
    expect(openingStatus(late, new Date('2026-07-13T22:30:00Z')).state).toBe('open');
  });
});

describe('openingStatus — DST', () => {
  const daily = hours('Mo-Su 08:00-20:00');

  it('is open at 2026-03-29T06:30Z (08:30 Paris, first day of CEST), closing 20:00 CEST = 18:00Z', () => {
    const status = openingStatus(daily, new Date('2026-03-29T06:30:00Z'));
    expect(status.state).toBe('open');
    if (status.state !== 'open') throw new Error('unreachable');
    expect(status.closesAt?.toISOString()).toBe('2026-03-29T18:00:00.000Z');
  });

  it('is closed at 2026-03-29T05:30Z (07:30 Paris) and opens at 06:00Z', () => {
    const status = openingStatus(daily, new Date('2026-03-29T05:30:00Z'));
    expect(status).toMatchObject({ state: 'closed', opensToday: true });
    if (status.state !== 'closed') throw new Error('unreachable');
    expect(status.opensAt?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('closes at 20:00 CET = 19:00Z on 2026-10-25', () => {
    const status = openingStatus(daily, new Date('2026-10-25T12:00:00Z'));
    if (status.state !== 'open') throw new Error(`expected open, got ${status.state}`);
    expect(status.closesAt?.toISOString()).toBe('2026-10-25T19:00:00.000Z');
  });
});

describe('openingStatus — next opening', () => {
  const office = hours('Mo-Fr 08:30-12:30,14:00-17:00');

  it('finds Monday morning from Friday evening, across the weekend', () => {
    // Friday 2026-06-12 18:00 Paris = 16:00Z.
    const status = openingStatus(office, new Date('2026-06-12T16:00:00Z'));
    expect(status).toMatchObject({ state: 'closed', opensToday: false });
    if (status.state !== 'closed') throw new Error('unreachable');
    expect(status.opensAt?.toISOString()).toBe('2026-06-15T06:30:00.000Z');
  });

  it('says it opens again today during the lunch break', () => {
    const status = openingStatus(office, new Date('2026-06-12T11:00:00Z')); // 13:00 Paris
    expect(status).toMatchObject({ state: 'closed', opensToday: true });
    if (status.state !== 'closed') throw new Error('unreachable');
    expect(status.opensAt?.toISOString()).toBe('2026-06-12T12:00:00.000Z');
  });

  it('leaves opensAt empty beyond the two-week horizon', () => {
    const rare = hours('Dec 25 10:00-12:00');
    expect(openingStatus(rare, new Date('2026-06-12T11:00:00Z'))).toEqual({ state: 'closed', opensToday: false });
  });

  it('reports "unknown" with the comment for an uncertain slot', () => {
    const maybe = hours('Mo-Fr 10:00-12:00 unknown "sur rendez-vous"');
    expect(openingStatus(maybe, new Date('2026-06-12T09:00:00Z'))).toEqual({ state: 'unknown', reason: 'sur rendez-vous' });
  });

  it('has no closing time for 24/7', () => {
    expect(openingStatus(hours('24/7'), new Date('2026-06-12T09:00:00Z'))).toEqual({ state: 'open' });
  });
});
