import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './Database';
import { preparedPglite } from './preparedPglite';

function wrap(conn: PGlite | Transaction, prepared: ReturnType<typeof preparedPglite>): Queryable {
  return {
    query: (sql, params = []) => prepared.query(sql, params, conn),
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/**
 * PGlite is one Postgres backend in-process: a single connection. It already runs every
 * query and transaction exclusively (its own mutex), so transactions are serialized and
 * the isolation level makes no difference; `pg_advisory_xact_lock` still works.
 * `dataDir` is a folder, or `memory://` for a throw-away database.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir));
}

/**
 * PGlite has no autovacuum daemon, so nothing would ever refresh the planner's statistics.
 * Without them PostgreSQL misjudges the pull's range scan on server_seq (it read every row
 * after the cursor and sorted them: a page of 100 places took 20 ms instead of 5 at 2,000
 * places). Like autovacuum's analyze, ANALYZE runs after writes: once they have been quiet
 * for QUIET_MS, or MAX_WAIT_MS after the first unanalysed one, and at most every MIN_GAP_MS.
 */
const QUIET_MS = 2_000;
const MAX_WAIT_MS = 60_000;
const MIN_GAP_MS = 30_000;

function autoAnalyze(exec: (sql: string) => Promise<unknown>): { wrote(): void; close(): Promise<void> } {
  let firstDirtyAt: number | undefined;
  let lastRun: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const run = () => {
    timer = undefined;
    if (closed || firstDirtyAt === undefined) return;
    firstDirtyAt = undefined;
    lastRun = Date.now();
    // Statistics only: a failure (the database closing) changes nothing.
    running = exec('ANALYZE').then(() => undefined, () => undefined).finally(() => { running = undefined; });
  };
  return {
    wrote() {
      if (closed) return;
      const now = Date.now();
      firstDirtyAt ??= now;
      const due = Math.max(
        Math.min(now + QUIET_MS, firstDirtyAt + MAX_WAIT_MS),
        lastRun === undefined ? 0 : lastRun + MIN_GAP_MS,
      );
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, due - now));
      timer.unref();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * PGlite runs each statement synchronously on the event loop (WebAssembly) and hands its
 * lock to the next waiter in a microtask, so a queue of 100 requests' statements ran as
 * one chain of microtasks: the event loop stalled for 1–2 s at a time (measured under the
 * server bench), reading no socket and sending nothing meanwhile, and the tail of
 * requests waited past the clients' 10 s timeout. Every operation on the connection
 * (statement, transaction, ANALYZE) goes through this FIFO queue instead: first come,
 * first served, and once operations have run back to back for SLICE_MS the next one starts
 * from `setImmediate`, so sockets are served at least that often.
 *
 * The slice is a busy period: it starts when an operation finds the queue empty, and that
 * operation runs at once. (A first version yielded whenever 20 ms had passed since the
 * last yield, so after any pause the next statement also waited a loop turn: under load
 * most cache-hit public pulls, one short statement each, paid a turn, 1,327 → 202 req/s.)
 */
const SLICE_MS = 20;

function turnQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let sliceStart = 0;
  const turn = (): Promise<void> | void => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    return new Promise<void>((r) => setImmediate(() => {
      sliceStart = performance.now();
      r();
    }));
  };
  const settle = () => {
    waiting--;
  };
  return <T>(fn: () => Promise<T>): Promise<T> => {
    // Nothing queued or running: a new busy period, no reason to wait.
    if (waiting++ === 0) sliceStart = performance.now();
    const run = tail.then(turn).then(fn);
    tail = run.then(settle, settle);
    return run;
  };
}

/** Wraps an already open PGlite (tests open theirs from a pre-migrated data-dir dump). */
export function wrapPglite(pg: PGlite): Database {
  const prepared = preparedPglite(pg);
  const base = wrap(pg, prepared);
  const exclusive = turnQueue();
  const analyze = autoAnalyze((sql) => exclusive(() => pg.exec(sql)));
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => base.query(sql, params)),
    exec: (sql) => exclusive(() => base.exec(sql)),
    transaction: async (fn) => {
      const result = await exclusive(() => pg.transaction((tx) => fn(wrap(tx, prepared))));
      analyze.wrote();
      return result;
    },
    close: async () => {
      await analyze.close();
      await exclusive(() => pg.close());
    },
  };
}
