import type { Change, Mutation, PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { BackoffOptions } from '../replica/backoff';
import type { CheckedChanges } from '../replica/applyPage';
import type { GapPlan } from '../replica/outboxRules';
import type { ReplicaRow } from '../replica/rows';
import type { AuthProblem, HttpOutcome, PulledResponse } from './syncHttp';

// The sync engine's vocabulary: its state, the events it takes and the effects it asks
// for. syncMachine.ts (with pushMachine.ts and pullMachine.ts) turns a state and an event
// into the next state and a list of effects, without doing anything; syncEngine.ts
// performs the effects and hands their results back as events. Plain data all through,
// so a transition is a fixture: tests/unit/sync/syncMachine.test.ts.

/** A pull answer that is a page (not `{reset: true}`), with its JSON text as it came. */
export type PullPage = Extract<PulledResponse, { changes: unknown }>;

/** How a run ended: pushed and pulled, to retry with backoff, stopped on the session, or not tried. */
export type CycleOutcome = 'ok' | 'retry' | 'auth' | 'offline';

export interface SyncConfig {
  /** Territory a public device pulls (`?territory=`). */
  territoryId: string;
  pullLimit: number;
  /** Sync again this long after a success (ms). */
  periodicMs: number;
  /** Wait this long after a local write before pushing, to group quick writes (ms). */
  afterWriteMs: number;
  backoff: BackoffOptions;
  /** A shared tablet (`tokenFor`): each request carries one author's run of entries, with their token. */
  byAuthor: boolean;
}

/** Of a run: the page loop and the push loop each stop after this many turns (never met in practice). */
export const MAX_LOOPS = 10_000;
/** During a pull the screens are told at most this often; at its end, always (see pullMachine.ts). */
export const TELL_EVERY_MS = 30_000;

/** What the runner saw as it handed an event over: the clock, `navigator.onLine`, the database. */
export interface Seen {
  /** Epoch ms. */
  at: number;
  online: boolean;
  dbOpen: boolean;
}

/** The two status reads a run waits for: before it takes the lock, and after it released it. */
export type RefreshTag = 'before' | 'after';

/** Results of the effects that do I/O, each naming the operation (`op`) it answers. */
export type SyncResult =
  /** undefined: no session (a public device); a session pushes, then pulls its scope. */
  | { type: 'authRead'; op: number; token: string | undefined }
  | { type: 'clientIdRead'; op: number; clientId: string }
  | { type: 'batchTaken'; op: number; batch: Mutation[]; author: string | undefined }
  | { type: 'tokenFound'; op: number; token: string | undefined }
  | { type: 'pushAnswered'; op: number; answer: HttpOutcome<PushResponse> }
  | { type: 'pushStored'; op: number; removed: number }
  | { type: 'gapStored'; op: number; plan: GapPlan }
  | { type: 'cursorRead'; op: number; stored: { scope: string; cursor: string } | undefined }
  | { type: 'replicaReset'; op: number }
  | { type: 'pageAnswered'; op: number; answer: HttpOutcome<PulledResponse> }
  | { type: 'pageChecked'; op: number; checked: CheckedChanges }
  | { type: 'pageStored'; op: number; rows: ReplicaRow[] }
  /** `previousNotStored`: its transaction found the page before it not stored (yet). */
  | { type: 'pageNotStored'; op: number; error: unknown; previousNotStored: boolean }
  /** Any other operation that threw (a database read, getAuth, tokenFor…). */
  | { type: 'failed'; op: number; error: unknown };

export type SyncEventBody =
  | { type: 'start' }
  | { type: 'stop' }
  /** syncNow(): push then pull now (during a run: one more run after it). */
  | { type: 'syncAsked' }
  | { type: 'localWrite' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'visible' }
  | { type: 'storageChanged' }
  /** A new login: forget the auth problem. */
  | { type: 'authCleared' }
  | { type: 'timerFired' }
  | { type: 'statusRefreshed'; tag: RefreshTag }
  | { type: 'lockAcquired' }
  /** `jitter` in [0, 1) for the backoff; `error` when the lock manager itself failed. */
  | { type: 'lockReleased'; jitter: number; error?: unknown }
  | SyncResult;

export type SyncEvent = SyncEventBody & Seen;

/** The query of a pull request (GET /api/sync/pull). */
export interface PageQuery {
  cursor?: string;
  limit: number;
  territory?: string;
}

export type SyncEffect =
  /** Subscribe to online, offline, visible and the storageFull signal; `unlisten` undoes it. */
  | { type: 'listen' }
  | { type: 'unlisten' }
  /** (Re)arm the one timer (an armed one is replaced); when it fires: `timerFired`. */
  | { type: 'setTimer'; ms: number }
  | { type: 'clearTimer' }
  /** Read the counts and write the status signal (with the state as it is then); a tag asks for `statusRefreshed`. */
  | { type: 'refreshStatus'; tag?: RefreshTag }
  /** The loop of runs is over: syncNow() callers get this outcome. */
  | { type: 'settle'; outcome: CycleOutcome }
  /** Ask for the push lock (Web Locks); `lockAcquired`, then `lockReleased` once `releaseLock` let it go. */
  | { type: 'acquireLock' }
  | { type: 'releaseLock' }
  | { type: 'log'; message: string }
  | { type: 'warn'; message: string; error: unknown }
  /** Tell the screens; `collections`: what the change touched, when known (a push: its mutations' collections). */
  | { type: 'notifyFeed'; collections?: string[] }
  /** onPageStored: the rows of a committed page (the readers' parse cache). */
  | { type: 'handOn'; rows: ReplicaRow[] }
  /** performance.mark(CAUGHT_UP_MARK): the replica holds every page. */
  | { type: 'markCaughtUp' }
  | { type: 'readAuth'; op: number }
  | { type: 'readClientId'; op: number }
  /** Read the next batch and mark it taken, in one transaction. */
  | { type: 'takeBatch'; op: number; size: number; byAuthor: boolean }
  | { type: 'findToken'; op: number; author: string }
  | { type: 'sendPush'; op: number; token: string; clientId: string; batch: Mutation[] }
  | { type: 'storePushAnswer'; op: number; batch: Mutation[]; answer: PushResponse }
  | { type: 'storeGap'; op: number; expected: number }
  | { type: 'readCursor'; op: number }
  /** Clear the replicated rows and the cursor (never the outbox). */
  | { type: 'resetReplica'; op: number }
  /** With a token, the request also says how many changes wait (X-Escale-Pending). */
  | { type: 'requestPage'; op: number; token: string | undefined; query: PageQuery }
  | { type: 'checkPage'; op: number; changes: Change[] }
  /** Store a page and its cursor in one transaction, aborted unless the stored cursor is `after`. */
  | { type: 'storePage'; op: number; scope: string; page: PullPage; checked: CheckedChanges; after: string | null };

// ---- state

export interface PushState {
  token: string;
  clientId: string | undefined;
  /** The operation awaited. */
  op: number;
  loops: number;
  /** Answers that moved nothing (an answer covering nothing sent, a gap at the batch's start). */
  stuck: number;
  batch: Mutation[];
}

/** The page asked for ahead: in flight, then arrived and being checked. */
export interface AheadPage {
  op: number;
  answer?: HttpOutcome<PullResponse>;
  /** The request threw (not an HTTP failure: those are answers). */
  failed?: { error: unknown };
  checkOp?: number;
  checked?: CheckedChanges;
  checkFailed?: { error: unknown };
  /**
   * The page after this one, asked for as soon as this one arrived (its cursor is in it),
   * while the loop may still wait for the page before to commit: the server's and the
   * network's time then hides behind the device's. One deep: that page asks for none.
   */
  next?: AheadPage;
}

/** A page whose store was started and whose rows are not yet handed on. */
export interface StoreSlot {
  op: number;
  page: PullPage;
  checked: CheckedChanges;
  after: string | null;
  /** The slot whose store had not settled when this one started (its transaction may run after it). */
  previous: number | undefined;
  retried: boolean;
  status: 'storing' | 'waitingPrevious' | 'stored' | 'failed';
  rows?: ReplicaRow[];
  error?: unknown;
}

/** What to do once the page stored before is handed on. */
export type AfterSettle =
  /** A page's store was started: it becomes the one to settle next. */
  | { kind: 'started'; slot: StoreSlot }
  | { kind: 'end'; outcome: CycleOutcome; authProblem?: AuthProblem; log?: string }
  /** `{reset: true}`: clear the replica and pull from zero. */
  | { kind: 'reset' };

export type PullPhase =
  | { name: 'cursor'; op: number }
  /** The stored cursor is of another scope (public ↔ account): clearing. */
  | { name: 'scopeReset'; op: number }
  /** Top of the page loop: waiting for the page asked for ahead. */
  | { name: 'answer' }
  /** Waiting for the schema checks of `page`. */
  | { name: 'checks'; page: PullPage; ahead: AheadPage }
  | { name: 'settle'; slot: StoreSlot; then: AfterSettle }
  | { name: 'answerReset'; op: number };

export interface PullState {
  token: string | undefined;
  /** The device's idea of its scope (public:<territory> or account); the server checks the real one. */
  scope: string;
  phase: PullPhase;
  resets: number;
  toldAt: number;
  loops: number;
  /** The cursor the next page stored must follow (null: none stored). */
  after: string | null;
  ahead?: AheadPage;
  /** The last page whose store started, not yet handed on (`storing`). */
  storing?: StoreSlot;
}

export type RunState =
  | { step: 'before' }
  | { step: 'lock' }
  | { step: 'auth'; op: number }
  | { step: 'push'; push: PushState }
  | { step: 'pull'; pull: PullState }
  | { step: 'release'; outcome: CycleOutcome; error?: { error: unknown } }
  | { step: 'after' };

export interface SyncState {
  /** start() was called and not stop(): triggers are listened to, timers are armed. */
  listening: boolean;
  timerArmed: boolean;
  /** Failed runs in a row (the backoff's exponent); `online` sets it back to 0. */
  attempt: number;
  failing: boolean;
  authProblem?: AuthProblem;
  syncing: boolean;
  /** Entries per push; halved on a 413, kept for later runs. */
  batchSize: number;
  /** A run was asked for and has not started yet. */
  asked: boolean;
  /** Runs are going on (syncNow() callers wait for `settle`). */
  looping: boolean;
  /** The outcome of the loop's last run ('ok' when none ran). */
  outcome: CycleOutcome;
  run?: RunState;
  nextOp: number;
}

export function initialSyncState(batchSize: number): SyncState {
  return {
    listening: false, timerArmed: false, attempt: 0, failing: false, syncing: false,
    batchSize, asked: false, looping: false, outcome: 'ok', nextOp: 1,
  };
}
