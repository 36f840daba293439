import { useEffect, useRef, useState } from 'preact/hooks';
import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import type { HoursEvaluator } from '../../hours/hoursEvaluator';

type Holidays = readonly SchoolHolidayPeriod[] | undefined;

/**
 * One opening-hours evaluation (a place's status, a stop's next passages), done off the
 * render path: `key` names what `evaluate` computes (it must not depend on anything else
 * than the key, the holidays and the time it is given).
 *
 * Why: the first evaluation of a value parses it with the opening_hours library (a few
 * milliseconds each on a phone). The home lists up to 100 places and the bus screen every
 * stop of the territory; evaluating them all in the render that follows the hours chunk's
 * arrival made one long task of 250 ms on the home and over a second on /bus at 4× CPU
 * (Lighthouse's Total Blocking Time). Here every component asks one shared queue, which
 * evaluates a slice at a time (SLICE_MS) and yields to the browser between slices; a
 * component renders again only when its own result is there.
 *
 * Results are kept per (key, school holidays, minute): opening hours change on whole
 * minutes, so a re-render within the same minute (a need chosen, a pulled page) reads the
 * kept result at once, and a later minute is evaluated again, as each render did before.
 * Until its first result a component is told `ready: false`; on a later minute it keeps the
 * result it had until the new one is there.
 */
export function useSlicedHours<T>(
  api: HoursEvaluator | undefined,
  key: string | undefined,
  now: () => Date,
  holidays: Holidays,
  evaluate: (api: HoursEvaluator, at: Date, holidays: Holidays) => T | Promise<T>,
): { ready: false } | { ready: true; value: T } {
  const at = now();
  const kept = api && key !== undefined ? keptResult<T>(key, holidays, at) : undefined;
  const last = useRef<{ key: string; value: T } | undefined>(undefined);
  const [, setDone] = useState(0);
  const missing = api !== undefined && key !== undefined && kept === undefined;
  const minute = minuteOf(at);
  useEffect(() => {
    if (!missing || !api || key === undefined) return;
    return enqueue({ run: (slot) => evaluate(api, slot, holidays), key, holidays, at: new Date(at), done: () => setDone((n) => n + 1) });
    // `at` and `evaluate` are new on every render: the key and the minute are what matter.
  }, [missing, api, key, holidays, minute]);
  if (kept && 'error' in kept) throw kept.error; // in the render, for the error boundary, as before
  if (kept) last.current = { key: key!, value: kept.value };
  if (kept) return { ready: true, value: kept.value };
  if (last.current && last.current.key === key) return { ready: true, value: last.current.value };
  return { ready: false };
}

/** Longest run of evaluations in one task, in milliseconds of the device's own time. */
const SLICE_MS = 8;
const NO_HOLIDAYS: readonly SchoolHolidayPeriod[] = [];
type Outcome = { value: unknown } | { error: unknown };
const results = new WeakMap<object, Map<string, { minute: number; outcome: Outcome }>>();

interface Job {
  /** A value, or a promise of it when the evaluator is the worker (hoursEvaluator.ts). */
  run: (at: Date) => unknown;
  key: string;
  holidays: Holidays;
  at: Date;
  done: () => void;
  cancelled?: boolean;
}

const queue: Job[] = [];
let pumping = false;

const minuteOf = (date: Date) => Math.floor(date.getTime() / 60_000);

function keptResult<T>(key: string, holidays: Holidays, at: Date): { value: T } | { error: unknown } | undefined {
  const hit = results.get(holidays ?? NO_HOLIDAYS)?.get(key);
  return hit && hit.minute === minuteOf(at) ? (hit.outcome as { value: T } | { error: unknown }) : undefined;
}

function keep(key: string, holidays: Holidays, at: Date, outcome: Outcome): void {
  const byHolidays = holidays ?? NO_HOLIDAYS;
  let byKey = results.get(byHolidays);
  if (!byKey) results.set(byHolidays, (byKey = new Map()));
  byKey.set(key, { minute: minuteOf(at), outcome });
}

function enqueue(job: Job): () => void {
  queue.push(job);
  if (!pumping) {
    pumping = true;
    nextTask(pump);
  }
  return () => void (job.cancelled = true);
}

function pump(): void {
  const start = performance.now();
  while (queue.length > 0 && performance.now() - start < SLICE_MS) {
    const job = queue.shift()!;
    if (job.cancelled) continue;
    if (keptResult(job.key, job.holidays, job.at)) {
      job.done();
      continue;
    }
    // Asked of the worker already, for this minute: wait for that answer, never ask twice.
    const asked = askedFor(job.key, job.holidays, job.at);
    if (asked) {
      void asked.then(() => job.cancelled || job.done());
      continue;
    }
    let value: unknown;
    try {
      value = job.run(job.at);
    } catch (error) {
      // Thrown again in its component's render (the error boundary shows it, as
      // before), never here where it would stop the other evaluations.
      keep(job.key, job.holidays, job.at, { error });
      job.done();
      continue;
    }
    if (isThenable(value)) {
      const answered = value.then(
        (result) => keep(job.key, job.holidays, job.at, { value: result }),
        (error: unknown) => keep(job.key, job.holidays, job.at, { error }),
      ).finally(() => forget(job.key, job.holidays));
      ask(job.key, job.holidays, job.at, answered);
      void answered.then(() => job.cancelled || job.done());
      continue;
    }
    keep(job.key, job.holidays, job.at, { value });
    job.done();
  }
  if (queue.length > 0) nextTask(pump);
  else pumping = false;
}

const isThenable = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

// Evaluations asked of the worker and not yet answered, per (key, school holidays, minute).
const asking = new WeakMap<object, Map<string, { minute: number; answered: Promise<void> }>>();
function askedFor(key: string, holidays: Holidays, at: Date): Promise<void> | undefined {
  const hit = asking.get(holidays ?? NO_HOLIDAYS)?.get(key);
  return hit && hit.minute === minuteOf(at) ? hit.answered : undefined;
}
function ask(key: string, holidays: Holidays, at: Date, answered: Promise<void>): void {
  const byHolidays = holidays ?? NO_HOLIDAYS;
  let byKey = asking.get(byHolidays);
  if (!byKey) asking.set(byHolidays, (byKey = new Map()));
  byKey.set(key, { minute: minuteOf(at), answered });
}
function forget(key: string, holidays: Holidays): void {
  asking.get(holidays ?? NO_HOLIDAYS)?.delete(key);
}

/** A new task (not a microtask), so the browser can paint and answer input in between. */
function nextTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (fn: () => void, options?: { priority: string }) => unknown } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run, { priority: 'user-visible' });
  else setTimeout(run, 0);
}
