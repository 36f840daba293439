import { backoffDelay } from '../replica/backoff';
import type { StatusFacts } from '../replica/deriveStatus';
import { beginPull, onPullEvent } from './pullMachine';
import { beginPush, onPushEvent, type PushNext } from './pushMachine';
import type { CycleOutcome, SyncConfig, SyncEffect, SyncEvent, SyncState } from './syncState';
import type { RunNext, Transition } from './transition';

// The sync engine as a pure state machine: `step(state, event)` → the next state and the
// effects to perform, in order. Nothing here waits, reads a clock or touches the network
// or the database; syncEngine.ts does, and hands the results back as events.
//
// A run: the status is read (`syncing`), the push lock is taken, then, online only, the
// push (with a session) and the pull; the lock is let go, the timer armed (5 min after a
// success, backoff after a failure, none after an auth problem) and the status read again.
// syncNow() during a run asks for one more run after it; callers all get the last run's
// outcome (`settle`). Triggers: start(), `online` (the backoff starts over), the page
// becoming visible, the timer (a local write arms it 300 ms ahead), syncNow().

export interface StepResult {
  state: SyncState;
  effects: SyncEffect[];
}

export function step(state: SyncState, event: SyncEvent, config: SyncConfig): StepResult {
  const t: Transition = { s: { ...state }, fx: [], config, event };
  const s = t.s;
  switch (event.type) {
    case 'start':
      if (s.listening) break;
      s.listening = true;
      t.fx.push({ type: 'listen' });
      askForRun(t);
      break;
    case 'stop':
      if (s.timerArmed) t.fx.push({ type: 'clearTimer' });
      if (s.listening) t.fx.push({ type: 'unlisten' });
      s.listening = false;
      s.timerArmed = false;
      break;
    case 'online':
      s.attempt = 0;
      askForRun(t);
      break;
    case 'timerFired':
      s.timerArmed = false;
      askForRun(t);
      break;
    case 'syncAsked':
    case 'visible':
      askForRun(t);
      break;
    case 'localWrite':
      arm(t, config.afterWriteMs);
      t.fx.push({ type: 'refreshStatus' });
      break;
    case 'authCleared':
      delete s.authProblem;
      t.fx.push({ type: 'refreshStatus' });
      break;
    case 'offline':
    case 'storageChanged':
      t.fx.push({ type: 'refreshStatus' });
      break;
    default:
      onRunEvent(t);
  }
  return { state: t.s, effects: t.fx };
}

/** The facts of the status line this state knows (the runner adds the counts, the network, the disk). */
export function statusFactsOf(state: SyncState): Pick<StatusFacts, 'syncing' | 'failing' | 'authProblem'> {
  return { syncing: state.syncing, failing: state.failing, ...(state.authProblem ? { authProblem: state.authProblem } : {}) };
}

/** The timer, armed only between start() and stop(). */
function arm(t: Transition, ms: number): void {
  if (!t.s.listening) return;
  t.s.timerArmed = true;
  t.fx.push({ type: 'setTimer', ms });
}

function askForRun(t: Transition): void {
  t.s.asked = true;
  if (t.s.looping) return;
  t.s.looping = true;
  t.s.outcome = 'ok';
  nextRun(t);
}

/** Another run if one was asked for and the database is open; else the loop is over. */
function nextRun(t: Transition): void {
  const s = t.s;
  if (s.asked && t.event.dbOpen) {
    s.asked = false;
    s.syncing = true;
    s.run = { step: 'before' };
    t.fx.push({ type: 'refreshStatus', tag: 'before' });
    return;
  }
  s.looping = false;
  delete s.run;
  t.fx.push({ type: 'settle', outcome: s.outcome });
}

/** Let the lock go; the run's end comes with `lockReleased`. */
function release(t: Transition, outcome: CycleOutcome, error?: { error: unknown }): void {
  t.s.run = { step: 'release', outcome, ...(error ? { error } : {}) };
  t.fx.push({ type: 'releaseLock' });
}

function follow(t: Transition, next: RunNext | undefined): void {
  if (!next) return;
  if ('run' in next) t.s.run = next.run;
  else if ('end' in next) release(t, next.end);
  else release(t, 'retry', { error: next.fail });
}

function onRunEvent(t: Transition): void {
  const { s, event: e } = t;
  const run = s.run;
  if (!run) return;
  if (e.type === 'lockReleased' && run.step !== 'release' && run.step !== 'before' && run.step !== 'after') {
    // The lock manager failed (before or during the run): the run is over, its late answers ignored.
    return afterRun(t, 'retry', { error: e.error });
  }
  switch (run.step) {
    case 'before':
      if (e.type === 'statusRefreshed' && e.tag === 'before') {
        s.run = { step: 'lock' };
        t.fx.push({ type: 'acquireLock' });
      }
      return;
    case 'lock':
      if (e.type !== 'lockAcquired') return;
      if (!e.online) return release(t, 'offline');
      s.run = { step: 'auth', op: s.nextOp++ };
      t.fx.push({ type: 'readAuth', op: s.run.op });
      return;
    case 'auth':
      if (e.type === 'failed' && e.op === run.op) return release(t, 'retry', { error: e.error });
      if (e.type !== 'authRead' || e.op !== run.op) return;
      return follow(t, e.token !== undefined ? beginPush(t, e.token) : beginPull(t, undefined));
    case 'push': {
      const next: PushNext | undefined = onPushEvent(t, run.push);
      // Nothing left to push: the pull, with the same session.
      if (next && 'pushed' in next) return follow(t, beginPull(t, run.push.token));
      return follow(t, next);
    }
    case 'pull':
      return follow(t, onPullEvent(t, run.pull));
    case 'release':
      if (e.type !== 'lockReleased') return;
      return afterRun(t, e.error !== undefined ? 'retry' : run.outcome, e.error !== undefined ? { error: e.error } : run.error);
    case 'after':
      if (e.type === 'statusRefreshed' && e.tag === 'after') nextRun(t);
      return;
  }
}

/** The lock is let go: the outcome's timer, then the status read again. */
function afterRun(t: Transition, outcome: CycleOutcome, error: { error: unknown } | undefined): void {
  const s = t.s;
  if (error) t.fx.push({ type: 'warn', message: '[sync] run failed', error: error.error });
  s.syncing = false;
  if (outcome === 'ok') {
    s.attempt = 0;
    s.failing = false;
    delete s.authProblem;
    arm(t, t.config.periodicMs);
  } else if (outcome === 'retry' || outcome === 'offline') {
    s.failing = true;
    const jitter = t.event.type === 'lockReleased' ? t.event.jitter : 0;
    arm(t, backoffDelay(s.attempt++, jitter, t.config.backoff));
  }
  // 'auth': no timer; a new login (authCleared), `online` or syncNow try again.
  s.outcome = outcome;
  s.run = { step: 'after' };
  t.fx.push({ type: 'refreshStatus', tag: 'after' });
}
