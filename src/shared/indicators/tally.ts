import type { VisitLog } from '../domain/visitLog';

/** Visits (logs) and people helped (sum of participants) in one bucket. */
export interface Count {
  visits: number;
  people: number;
}

/**
 * Counts visits into buckets, every key of `keys` present (zeros included) in that
 * order, and any other key met appended after them in the order met. A visit counts
 * once under each key `keysOf` gives it: once per theme for a multi-theme visit.
 */
export function tally<K extends string>(
  visits: readonly VisitLog[],
  keys: readonly K[],
  keysOf: (visit: VisitLog) => readonly K[],
): Map<K, Count> {
  const counts = new Map<K, Count>(keys.map((k) => [k, { visits: 0, people: 0 }]));
  for (const visit of visits) {
    for (const key of new Set(keysOf(visit))) {
      const count = counts.get(key) ?? { visits: 0, people: 0 };
      count.visits += 1;
      count.people += visit.participants;
      counts.set(key, count);
    }
  }
  return counts;
}
