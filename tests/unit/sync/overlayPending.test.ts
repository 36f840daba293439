import { describe, expect, it } from 'vitest';
import { overlayPending, settledPendingEdits } from '../../../src/app/replica/overlayPending';
import type { PendingEdit, ReplicaRow } from '../../../src/app/replica/rows';

const row = (id: string, version: number, record: unknown = { id, v: version }, deleted = false): ReplicaRow =>
  ({ collection: 'place', id, version, seq: version, ...(deleted ? { deleted: true as const } : { record }) });
const edit = (mutationId: number, id: string, op: 'put' | 'delete', baseVersion: number, record?: unknown, status: PendingEdit['status'] = 'pending'): PendingEdit =>
  ({ mutationId, collection: 'place', id, op, baseVersion, status, ...(record ? { record } : {}) });

describe('overlayPending', () => {
  it('shows server rows when nothing is pending, tombstones hidden', () => {
    const out = overlayPending([row('a', 1), row('b', 2, undefined, true)], []);
    expect(out).toEqual([{ id: 'a', record: { id: 'a', v: 1 }, version: 1, pending: false }]);
  });

  it('lays the latest edit of a record over its row, with the version after it', () => {
    const out = overlayPending([row('a', 5)], [edit(8, 'a', 'put', 6, { id: 'a', v: 'second' }), edit(7, 'a', 'put', 5, { id: 'a', v: 'first' })]);
    expect(out).toEqual([{ id: 'a', record: { id: 'a', v: 'second' }, version: 7, pending: true }]);
  });

  it('a pending delete hides the row; a pending create appears after the rows', () => {
    const out = overlayPending([row('a', 1), row('b', 1)], [edit(3, 'c', 'put', 0, { id: 'c' }), edit(2, 'a', 'delete', 1)]);
    expect(out.map((v) => v.id)).toEqual(['b', 'c']);
    expect(out[1]).toMatchObject({ version: 1, pending: true });
  });
});

describe('settledPendingEdits', () => {
  const pending = [edit(1, 'a', 'put', 5, { id: 'a' }, 'applied'), edit(2, 'b', 'put', 1, { id: 'b' }), edit(3, 'c', 'put', 0, { id: 'c' }, 'applied')];
  it('drops applied edits once the row shows their version', () => {
    const versions: Record<string, number> = { a: 6, b: 9, c: 0 };
    expect(settledPendingEdits(pending, (e) => versions[e.id], undefined)).toEqual([1]);
  });
  it('drops every edit the pulled snapshot covers', () => {
    expect(settledPendingEdits(pending, () => undefined, 2)).toEqual([1, 2]);
  });
});
