import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPage } from '../../../src/app/replica/applyPage';
import { rowKey } from '../../../src/app/replica/rowKey';
import type { ReplicaRow } from '../../../src/app/replica/rows';
import type { Change } from '../../../src/shared/sync/protocol';
import { del, put } from './support/fixtures';

/** Apply pages to an in-memory replica with the same pure function the Dexie store uses. */
function applyAll(replica: Map<string, ReplicaRow>, pages: Change[][]): Map<string, ReplicaRow> {
  const out = new Map(replica);
  for (const page of pages) for (const row of planPage(out, page).put) out.set(rowKey(row.collection, row.id), row);
  return out;
}

describe('planPage', () => {
  const page1 = [put('a', 1, 1), put('b', 1, 2)];
  const page2 = [put('a', 2, 3), del('b', 2, 4), put('c', 1, 5)];

  it('writes new rows and tombstones', () => {
    const replica = applyAll(new Map(), [page1, page2]);
    expect(replica.get('place/a')?.version).toBe(2);
    expect(replica.get('place/b')).toMatchObject({ version: 2, deleted: true });
    expect(replica.get('place/c')?.version).toBe(1);
  });

  it('is idempotent: the same page twice changes nothing (I7)', () => {
    const once = applyAll(new Map(), [page1, page2]);
    const plan = planPage(once, page2);
    expect(plan.put).toEqual([]);
    expect(plan.skipped).toBe(3);
    expect(applyAll(once, [page1, page2, page2])).toEqual(once);
  });

  it('ends in the same state whatever the page order after a reset (I7)', () => {
    const inOrder = applyAll(new Map(), [page1, page2]);
    expect(applyAll(new Map(), [page2, page1])).toEqual(inOrder);
    expect(applyAll(new Map(), [page2, page1, page2, page1])).toEqual(inOrder);
  });

  it('a late put never resurrects a tombstone', () => {
    const replica = applyAll(new Map(), [[del('b', 3, 9)], [put('b', 2, 4)]]);
    expect(replica.get('place/b')).toMatchObject({ deleted: true, version: 3 });
  });

  it('keeps the newest version when a page names a record twice', () => {
    const plan = planPage(new Map(), [put('a', 2, 3), put('a', 1, 1)]);
    expect(plan.put).toHaveLength(1);
    expect(plan.put[0]?.version).toBe(2);
  });

  it('quarantines a record that fails its schema and leaves the stored row', () => {
    const replica = applyAll(new Map(), [[put('a', 1, 1)]]);
    const plan = planPage(replica, [put('a', 2, 2, { id: 'a', name: 42 })]);
    expect(plan.put).toEqual([]);
    expect(plan.quarantine).toHaveLength(1);
    expect(plan.quarantine[0]).toMatchObject({ collection: 'place', id: 'a' });
  });

  it('property: any order and any repetition of the pages ends in the in-order state (I7)', () => {
    // A server history: each change bumps one of a few records; seq strictly increasing.
    const history = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), del: fc.boolean() }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(history, fc.integer({ min: 1, max: 5 }), fc.infiniteStream(fc.nat()), (steps, pageSize, order) => {
      const versions = new Map<string, number>();
      const changes = steps.map((s, i) => {
        const v = (versions.get(s.id) ?? 0) + 1;
        versions.set(s.id, v);
        return s.del ? del(s.id, v, i + 1) : put(s.id, v, i + 1);
      });
      const pages: Change[][] = [];
      for (let i = 0; i < changes.length; i += pageSize) pages.push(changes.slice(i, i + pageSize));
      const expected = applyAll(new Map(), pages);
      const it = order[Symbol.iterator]();
      const shuffled = [...pages, ...pages.filter(() => it.next().value! % 2 === 0)];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = it.next().value! % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(applyAll(new Map(), shuffled)).toEqual(expected);
    }), { numRuns: 200 });
  });
});
