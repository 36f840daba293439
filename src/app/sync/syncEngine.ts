import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { DEFAULT_PULL_LIMIT, MAX_MUTATIONS_PER_PUSH } from '../../shared/sync/protocol';
import type { ChangeFeed } from '../data/changeFeed';
import type { SyncStatus } from '../data/contracts';
import type { EscaleDb, ReplicaRow } from '../data/db';
import type { FetchLike } from '../data/fetchLike';
import { readSyncCounts } from '../data/outboxStore';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../replica/backoff';
import { deriveStatus } from '../replica/deriveStatus';
import { CAUGHT_UP_MARK } from './caughtUpMark';
import { inProcessLocks, steadyNetwork, type LockManagerLike, type NetworkWatch, type Timers } from './environment';
import { createSyncIo } from './syncIo';
import { withDeadline } from './syncHttp';
import { statusFactsOf, step } from './syncMachine';
import { initialSyncState, type CycleOutcome, type SyncConfig, type SyncEffect, type SyncEventBody, type SyncState } from './syncState';

export type { CycleOutcome } from './syncState';

// The runner of the sync engine: it keeps the machine's state (syncMachine.ts), hands it
// each event with what it sees (the clock, navigator.onLine, whether the database is
// open), and performs the effects the machine asks for: timers, subscriptions, the push
// lock, the status signal, and the I/O of syncIo.ts, whose results come back as events.
// Events are handled one at a time, in order: one that arrives while the effects of
// another are being performed (a lock granted at once, a signal that calls back on
// subscribe) waits for them.

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

export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const env = environmentOf(o);
  const { db, network, status } = env;
  let state: SyncState = initialSyncState(o.pushBatchSize ?? MAX_MUTATIONS_PER_PUSH);
  /** Resolves syncNow() callers (and whenIdle) when the machine's loop of runs is over. */
  let loop: { promise: Promise<CycleOutcome>; resolve: (outcome: CycleOutcome) => void } | undefined;

  const dispatch = createDispatcher((body) => {
    const out = step(state, { ...body, at: env.now().getTime(), online: network.isOnline(), dbOpen: db.isOpen() }, env.config);
    state = out.state;
    loop ??= state.looping ? deferred<CycleOutcome>() : undefined;
    return out.effects;
  }, (effect) => perform(effect));
  const controls = createControls(env, o, dispatch);

  /** Performs one effect; a status read returns its promise. */
  function perform(effect: SyncEffect): Promise<void> | undefined {
    switch (effect.type) {
      case 'refreshStatus': {
        const read = refreshStatus();
        const tag = effect.tag;
        if (tag) void read.then(() => dispatch({ type: 'statusRefreshed', tag }));
        return read;
      }
      case 'settle': {
        const done = loop;
        loop = undefined;
        done?.resolve(effect.outcome);
        return;
      }
      case 'log':
        return void env.log(effect.message);
      case 'warn':
        return void console.warn(effect.message, effect.error);
      case 'notifyFeed':
        return void o.feed.notify(effect.collections);
      case 'handOn':
        return void o.onPageStored?.(effect.rows);
      case 'markCaughtUp':
        return void globalThis.performance?.mark?.(CAUGHT_UP_MARK);
      case 'listen':
      case 'unlisten':
      case 'setTimer':
      case 'clearTimer':
      case 'acquireLock':
      case 'releaseLock':
        return controls(effect);
      default:
        // An I/O effect: its result comes back as the event that names its operation.
        env.io(effect).then(
          (result) => dispatch(result),
          (error: unknown) => dispatch({ type: 'failed', op: effect.op, error }),
        );
        return;
    }
  }

  async function refreshStatus(): Promise<void> {
    if (!db.isOpen()) return;
    try {
      const counts = await readSyncCounts(db);
      // The machine's facts as they are now, after the read.
      status.value = deriveStatus({ online: network.isOnline(), ...statusFactsOf(state), ...counts, storageFull: o.storageFull?.value ?? false });
    } catch (err) {
      console.warn('[sync] could not read the status', err);
    }
  }

  return {
    status,
    syncNow() {
      loop ??= deferred<CycleOutcome>();
      const { promise } = loop;
      void dispatch({ type: 'syncAsked' });
      return promise;
    },
    afterLocalWrite: () => dispatch({ type: 'localWrite' }),
    start: () => void dispatch({ type: 'start' }),
    stop: () => void dispatch({ type: 'stop' }),
    refreshStatus,
    clearAuthProblem: () => void dispatch({ type: 'authCleared' }),
    async whenIdle() {
      while (loop) await loop.promise;
    },
  };
}

type Dispatch = (body: SyncEventBody) => Promise<void>;

/**
 * Events handled one at a time, in order: one that comes while the effects of another are
 * being performed (a lock granted at once, a signal that calls back on subscribe) waits for
 * them. The promise resolves once the status reads the event asked for are done.
 */
function createDispatcher(handle: (body: SyncEventBody) => SyncEffect[], perform: (effect: SyncEffect) => Promise<void> | undefined): Dispatch {
  const queue: Array<{ body: SyncEventBody; done: (reads: Promise<void>[]) => void }> = [];
  let draining = false;
  const drain = () => {
    draining = true;
    try {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const reads: Promise<void>[] = [];
        for (const effect of handle(item.body)) {
          try {
            const read = perform(effect);
            if (read) reads.push(read);
          } catch (error) {
            console.warn(`[sync] ${effect.type} failed`, error);
          }
        }
        item.done(reads);
      }
    } finally {
      draining = false;
    }
  };
  return (body) => {
    const performed = new Promise<Promise<void>[]>((done) => queue.push({ body, done }));
    if (!draining) drain();
    return performed.then((reads) => Promise.all(reads)).then(() => undefined);
  };
}

type ControlEffect = Extract<SyncEffect, { type: 'listen' | 'unlisten' | 'setTimer' | 'clearTimer' | 'acquireLock' | 'releaseLock' }>;

/** The triggers, the one timer and the push lock. */
function createControls(env: Environment, o: SyncEngineOptions, dispatch: Dispatch): (effect: ControlEffect) => undefined {
  const { timers, network } = env;
  let timer: unknown;
  let releaseLock: (() => void) | undefined;
  const unsubscribe: Array<() => void> = [];
  return (effect) => {
    switch (effect.type) {
      case 'listen':
        unsubscribe.push(
          network.onOnline(() => void dispatch({ type: 'online' })),
          network.onOffline(() => void dispatch({ type: 'offline' })),
          network.onVisible(() => void dispatch({ type: 'visible' })),
        );
        if (o.storageFull) unsubscribe.push(o.storageFull.subscribe(() => void dispatch({ type: 'storageChanged' })));
        return;
      case 'unlisten':
        for (const u of unsubscribe.splice(0)) u();
        return;
      case 'setTimer':
      case 'clearTimer':
        if (timer !== undefined) timers.clearTimeout(timer);
        timer = undefined;
        if (effect.type === 'setTimer') {
          timer = timers.setTimeout(() => {
            timer = undefined;
            void dispatch({ type: 'timerFired' });
          }, effect.ms);
        }
        return;
      case 'acquireLock':
        // Held until the machine lets it go (releaseLock), across the run's requests; every
        // request has a deadline, so a hung one never holds it.
        env.locks.request(env.lockName, () => new Promise<void>((release) => {
          releaseLock = release;
          void dispatch({ type: 'lockAcquired' });
        })).then(
          () => dispatch({ type: 'lockReleased', jitter: env.random() }),
          (error: unknown) => dispatch({ type: 'lockReleased', jitter: env.random(), error }),
        );
        return;
      case 'releaseLock': {
        const release = releaseLock;
        releaseLock = undefined;
        release?.();
        return;
      }
    }
  };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The options with their defaults, and the engine's I/O. */
function environmentOf(o: SyncEngineOptions) {
  const db = o.db;
  const now = o.now ?? (() => new Date());
  const timers: Timers = o.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as number) };
  const io = createSyncIo({
    db, fetch: withDeadline(o.fetch, timers, o.requestTimeoutMs ?? 60_000), baseUrl: o.baseUrl ?? '', getAuth: o.getAuth, now,
    guard: o.guardWrite ?? (<T>(write: () => Promise<T>) => write()),
    ...(o.tokenFor ? { tokenFor: o.tokenFor } : {}),
  });
  return {
    db, now, timers, io,
    random: o.random ?? Math.random,
    network: o.network ?? steadyNetwork,
    locks: o.locks ?? inProcessLocks,
    // One lock per origin in a browser (all tabs share the database); the in-process mutex is
    // keyed by database so that several simulated devices in one test do not wait on each other.
    lockName: o.lockName ?? (o.locks ? 'escale-push' : `escale-push:${db.name}`),
    status: o.status ?? signal<SyncStatus>({ kind: 'pending', pending: 0 }),
    log: o.log ?? ((message: string) => console.info(message)),
    config: configOf(o),
  };
}
type Environment = ReturnType<typeof environmentOf>;

function configOf(o: SyncEngineOptions): SyncConfig {
  return {
    territoryId: o.territoryId,
    pullLimit: o.pullLimit ?? DEFAULT_PULL_LIMIT,
    periodicMs: o.periodicMs ?? 5 * 60_000,
    afterWriteMs: o.afterWriteMs ?? 300,
    backoff: o.backoff ?? DEFAULT_BACKOFF,
    byAuthor: o.tokenFor !== undefined,
  };
}
