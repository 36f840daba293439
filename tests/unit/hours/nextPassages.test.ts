import { describe, expect, it } from 'vitest';
import { parseHours, type Hours } from '../../../src/shared/hours/parseHours';
import { nextPassages } from '../../../src/shared/hours/nextPassages';

function hours(value: string): Hours {
  const parsed = parseHours(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.hours;
}

const starts = (result: ReturnType<typeof nextPassages>) => result.passages.map((p) => p.start.toISOString());

describe('nextPassages', () => {
  const bus = hours('Tu[1,3] 09:30-12:00; PH off');

  it('gives the first and third Tuesdays of November 2026 at 09:30 Paris (08:30Z, CET)', () => {
    const result = nextPassages(bus, new Date('2026-11-01T00:00:00Z'), 2);
    expect(result.unknownFrom).toBeUndefined();
    expect(result.passages).toEqual([
      { start: new Date('2026-11-03T08:30:00Z'), end: new Date('2026-11-03T11:00:00Z'), uncertain: false },
      { start: new Date('2026-11-17T08:30:00Z'), end: new Date('2026-11-17T11:00:00Z'), uncertain: false },
    ]);
  });

  it('skips a Tuesday public holiday: 11 Nov 2025', () => {
    const weekly = hours('Tu 09:00-12:00; PH off');
    expect(starts(nextPassages(weekly, new Date('2025-11-03T00:00:00Z'), 3))).toEqual([
      '2025-11-04T08:00:00.000Z',
      '2025-11-18T08:00:00.000Z',
      '2025-11-25T08:00:00.000Z',
    ]);
  });

  it('skips a first Tuesday that is a public holiday: 1 Jan 2030', () => {
    // 2030-01-01 is a Tuesday, and the first one of the month.
    expect(starts(nextPassages(bus, new Date('2029-12-20T00:00:00Z'), 2))).toEqual([
      '2030-01-15T08:30:00.000Z',
      '2030-02-05T08:30:00.000Z',
    ]);
  });

  it('keeps summer-time passages at 09:30 Paris (07:30Z)', () => {
    expect(starts(nextPassages(bus, new Date('2026-06-01T00:00:00Z'), 2))).toEqual([
      '2026-06-02T07:30:00.000Z',
      '2026-06-16T07:30:00.000Z',
    ]);
  });

  it('gives a passage under way from `from` to its end', () => {
    const result = nextPassages(bus, new Date('2026-11-03T10:00:00Z'), 1);
    expect(result.passages[0]).toEqual({
      start: new Date('2026-11-03T10:00:00Z'),
      end: new Date('2026-11-03T11:00:00Z'),
      uncertain: false,
    });
  });

  it('stops at the horizon', () => {
    expect(nextPassages(bus, new Date('2026-11-01T00:00:00Z'), 10, 20).passages).toHaveLength(2);
  });
});
