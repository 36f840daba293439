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
 * first served, and once operations have run for SLICE_MS within one turn of the event
 * loop, the next one waits for `setImmediate`, so sockets are served at least that often.
 *
 * The slice is counted per loop turn, not per busy period. When Node reads a batch of
 * sockets in one poll phase, each request can find the queue empty and run to its answer
 * before the next socket is read: with a busy period per request, a batch of 36 pushes
 * (8 ms of PGlite each) ran as one 300–900 ms turn, new connections were accepted one per
 * turn, and the last ones waited past the clients' 10 s timeout (26–70 timeouts per push
 * run). A slice therefore opens when an operation finds the queue empty and no slice of
 * this turn is open; it stays open until the next check phase, so every request of one
 * batch draws on the same 20 ms. (A first version yielded whenever 20 ms had passed since
 * the last yield, so after any pause the next statement also waited a loop turn: under load
 * most cache-hit public pulls, one short statement each, paid a turn, 1,327 → 202 req/s.)
 */
const SLICE_MS = 20;

export function turnQueue(sliceMs = SLICE_MS): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let sliceStart = 0;
  // True from a slice's start until the next check phase (the end of this loop turn).
  let sliceOpen = false;
  const openSlice = () => {
    sliceStart = performance.now();
    if (sliceOpen) return;
    sliceOpen = true;
    setImmediate(() => {
      sliceOpen = false;
    });
  };
  const turn = (): Promise<void> | void => {
    if (performance.now() - sliceStart < sliceMs) return;
    return new Promise<void>((r) => setImmediate(() => {
      // Runs after the close scheduled by the slice that yielded: a fresh slice.
      sliceOpen = false;
      openSlice();
      r();
    }));
  };
  const settle = () => {
    waiting--;
  };
  return <T>(fn: () => Promise<T>): Promise<T> => {
    // Nothing queued or running and no slice in this turn: run at once.
    if (waiting++ === 0 && !sliceOpen) openSlice();
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
  // Counted inside the queue, as each operation ends, before the next one runs: a read
  // that starts after a write has ended sees a higher count (Database.writeCount).
  let writes = 0;
  const counted = <T>(run: () => Promise<T>) => async () => {
    try {
      return await run();
    } finally {
      writes++;
    }
  };
  return {
    kind: 'pglite',
    query: (sql, params, options) => exclusive(options?.pagesUnchanged ? () => base.query(sql, params) : counted(() => base.query(sql, params))),
    exec: (sql) => exclusive(counted(() => base.exec(sql))),
    transaction: async (fn) => {
      const result = await exclusive(counted(() => pg.transaction((tx) => fn(wrap(tx, prepared)))));
      analyze.wrote();
      return result;
    },
    writeCount: () => writes,
    close: async () => {
      await analyze.close();
      await exclusive(() => pg.close());
    },
  };
}
