import { afterEach, describe, expect, test } from 'vitest';
import { whenMarked } from '../../../src/app/pwa/whenMarked';

// Node's PerformanceObserver and performance.mark, as the browser's (User Timing Level 3).
const MARK = `escale-test-mark-${Math.random().toString(36).slice(2)}`;
const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

afterEach(() => performance.clearMarks(MARK));

describe('whenMarked: the service worker waits for the first sync, not forever', () => {
  test('runs once the mark is set, and only once when it is set again', async () => {
    let runs = 0;
    whenMarked(MARK, 5_000, () => runs++);
    await settle(20);
    expect(runs).toBe(0);
    performance.mark(MARK);
    await settle(20);
    expect(runs).toBe(1);
    performance.mark(MARK);
    await settle(20);
    expect(runs).toBe(1);
  });

  test('a mark set before the call counts (buffered)', async () => {
    performance.mark(MARK);
    let runs = 0;
    whenMarked(MARK, 5_000, () => runs++);
    await settle(20);
    expect(runs).toBe(1);
  });

  test('with no mark, runs after latestMs; with no mark name, at once', async () => {
    let late = 0;
    whenMarked(MARK, 30, () => late++);
    await settle(10);
    expect(late).toBe(0);
    await settle(60);
    expect(late).toBe(1);
    let now = 0;
    whenMarked(undefined, 5_000, () => now++);
    expect(now).toBe(1);
  });
});
