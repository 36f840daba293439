import { newOp, opOf, type RunNext, type Transition } from './transition';
import {
  MAX_LOOPS, TELL_EVERY_MS, type AfterSettle, type AheadPage, type PullPhase, type PullState, type StoreSlot,
} from './syncState';

// The pull half of a run (docs/sync.md, Pull), until `hasMore: false`, pipelined:
// - the next page is asked for as soon as a page arrives, and each page's schema checks
//   start when it arrives (`checkPage`), so the server, the network and the checks work
//   while IndexedDB writes the page before; up to two pages ahead (`AheadPage.next`): the
//   loop takes a page only once the page before is stored, and waiting for that to ask
//   for the next left the server and the link idle for a third of a first sync;
// - a page's transaction is opened once its records are checked, without waiting for the
//   previous page's to commit (IndexedDB runs them in order, and the main thread copies
//   this page's records meanwhile). Each checks that the cursor it was pulled `after` is
//   stored, so a page whose predecessor failed is aborted whole; a page whose transaction
//   ran before its predecessor's committed (`previousNotStored`) is stored again after it;
// - rows are handed on (`handOn`, the change feed) in page order, once committed: the
//   "settle" of the page before, which the loop waits for before the next answer;
// - the screens are told at the end and at most every 30 s during a pull: each telling
//   makes them read whole collections again, in read transactions the next page's write
//   waits behind (Chromium, 10,000 places: told once a second the reads of a first sync
//   added up to a fifth of its time or more). A whole directory is one page, told at once.
// A page that fails to store ends the pull when the loop reaches it; an answer asked for
// ahead is then dropped (its late events name an operation nobody waits for).

const pullRun = (pull: PullState): RunNext => ({ run: { step: 'pull', pull } });

export function beginPull(t: Transition, token: string | undefined): RunNext {
  const op = newOp(t);
  t.fx.push({ type: 'readCursor', op });
  const scope = token ? 'account' : `public:${t.config.territoryId}`;
  return pullRun({ token, scope, phase: { name: 'cursor', op }, resets: 0, toldAt: t.event.at, loops: 0, after: null });
}

/** Ask for the page after `cursor` (undefined: from zero). */
function request(t: Transition, pull: PullState, cursor: string | undefined): AheadPage {
  const op = newOp(t);
  t.fx.push({
    type: 'requestPage', op, token: pull.token,
    query: { ...(cursor ? { cursor } : {}), limit: t.config.pullLimit, ...(pull.token ? {} : { territory: t.config.territoryId }) },
  });
  return { op };
}

/** The page loop starts, at the stored cursor or from zero. */
function loopFrom(t: Transition, pull: PullState, cursor: string | undefined): RunNext {
  const started = { ...pull, toldAt: t.event.at, after: cursor ?? null };
  return nextTurn(t, { ...started, ahead: request(t, started, cursor) });
}

/** Top of the page loop: the answer asked for ahead. */
function nextTurn(t: Transition, pull: PullState): RunNext {
  if (pull.loops >= MAX_LOOPS) return settle(t, pull, { kind: 'end', outcome: 'retry' });
  return onAheadReady(t, { ...pull, loops: pull.loops + 1, phase: { name: 'answer' } });
}

/** undefined: the event is nothing the pull waits for (a late answer of an abandoned pull). */
export function onPullEvent(t: Transition, pull: PullState): RunNext | undefined {
  const e = t.event;
  const op = opOf(e);
  if (op === undefined) return undefined;
  const phase = pull.phase;
  if ((phase.name === 'cursor' || phase.name === 'scopeReset' || phase.name === 'answerReset') && op === phase.op) {
    if (e.type === 'failed') return { fail: e.error };
    if (e.type === 'cursorRead' && phase.name === 'cursor') {
      if (e.stored && e.stored.scope !== pull.scope) {
        const reset = newOp(t);
        t.fx.push({ type: 'resetReplica', op: reset });
        return pullRun({ ...pull, phase: { name: 'scopeReset', op: reset } });
      }
      return loopFrom(t, pull, e.stored?.cursor);
    }
    if (e.type === 'replicaReset') {
      t.fx.push({ type: 'notifyFeed' });
      if (phase.name === 'scopeReset') return loopFrom(t, pull, undefined);
      const fresh = { ...pull, after: null };
      return nextTurn(t, { ...fresh, ahead: request(t, fresh, undefined) });
    }
    return undefined;
  }
  const ahead = pageEvent(t, pull.ahead, op, pull);
  if (ahead) return onAheadReady(t, { ...pull, ahead });
  const afterAhead = pull.ahead?.next && pageEvent(t, pull.ahead.next, op);
  if (afterAhead) return pullRun({ ...pull, ahead: { ...pull.ahead!, next: afterAhead } });
  if (phase.name === 'checks') {
    const current = pageEvent(t, phase.ahead, op);
    if (current) return onChecked(t, { ...pull, phase: { ...phase, ahead: current } });
  }
  return onStoreEvent(t, pull, op);
}

/**
 * The page asked for ahead, with this event's news (undefined: not about it). `askNext`:
 * the pull whose next page this is; once it arrives, the page after it is asked for too.
 */
function pageEvent(t: Transition, page: AheadPage | undefined, op: number, askNext?: PullState): AheadPage | undefined {
  if (!page) return undefined;
  const e = t.event;
  if (op === page.op) {
    if (e.type === 'failed') return { ...page, failed: { error: e.error } };
    if (e.type !== 'pageAnswered') return undefined;
    const answer = e.answer;
    if (answer.kind !== 'ok' || 'reset' in answer.body) return { ...page, answer };
    // Checked as soon as it arrives, while the loop may still wait for the page before.
    const checkOp = newOp(t);
    t.fx.push({ type: 'checkPage', op: checkOp, changes: answer.body.changes });
    const next = askNext && answer.body.hasMore ? request(t, askNext, answer.body.cursor) : undefined;
    return { ...page, answer, checkOp, ...(next ? { next } : {}) };
  }
  if (op !== page.checkOp) return undefined;
  if (e.type === 'pageChecked') return { ...page, checked: e.checked };
  if (e.type === 'failed') return { ...page, checkFailed: { error: e.error } };
  return undefined;
}

/** In the 'answer' phase, go on once the page asked for ahead has answered. */
function onAheadReady(t: Transition, pull: PullState): RunNext {
  const ahead = pull.ahead;
  if (pull.phase.name !== 'answer' || !ahead || (!ahead.answer && !ahead.failed)) return pullRun(pull);
  if (ahead.failed) return { fail: ahead.failed.error };
  const res = ahead.answer!;
  if (res.kind === 'auth') return settle(t, pull, { kind: 'end', outcome: 'auth', authProblem: res.problem });
  if (res.kind !== 'ok') {
    const log = `[sync] pull failed, will retry: ${res.kind === 'retry' ? res.error : res.kind}`;
    return settle(t, pull, { kind: 'end', outcome: 'retry', log });
  }
  // Scope changed or cursor older than the tombstone horizon: start over. Never the outbox.
  if ('reset' in res.body) return settle(t, { ...pull, ahead: undefined }, { kind: 'reset' });
  const page = res.body;
  const next = page.hasMore ? (ahead.next ?? request(t, pull, page.cursor)) : undefined;
  return onChecked(t, { ...pull, ahead: next, phase: { name: 'checks', page, ahead: { ...ahead, next: undefined } } });
}

/** In the 'checks' phase, once the page's checks are done: open its transaction, then settle the page before. */
function onChecked(t: Transition, pull: PullState): RunNext {
  const phase = pull.phase;
  if (phase.name !== 'checks') return pullRun(pull);
  if (phase.ahead.checkFailed) return { fail: phase.ahead.checkFailed.error };
  const checked = phase.ahead.checked;
  if (!checked) return pullRun(pull);
  const op = newOp(t);
  const slot: StoreSlot = {
    op, page: phase.page, checked, after: pull.after, previous: pull.storing?.op, retried: false, status: 'storing',
  };
  t.fx.push({ type: 'storePage', op, scope: pull.scope, page: phase.page, checked, after: pull.after });
  return settle(t, { ...pull, after: phase.page.cursor }, { kind: 'started', slot });
}

/** Hand on the page stored before (if one waits), then go on with `then`. */
function settle(t: Transition, pull: PullState, then: AfterSettle): RunNext {
  if (!pull.storing) return afterSettle(t, pull, then);
  return onSettleReady(t, { ...pull, storing: undefined, phase: { name: 'settle', slot: pull.storing, then } });
}

function onSettleReady(t: Transition, pull: PullState): RunNext {
  const phase = pull.phase;
  if (phase.name !== 'settle') return pullRun(pull);
  const { slot } = phase;
  if (slot.status === 'failed') return { fail: slot.error };
  if (slot.status !== 'stored') return pullRun(pull);
  const last = !slot.page.hasMore;
  // A User Timing mark when the replica holds every page (the first-sync benchmark times up to it).
  if (last) t.fx.push({ type: 'markCaughtUp' });
  t.fx.push({ type: 'handOn', rows: slot.rows ?? [] });
  let toldAt = pull.toldAt;
  if (last || t.event.at - toldAt >= TELL_EVERY_MS) {
    toldAt = t.event.at;
    t.fx.push({ type: 'notifyFeed' });
  }
  return afterSettle(t, { ...pull, toldAt }, phase.then);
}

function afterSettle(t: Transition, pull: PullState, then: AfterSettle): RunNext {
  switch (then.kind) {
    case 'started': {
      const next = { ...pull, storing: then.slot };
      return then.slot.page.hasMore ? nextTurn(t, next) : settle(t, next, { kind: 'end', outcome: 'ok' });
    }
    case 'end':
      if (then.authProblem) t.s.authProblem = then.authProblem;
      if (then.log) t.fx.push({ type: 'log', message: then.log });
      return { end: then.outcome };
    case 'reset': {
      if (pull.resets + 1 > 3) return { end: 'retry' };
      const op = newOp(t);
      t.fx.push({ type: 'resetReplica', op });
      return pullRun({ ...pull, resets: pull.resets + 1, phase: { name: 'answerReset', op } });
    }
  }
}

// ---- the stores in flight

/** The slots whose store started and whose rows are not handed on: at most two. */
function slotsOf(pull: PullState): StoreSlot[] {
  const phase = pull.phase;
  const out: StoreSlot[] = [];
  if (phase.name === 'settle') {
    out.push(phase.slot);
    if (phase.then.kind === 'started') out.push(phase.then.slot);
  }
  if (pull.storing) out.push(pull.storing);
  return out;
}

/** The same pull with one slot replaced (wherever it is held). */
function withSlot(pull: PullState, slot: StoreSlot): PullState {
  const phase: PullPhase = pull.phase.name === 'settle'
    ? {
      ...pull.phase,
      slot: pull.phase.slot.op === slot.op ? slot : pull.phase.slot,
      then: pull.phase.then.kind === 'started' && pull.phase.then.slot.op === slot.op ? { kind: 'started', slot } : pull.phase.then,
    }
    : pull.phase;
  return { ...pull, phase, storing: pull.storing?.op === slot.op ? slot : pull.storing };
}

function storeAgain(t: Transition, slot: StoreSlot, scope: string): StoreSlot {
  t.fx.push({ type: 'storePage', op: slot.op, scope, page: slot.page, checked: slot.checked, after: slot.after });
  return { ...slot, status: 'storing', retried: true };
}

function onStoreEvent(t: Transition, pull: PullState, op: number): RunNext | undefined {
  const e = t.event;
  const slots = slotsOf(pull);
  const slot = slots.find((s) => s.op === op);
  if (!slot || slot.status !== 'storing') return undefined;
  let next = pull;
  if (e.type === 'pageStored') {
    next = withSlot(next, { ...slot, status: 'stored', rows: e.rows });
    // The page after it, whose transaction ran too early, is stored again now.
    const waiting = slots.find((s) => s.status === 'waitingPrevious' && s.previous === slot.op);
    if (waiting) next = withSlot(next, storeAgain(t, waiting, pull.scope));
  } else if (e.type === 'pageNotStored') {
    const before = slots.find((s) => s.op === slot.previous);
    if (!e.previousNotStored || slot.previous === undefined || slot.retried) {
      next = withSlot(next, { ...slot, status: 'failed', error: e.error });
    } else if (before?.status === 'storing' || before?.status === 'waitingPrevious') {
      next = withSlot(next, { ...slot, status: 'waitingPrevious' });
    } else if (before?.status === 'failed') {
      next = withSlot(next, { ...slot, status: 'failed', error: before.error });
    } else {
      // The page before is stored (or already handed on): store this one again.
      next = withSlot(next, storeAgain(t, slot, pull.scope));
    }
  } else if (e.type === 'failed') {
    next = withSlot(next, { ...slot, status: 'failed', error: e.error });
  } else {
    return undefined;
  }
  // A page before that fails takes the one waiting on it along.
  const failed = slotsOf(next).find((s) => s.op === op && s.status === 'failed');
  const waiting = failed && slotsOf(next).find((s) => s.status === 'waitingPrevious' && s.previous === op);
  if (failed && waiting) next = withSlot(next, { ...waiting, status: 'failed', error: failed.error });
  return onSettleReady(t, next);
}
