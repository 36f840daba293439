import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/app/replica/backoff';

describe('backoffDelay', () => {
  it('stays within [cap/2, cap] and under the maximum', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
      const cap = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** Math.min(attempt, 30));
      const d = backoffDelay(attempt, r);
      expect(d).toBeGreaterThanOrEqual(Math.floor(cap / 2));
      expect(d).toBeLessThanOrEqual(cap);
      expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    }));
  });
  it('grows exponentially then flattens', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(50, 1)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(backoffDelay(0, 0)).toBe(500);
  });
});
