import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { DEFAULT_PULL_LIMIT, MAX_MUTATIONS_PER_PUSH } from '../../shared/sync/protocol';
import type { SyncStatus } from '../data/contracts';
import type { ChangeFeed } from '../data/changeFeed';
import { META, type EscaleDb, type ReplicaRow } from '../data/db';
import { PreviousPageNotStored, readCursor, resetReplica, storeGapAnswer, storePulledPage, storePushAnswer } from '../data/replicaStore';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../replica/backoff';
import { deriveStatus, type StatusFacts } from '../replica/deriveStatus';
import { inProcessLocks, steadyNetwork, type LockManagerLike, type NetworkWatch, type Timers } from './environment';
import { checkChanges } from '../replica/applyPage';
import { takeBatch } from '../replica/outboxRules';
import type { FetchLike } from '../data/fetchLike';
import { getPull, postPush, type AuthProblem } from './syncHttp';
import { CAUGHT_UP_MARK } from './caughtUpMark';

/** Who the device is on the server. undefined: a public device (pulls the directory only). */
export interface SyncAuth {
  token: string;
}

export interface SyncEngineOptions {
  db: EscaleDb;
  feed: ChangeFeed;
  fetch: FetchLike;
  /** '' for same-origin `/api`. */
  baseUrl?: string;
  /** Territory a public device pulls (`?territory=`). */
  territoryId: string;
  getAuth: () => SyncAuth | undefined | Promise<SyncAuth | undefined>;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  network?: NetworkWatch;
  /** `navigator.locks` when there is one; a realm-local mutex otherwise. */
  locks?: LockManagerLike;
  /** Name of the lock, per origin in a browser. */
  lockName?: string;
  /** Written by the engine; pass the app-wide signal to share it. */
  status?: Signal<SyncStatus>;
  storageFull?: ReadonlySignal<boolean>;
  pullLimit?: number;
  pushBatchSize?: number;
  /** Sync again this long after a success (ms). */
  periodicMs?: number;
  /** Wait this long after a local write before pushing, to group quick writes (ms). */
  afterWriteMs?: number;
  backoff?: BackoffOptions;
  /** Where retry notices go (console.info by default). */
  log?: (message: string) => void;
  /** Wraps the engine's database writes (quota errors → storageFull). */
  guardWrite?: <T>(write: () => Promise<T>) => Promise<T>;
  /** A request (answer body included) that takes longer is abandoned and retried (ms). */
  requestTimeoutMs?: number;
  /**
   * A shared tablet: the session token of the account that made an outbox entry
   * (`authorId`), so each aidant's changes reach the server under their own name. Entries
   * without an author, or whose author has no token here, go with `getAuth()`'s token.
   */
  tokenFor?: (authorId: string) => string | undefined | Promise<string | undefined>;
  /**
   * The rows a pull page wrote, once its transaction committed, their records already
   * checked with the shared schemas: the data layer seeds its parse cache with them so the
   * readers do not parse the same records a second time.
   */
  onPageStored?: (rows: readonly ReplicaRow[]) => void;
}

export type CycleOutcome = 'ok' | 'retry' | 'auth' | 'offline';

export interface SyncEngine {
  readonly status: ReadonlySignal<SyncStatus>;
  /** Push then pull now (one run at a time; a call during a run asks for one more run). */
  syncNow(): Promise<CycleOutcome>;
  /** A local write happened: refresh the status, push soon. */
  afterLocalWrite(): Promise<void>;
  /** Subscribe to the triggers (online, visible) and run a first sync. */
  start(): void;
  stop(): void;
  refreshStatus(): Promise<void>;
  /** Forget an auth problem (after a new login). */
  clearAuthProblem(): void;
  /** Resolves once no sync is running (tests, and a clean shutdown). */
  whenIdle(): Promise<void>;
}

const MAX_LOOPS = 10_000;

export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const db = o.db;
  const now = o.now ?? (() => new Date());
  const timers: Timers = o.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as number) };
  const random = o.random ?? Math.random;
  const network = o.network ?? steadyNetwork;
  const locks = o.locks ?? inProcessLocks;
  // One lock per origin in a browser (all tabs share the database); the in-process mutex is
  // keyed by database so that several simulated devices in one test do not wait on each other.
  const lockName = o.lockName ?? (o.locks ? 'escale-push' : `escale-push:${db.name}`);
  const status = o.status ?? signal<SyncStatus>({ kind: 'pending', pending: 0 });
  const pullLimit = o.pullLimit ?? DEFAULT_PULL_LIMIT;
  const periodicMs = o.periodicMs ?? 5 * 60_000;
  const afterWriteMs = o.afterWriteMs ?? 300;
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  let pushBatchSize = o.pushBatchSize ?? MAX_MUTATIONS_PER_PUSH;
  const log = o.log ?? ((message: string) => console.info(message));
  const guard = o.guardWrite ?? (<T>(write: () => Promise<T>) => write());
  const requestTimeoutMs = o.requestTimeoutMs ?? 60_000;

  /**
   * fetch with a deadline covering the whole answer. The push lock is held across requests,
   * so a request that never ends must not keep every tab from syncing.
   */
  const fetchWithDeadline: FetchLike = async (input, init) => {
    const controller = new AbortController();
    const handle = timers.setTimeout(() => controller.abort(), requestTimeoutMs);
    try {
      const res = await o.fetch(input, { ...init, signal: controller.signal });
      const body = await res.text();
      const noBody = res.status === 204 || res.status === 205 || res.status === 304;
      return new Response(noBody ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      timers.clearTimeout(handle);
    }
  };

  let syncing = false;
  let failing = false;
  let attempt = 0;
  let authProblem: AuthProblem | undefined;
  let timer: unknown;
  let stopped = true;
  let loop: Promise<CycleOutcome> | undefined;
  let dirty = false;
  const unsubscribe: Array<() => void> = [];

  async function refreshStatus(): Promise<void> {
    if (!db.isOpen()) return;
    try {
      const [pending, conflicts, rejections, synced] = await db.transaction('r', [db.outbox, db.conflicts, db.rejections, db.meta], () =>
        Promise.all([
          db.outbox.count(),
          db.conflicts.filter((c) => !c.resolvedAt).count(),
          db.rejections.filter((r) => !r.dismissedAt).count(),
          db.meta.get(META.lastSyncedAt),
        ]),
      );
      const facts: StatusFacts = {
        online: network.isOnline(), syncing, pending, conflicts, rejections, storageFull: o.storageFull?.value ?? false, failing,
        ...(authProblem ? { authProblem } : {}),
        ...(typeof synced?.value === 'string' ? { lastSyncedAt: new Date(synced.value) } : {}),
      };
      status.value = deriveStatus(facts);
    } catch (err) {
      console.warn('[sync] could not read the status', err);
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void syncNow();
    }, ms);
  }

  async function pushAll(token: string): Promise<CycleOutcome> {
    const clientId = (await db.meta.get(META.clientId))?.value;
    if (typeof clientId !== 'string') throw new Error('no clientId in meta');
    let stuck = 0;
    for (let i = 0; i < MAX_LOOPS; i++) {
      // Read the batch and mark it taken in ONE transaction, before sending: an entry the
      // server may have applied must not be edited in place any more (a queued visit's
      // correction checks `takenAt` in its own transaction).
      const { batch, author } = await guard(() => db.transaction('rw', db.outbox, async () => {
        const outbox = await db.outbox.orderBy('id').limit(pushBatchSize).toArray();
        // One author per request (their token); no author: the device's account.
        const first = outbox[0]?.authorId;
        const run = o.tokenFor ? outbox.slice(0, sameAuthorRun(outbox, first)) : outbox;
        const taken = takeBatch(run, pushBatchSize);
        const at = now().toISOString();
        const ids = new Set(taken.map((m) => m.id));
        for (const e of run) if (ids.has(e.id) && e.takenAt === undefined) await db.outbox.update(e.id, { takenAt: at });
        return { batch: taken, author: first };
      }));
      if (batch.length === 0) return 'ok';
      const authorToken = author !== undefined && o.tokenFor ? await o.tokenFor(author) : undefined;
      const res = await postPush(fetchWithDeadline, o.baseUrl ?? '', authorToken ?? token, clientId, batch);
      switch (res.kind) {
        case 'ok': {
          const { removed } = await guard(() => storePushAnswer(db, batch, res.body, now()));
          o.feed.notify();
          // An answer that covers nothing we sent and is not a gap: do not spin.
          if (removed === 0 && ++stuck > 2) return 'retry';
          break;
        }
        case 'gap': {
          const plan = await guard(() => storeGapAnswer(db, res.expected));
          o.feed.notify();
          if (plan.kind === 'resendFrom' && batch[0]?.id === res.expected && ++stuck > 2) return 'retry';
          break;
        }
        case 'tooLarge':
          if (batch.length === 1) return 'retry';
          pushBatchSize = Math.max(1, Math.floor(batch.length / 2));
          break;
        case 'auth':
          authProblem = res.problem;
          return 'auth';
        case 'retry':
          log(`[sync] push failed, will retry: ${res.error}`);
          return 'retry';
      }
    }
    return 'retry';
  }

  async function pullAll(token: string | undefined): Promise<CycleOutcome> {
    // The device's idea of its scope; the server checks the real one in the cursor.
    const scope = token ? 'account' : `public:${o.territoryId}`;
    const stored = await readCursor(db);
    let cursor = stored?.cursor;
    if (stored && stored.scope !== scope) {
      await resetReplica(db);
      o.feed.notify();
      cursor = undefined;
    }
    let resets = 0;
    const request = async (from: string | undefined) => {
      // Informational header only: a failed count must not fail a request asked for ahead.
      const pending = token ? await db.outbox.count().catch(() => undefined) : undefined;
      const res = await getPull(fetchWithDeadline, o.baseUrl ?? '', token, {
        ...(from ? { cursor: from } : {}), limit: pullLimit, ...(token ? {} : { territory: o.territoryId }),
      }, pending);
      // The records' schema checks start as soon as the page arrives: for a page asked for
      // ahead, that is while the page before it is still being written (the main thread is
      // partly idle then, waiting for IndexedDB). Read-only work: nothing is stored here.
      const checks = res.kind === 'ok' && !('reset' in res.body) ? checkChanges(res.body.changes) : undefined;
      // A failed check must not be an unhandled rejection while the answer waits its turn.
      checks?.catch(() => undefined);
      return { res, checks };
    };
    // The replica's readers (the screens) are told at the end of a pull and, during a long
    // one, every 30 s. Each telling makes them read whole collections again, in a read
    // transaction that holds the next page's write back until it ends, and reading costs
    // about a sixth of what writing the same rows did (Chromium, 10,000 places): told once
    // a second, or at any growing gap, the reads of a first sync added up to a fifth of its
    // time or more, and even one read after the first page held the second page back
    // 0.3-1.4 s on a busy machine. A whole directory is one page (2,000 records), told at once.
    let toldAt = now().getTime();
    const tell = (last: boolean) => {
      const t = now().getTime();
      if (!last && t - toldAt < 30_000) return;
      toldAt = t;
      o.feed.notify();
    };
    // A page's transaction is opened as soon as its records are checked, without waiting for
    // the previous page's to commit: IndexedDB runs them one after the other, and meanwhile
    // the main thread copies this page's records into it (a third of a page's time, that
    // otherwise nothing overlapped). Each page's transaction checks that the cursor it was
    // pulled after is stored (`after`), so a page whose predecessor failed is aborted whole.
    // Its rows are handed on (onPageStored, the change feed) in page order, once committed.
    type Stored = Awaited<ReturnType<typeof storePulledPage>>;
    let storing: { done: Promise<Stored>; hasMore: boolean } | undefined;
    const settle = async () => {
      if (!storing) return;
      const s = storing;
      storing = undefined;
      const stored = await s.done;
      // A User Timing mark when the replica holds every page (DevTools' performance panel
      // shows it; the first-sync benchmark times the sync up to it).
      if (!s.hasMore) globalThis.performance?.mark?.(CAUGHT_UP_MARK);
      o.onPageStored?.(stored.rows);
      tell(!s.hasMore);
    };
    let after: string | null = cursor ?? null;
    let next = request(cursor);
    for (let i = 0; i < MAX_LOOPS; i++) {
      const { res, checks } = await next;
      if (res.kind === 'auth') {
        await settle();
        authProblem = res.problem;
        return 'auth';
      }
      if (res.kind !== 'ok') {
        await settle();
        log(`[sync] pull failed, will retry: ${res.kind === 'retry' ? res.error : res.kind}`);
        return 'retry';
      }
      if ('reset' in res.body) {
        await settle();
        // Scope changed or cursor older than the tombstone horizon: start over. Never the outbox.
        if (++resets > 3) return 'retry';
        await resetReplica(db);
        o.feed.notify();
        after = null;
        next = request(undefined);
        continue;
      }
      const page = res.body;
      // The next page is asked for while this one is stored, so the server and the network
      // work while IndexedDB writes. Nothing is lost: the stored cursor still moves only with
      // its page, in one transaction, and a failed store drops the answer asked for ahead.
      next = page.hasMore ? request(page.cursor) : Promise.resolve({ res: { kind: 'retry', error: 'no next page' } as const, checks: undefined });
      // The checks end before the transaction opens (a yield inside it would commit it).
      const checked = await (checks ?? checkChanges(page.changes));
      const pageAfter = after;
      const previous = storing?.done;
      const store = () => guard(() => storePulledPage(db, scope, page, now(), Promise.resolve(checked), { after: pageAfter }));
      const done = store().catch(async (error: unknown) => {
        // The previous page's transaction was not over when this one ran (its careful
        // second try, after a page not newer than every row held): store it again after it.
        if (!(error instanceof PreviousPageNotStored) || !previous) throw error;
        await previous;
        return store();
      });
      // Awaited by settle(); a failure that ends the pull early must not be unhandled.
      done.catch(() => undefined);
      after = page.cursor;
      await settle();
      storing = { done, hasMore: page.hasMore };
      if (!page.hasMore) {
        await settle();
        return 'ok';
      }
    }
    await settle();
    return 'retry';
  }

  async function cycle(): Promise<CycleOutcome> {
    if (!network.isOnline()) return 'offline';
    const auth = await o.getAuth();
    if (auth) {
      const pushed = await pushAll(auth.token);
      if (pushed !== 'ok') return pushed;
    }
    const pulled = await pullAll(auth?.token);
    if (pulled !== 'ok') return pulled;
    // A write made during the pull waits for the next run, asked for by afterLocalWrite.
    return 'ok';
  }

  async function runOnce(): Promise<CycleOutcome> {
    syncing = true;
    await refreshStatus();
    let outcome: CycleOutcome;
    try {
      outcome = await locks.request(lockName, cycle);
    } catch (err) {
      console.warn('[sync] run failed', err);
      outcome = 'retry';
    }
    syncing = false;
    if (outcome === 'ok') {
      attempt = 0;
      failing = false;
      authProblem = undefined;
      schedule(periodicMs);
    } else if (outcome === 'retry' || outcome === 'offline') {
      failing = true;
      schedule(backoffDelay(attempt++, random(), backoff));
    }
    // 'auth': no timer; a new login (clearAuthProblem), `online` or syncNow try again.
    await refreshStatus();
    return outcome;
  }

  function syncNow(): Promise<CycleOutcome> {
    dirty = true;
    if (!loop) {
      loop = (async () => {
        let outcome: CycleOutcome = 'ok';
        try {
          while (dirty && db.isOpen()) {
            dirty = false;
            outcome = await runOnce();
          }
        } finally {
          loop = undefined;
        }
        return outcome;
      })();
    }
    return loop;
  }

  return {
    status,
    syncNow,
    afterLocalWrite() {
      schedule(afterWriteMs);
      return refreshStatus();
    },
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe.push(
        network.onOnline(() => { attempt = 0; void syncNow(); }),
        network.onOffline(() => { void refreshStatus(); }),
        network.onVisible(() => { void syncNow(); }),
      );
      if (o.storageFull) unsubscribe.push(o.storageFull.subscribe(() => { void refreshStatus(); }));
      void syncNow();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      for (const u of unsubscribe.splice(0)) u();
    },
    refreshStatus,
    clearAuthProblem() {
      authProblem = undefined;
      void refreshStatus();
    },
    async whenIdle() {
      while (loop) await loop.catch(() => undefined);
    },
  };
}

/** How many leading entries share the first one's author. */
function sameAuthorRun(outbox: ReadonlyArray<{ authorId?: string }>, author: string | undefined): number {
  const i = outbox.findIndex((e) => e.authorId !== author);
  return i === -1 ? outbox.length : i;
}
