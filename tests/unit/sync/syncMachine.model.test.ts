import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PullPage, SyncEffect, SyncEventBody } from '../../../src/app/sync/syncState';
import { CHECKED, Driver, page } from './support/machine';

// A model test of the pipelined pull: the machine against a simulated device and server
// where every answer (status reads, page requests, checks, page stores) comes back in an
// order fast-check chooses. A page's store succeeds only when the stored cursor is the one
// it was pulled after (as its transaction checks), so stores finishing out of order are
// "previous page not stored" and must be redone. Whatever the order: pages are stored and
// handed on in order, at most two stores and one request are in flight, one lock is taken
// and let go per run, and a store that fails stops the pull without a page skipped.

interface World {
  pages: PullPage[];
  /** The stored cursor (undefined: none). */
  cursor: string | undefined;
  stored: string[];
  handedOn: number;
  caughtUp: number;
  told: number;
  settled: string[];
  locks: number;
  /**
   * Effects waiting to be carried out, then their answers waiting to be delivered: a page's
   * transaction may run (and fail, its predecessor not yet committed) well before its
   * answer reaches the machine, after the predecessor's.
   */
  pending: Array<{ effect: SyncEffect } | { answer: SyncEventBody }>;
  failStores: Set<string>;
  maxStores: number;
  maxRequests: number;
}

function answerOf(w: World, e: SyncEffect): SyncEventBody | undefined {
  switch (e.type) {
    case 'refreshStatus':
      return e.tag ? { type: 'statusRefreshed', tag: e.tag } : undefined;
    case 'readAuth':
      return { type: 'authRead', op: e.op, token: undefined };
    case 'readCursor':
      return { type: 'cursorRead', op: e.op, stored: w.cursor === undefined ? undefined : { scope: 'public:civraisien-en-poitou', cursor: w.cursor } };
    case 'requestPage': {
      const i = e.query.cursor === undefined ? 0 : w.pages.findIndex((p) => p.cursor === e.query.cursor) + 1;
      return { type: 'pageAnswered', op: e.op, answer: { kind: 'ok', body: w.pages[i]! } };
    }
    case 'checkPage':
      return { type: 'pageChecked', op: e.op, checked: CHECKED };
    case 'storePage': {
      if ((e.after ?? undefined) !== w.cursor) return { type: 'pageNotStored', op: e.op, error: 'previous', previousNotStored: true };
      if (w.failStores.has(e.page.cursor)) return { type: 'pageNotStored', op: e.op, error: 'disk', previousNotStored: false };
      w.cursor = e.page.cursor;
      w.stored.push(e.page.cursor);
      return { type: 'pageStored', op: e.op, rows: [] };
    }
    default:
      return undefined;
  }
}

const ANSWERED = new Set<SyncEffect['type']>(['refreshStatus', 'readAuth', 'readCursor', 'requestPage', 'checkPage', 'storePage']);

/** Performs the effects the runner would do at once; the others wait in `pending`. */
function perform(w: World, d: Driver, effects: SyncEffect[]): void {
  for (const e of effects) {
    switch (e.type) {
      case 'acquireLock':
        w.locks++;
        perform(w, d, d.send({ type: 'lockAcquired' }));
        break;
      case 'releaseLock':
        w.locks--;
        perform(w, d, d.send({ type: 'lockReleased', jitter: 0.5 }));
        break;
      case 'handOn': w.handedOn++; break;
      case 'markCaughtUp': w.caughtUp++; break;
      case 'notifyFeed': w.told++; break;
      case 'settle': w.settled.push(e.outcome); break;
      default:
        if (ANSWERED.has(e.type) && !(e.type === 'refreshStatus' && !e.tag)) w.pending.push({ effect: e });
    }
  }
  const inFlight = (type: string) => w.pending.filter((p) => 'effect' in p && p.effect.type === type).length;
  w.maxStores = Math.max(w.maxStores, inFlight('storePage'));
  w.maxRequests = Math.max(w.maxRequests, inFlight('requestPage'));
}

function simulate(pageCount: number, order: number[], failAt: number | undefined, storedBefore: number) {
  const pages = Array.from({ length: pageCount }, (_, i) => page(i * 2, 2, i < pageCount - 1));
  const w: World = {
    pages, cursor: storedBefore > 0 ? pages[storedBefore - 1]!.cursor : undefined, stored: [], handedOn: 0, caughtUp: 0, told: 0,
    settled: [], locks: 0, pending: [], failStores: new Set(failAt === undefined ? [] : [pages[failAt]!.cursor]), maxStores: 0, maxRequests: 0,
  };
  const d = new Driver();
  perform(w, d, d.send({ type: 'syncAsked' }));
  let turn = 0;
  while (w.pending.length > 0 && turn < 500) {
    const [next] = w.pending.splice(order[turn % order.length]! % w.pending.length, 1);
    turn++;
    if ('answer' in next!) perform(w, d, d.send(next.answer));
    else w.pending.push({ answer: answerOf(w, next!.effect)! });
  }
  return { w, d, pages };
}

describe('sync machine, model: the pipelined pull in any order of answers', () => {
  it('stores and hands on every page in order, once, with bounded work in flight', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      (pageCount, order) => {
        const { w, d, pages } = simulate(pageCount, order, undefined, 0);
        expect(w.settled).toEqual(['ok']);
        expect(w.stored).toEqual(pages.map((p) => p.cursor));
        expect(w.handedOn).toBe(pageCount);
        expect(w.caughtUp).toBe(1);
        expect(w.told).toBeGreaterThanOrEqual(1);
        expect(w.locks).toBe(0);
        expect(w.maxStores).toBeLessThanOrEqual(2);
        expect(w.maxRequests).toBeLessThanOrEqual(1);
        expect(d.state).toMatchObject({ looping: false, syncing: false, failing: false });
      },
    ), { numRuns: 300 });
  });

  it('a page that fails to store: the pull stops there, no page after it is stored, nothing handed on past it', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
      fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      ([pageCount, failAt], order) => {
        const { w, d, pages } = simulate(pageCount, order, failAt, 0);
        expect(w.settled).toEqual(['retry']);
        expect(w.stored).toEqual(pages.slice(0, failAt).map((p) => p.cursor));
        expect(w.handedOn).toBeLessThanOrEqual(failAt);
        expect(w.caughtUp).toBe(0);
        expect(w.locks).toBe(0);
        expect(d.state).toMatchObject({ failing: true, attempt: 1, looping: false });
      },
    ), { numRuns: 300 });
  });

  it('resumes from the stored cursor', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (pageCount, order) => {
      const { w, pages } = simulate(pageCount, order, undefined, 1);
      expect(w.settled).toEqual(['ok']);
      expect(w.stored).toEqual(pages.slice(1).map((p) => p.cursor));
    }), { numRuns: 100 });
  });
});
