import { describe, expect, it } from 'vitest';
import { planAfterPush, planGap, takeBatch } from '../../../src/app/replica/outboxRules';
import type { OutboxEntry } from '../../../src/app/replica/rows';

const entry = (id: number, size = 10): OutboxEntry => ({ id, name: 'visit.create@1', args: { pad: 'x'.repeat(size) }, createdAt: '2026-11-22T10:00:00Z' });

describe('takeBatch', () => {
  it('takes entries in id order, up to the count', () => {
    expect(takeBatch([entry(3), entry(1), entry(2)], 2).map((m) => m.id)).toEqual([1, 2]);
  });
  it('stops at the byte limit but always sends one', () => {
    expect(takeBatch([entry(1, 500), entry(2, 500)], 10, 600).map((m) => m.id)).toEqual([1]);
    expect(takeBatch([entry(1, 5000)], 10, 600).map((m) => m.id)).toEqual([1]);
  });
  it('never sends across a hole in the ids', () => {
    expect(takeBatch([entry(1), entry(2), entry(4)]).map((m) => m.id)).toEqual([1, 2]);
  });
  it('is empty for an empty outbox', () => {
    expect(takeBatch([])).toEqual([]);
  });
});

describe('planAfterPush', () => {
  const outbox = [entry(4), entry(5), entry(6)];
  it('removes only what lastMutationId covers and sorts the results', () => {
    const plan = planAfterPush(outbox, 5, [
      { id: 4, status: 'applied' },
      { id: 5, status: 'rejected', reason: { code: 'invalid_args', message: 'non' } },
    ]);
    expect(plan.remove).toEqual([4, 5]);
    expect(plan.applied).toEqual([4]);
    expect(plan.rejections.map((r) => r.id)).toEqual([5]);
  });
  it('ignores results for ids we no longer hold or that lastMutationId does not cover', () => {
    const plan = planAfterPush(outbox, 4, [{ id: 3, status: 'applied' }, { id: 6, status: 'applied' }]);
    expect(plan).toEqual({ remove: [4], applied: [], conflicts: [], rejections: [] });
  });
});

describe('planGap', () => {
  it('resends from expected when we hold it', () => {
    expect(planGap([entry(4), entry(5)], 5)).toEqual({ kind: 'resendFrom', expected: 5 });
  });
  it('renumbers when the server expects less than anything we hold (server reset)', () => {
    expect(planGap([entry(40), entry(41)], 1)).toEqual({ kind: 'renumber', expected: 1, mapping: [[40, 1], [41, 2]] });
  });
  it('has nothing to do when every entry is covered', () => {
    expect(planGap([entry(4)], 9)).toEqual({ kind: 'nothing' });
    expect(planGap([], 1)).toEqual({ kind: 'nothing' });
  });
});
