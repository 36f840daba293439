import { describe, expect, test } from 'vitest';
import { pendingCount, waitingVisitIds } from '../../../src/shared/sync/pendingCount';

describe('pendingCount: what waits, in the words an aidant uses', () => {
  test('counts visits apart from sessions, network measures and corrections', () => {
    const entries = [
      { name: 'session.open@1', recordId: 's1' },
      { name: 'coverage.record@1', recordId: 'c1' },
      { name: 'visit.create@1', recordId: 'v1' },
      { name: 'visit.create@2', recordId: 'v2' },
      { name: 'visit.create@1', recordId: 'v3' },
      { name: 'correction.propose@1', recordId: 'k1' },
      { name: 'session.close@1', recordId: 's1' },
    ];
    expect(pendingCount(entries)).toEqual({ visits: 3, others: 4 });
    expect([...waitingVisitIds(entries)].sort()).toEqual(['v1', 'v2', 'v3']);
  });

  test('nothing waiting is zero and zero', () => {
    expect(pendingCount([])).toEqual({ visits: 0, others: 0 });
  });

  test('one visit named twice is one visit; an entry without its id still counts', () => {
    expect(pendingCount([
      { name: 'visit.create@1', recordId: 'v1' },
      { name: 'visit.create@2', recordId: 'v1' },
      { name: 'visit.create@1' },
    ])).toEqual({ visits: 2, others: 0 });
  });

  test('a mutation this version does not know is another item, never a visit', () => {
    expect(pendingCount([{ name: 'visit.archive@9', recordId: 'v1' }, { name: 'place.update@1', recordId: 'p1' }])).toEqual({ visits: 0, others: 2 });
  });
});
