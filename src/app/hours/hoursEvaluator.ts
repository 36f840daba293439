import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SchoolHolidayPeriod } from '../../shared/domain/territory';
import type { DaySchedule, NextPassages, OpeningStatus } from './hoursApi';
import { loadHoursApi, useHoursApi } from './useHoursApi';

type Holidays = readonly SchoolHolidayPeriod[];

/**
 * What the opening badges, the week tables and the bus passages ask of the opening hours: the hours module
 * itself (answers at once, on the main thread) or its twin in a worker (answers later).
 */
export interface HoursEvaluator {
  statusOf(value: string, now: Date, holidays?: Holidays): OpeningStatus | Promise<OpeningStatus>;
  passagesOf(value: string, now: Date, count: number, holidays?: Holidays): NextPassages | undefined | Promise<NextPassages | undefined>;
  weekOf(value: string, now: Date, holidays?: Holidays): DaySchedule[] | undefined | Promise<DaySchedule[] | undefined>;
}

export type HoursRequest =
  | { id: number; op: 'status'; value: string; at: Date; holidays?: Holidays }
  | { id: number; op: 'passages'; value: string; at: Date; count: number; holidays?: Holidays }
  | { id: number; op: 'week'; value: string; at: Date; holidays?: Holidays };
export type HoursAnswer = { id: number; result: unknown } | { id: number; error: string };

type Ask = { [K in HoursRequest['op']]: Omit<Extract<HoursRequest, { op: K }>, 'id'> }[HoursRequest['op']];

/** The hours module on the page, loaded on first use: the fallback when no worker runs. */
const IN_THREAD: HoursEvaluator = {
  statusOf: (...args) => loadHoursApi().then((api) => api.statusOf(...args)),
  passagesOf: (...args) => loadHoursApi().then((api) => api.passagesOf(...args)),
  weekOf: (...args) => loadHoursApi().then((api) => api.weekOf(...args)),
};

/**
 * The evaluator in a dedicated worker (hoursWorker.ts), so that neither the opening_hours
 * library's chunk (compiled and evaluated when it arrives) nor its first parses (its
 * tokenizer builds hundreds of regular expressions the first time: 150–300 ms at 4× CPU
 * in one task) run on the main thread. In production builds only (the unit tests run the
 * module in-thread, as does a browser without module workers). If the worker cannot start
 * (an error event), what it was asked and everything after is answered in-thread.
 */
function workerEvaluator(): HoursEvaluator {
  let worker: Worker | undefined = new Worker(new URL('./hoursWorker.ts', import.meta.url), { type: 'module', name: 'escale-hours' });
  let nextId = 1;
  const waiting = new Map<number, { ask: Ask; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const inThread = (ask: Ask) =>
    ask.op === 'status' ? IN_THREAD.statusOf(ask.value, ask.at, ask.holidays)
      : ask.op === 'week' ? IN_THREAD.weekOf(ask.value, ask.at, ask.holidays)
      : IN_THREAD.passagesOf(ask.value, ask.at, ask.count, ask.holidays);
  const giveUp = () => {
    worker?.terminate();
    worker = undefined;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      Promise.resolve(inThread(job.ask)).then(job.resolve, job.reject);
    }
  };
  worker.addEventListener('message', ({ data }: MessageEvent<HoursAnswer>) => {
    const job = waiting.get(data.id);
    if (!job) return;
    waiting.delete(data.id);
    if ('error' in data) job.reject(new Error(data.error));
    else job.resolve(data.result);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('Escale: the opening-hours worker failed; evaluating on the page', event.message);
    giveUp();
  });
  worker.addEventListener('messageerror', giveUp);
  const ask = <T,>(request: Ask): Promise<T> => {
    if (!worker) return Promise.resolve(inThread(request)) as Promise<T>;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { ask: request, resolve: resolve as (value: unknown) => void, reject });
      worker!.postMessage({ ...request, id });
    });
  };
  return {
    statusOf: (value, at, holidays) => ask<OpeningStatus>({ op: 'status', value, at, holidays }),
    passagesOf: (value, at, count, holidays) => ask<NextPassages | undefined>({ op: 'passages', value, at, count, holidays }),
    weekOf: (value, at, holidays) => ask<DaySchedule[] | undefined>({ op: 'week', value, at, holidays }),
  };
}

const useWorker = import.meta.env.PROD && typeof Worker === 'function';
const started = signal<HoursEvaluator | undefined>(undefined);

/**
 * The evaluator for badges and passages (public/hours/useSlicedHours.ts), or undefined
 * while it starts. Started after the screen has painted, as the hours chunk is.
 */
export function useHoursEvaluator(): HoursEvaluator | undefined {
  const module = useHoursApi(!useWorker);
  useEffect(() => {
    if (!useWorker || started.value) return;
    const timer = setTimeout(() => {
      if (started.peek()) return;
      try {
        started.value = workerEvaluator();
      } catch (error) {
        // Worker construction refused (a browser without module workers): in-thread.
        console.warn('Escale: no opening-hours worker; evaluating on the page', error);
        started.value = IN_THREAD;
      }
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return useWorker ? started.value : module;
}
