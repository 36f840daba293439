import { describe, expect, test } from 'vitest';
import { fanOut } from '../../../src/app/map/fanOut';

describe('markers sharing a point are spread apart', () => {
  test('a place alone stays on its point', () => {
    expect(fanOut([{ lat: 46.1, lon: 0.3 }, { lat: 46.2, lon: 0.3 }])).toEqual([[0, 0], [0, 0]]);
  });

  test('two, three and four markers at one point are 44 px apart or more, the others untouched', () => {
    for (const n of [2, 3, 4]) {
      const places = [...Array.from({ length: n }, () => ({ lat: 46.141223, lon: 0.300987 })), { lat: 46.3, lon: 0.4 }];
      const offsets = fanOut(places);
      expect(offsets[n]).toEqual([0, 0]);
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const [ax, ay] = offsets[a]!;
          const [bx, by] = offsets[b]!;
          expect(Math.hypot(ax - bx, ay - by), `${n} markers: ${a} and ${b}`).toBeGreaterThanOrEqual(43);
        }
      }
    }
  });
});
