import type { CycleOutcome, RunState, SyncConfig, SyncEffect, SyncEvent, SyncState } from './syncState';

/**
 * One transition in the making: `s` is this transition's own shallow copy of the state
 * (its fields are set in place; nested objects are replaced, never changed), `fx` the
 * effects asked for so far, in order.
 */
export interface Transition {
  s: SyncState;
  fx: SyncEffect[];
  readonly config: SyncConfig;
  readonly event: SyncEvent;
}

/** A new operation id: its result event names it, so a late answer of an abandoned run is ignored. */
export function newOp(t: Transition): number {
  return t.s.nextOp++;
}

/** Where a part of a run (the push, the pull) goes after an event. */
export type RunNext =
  /** On to this step. */
  | { run: RunState }
  /** The cycle is over with this outcome. */
  | { end: CycleOutcome }
  /** The cycle threw (a database error, a failed store): retried with backoff, and warned. */
  | { fail: unknown };

/** The operation an event answers, if it is the answer to one. */
export function opOf(event: SyncEvent): number | undefined {
  return 'op' in event ? event.op : undefined;
}
