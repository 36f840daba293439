import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/shared/sync/protocol';
import type { Seen, SyncEffect, SyncEventBody, SyncState } from '../../../src/app/sync/syncState';
import { CHECKED, CONFIG, Driver, page } from './support/machine';

// The sync engine's transitions as fixtures: given a state (reached by events from the
// start), an event → the expected effects, in order, and the state that matters after it.
// The runner that performs them is exercised by engine.test.ts and the *.server tests.

interface Case {
  name: string;
  given?: (d: Driver) => unknown;
  when: SyncEventBody | ((d: Driver) => SyncEventBody);
  seen?: Partial<Seen>;
  effects: SyncEffect[];
  state?: Partial<SyncState>;
}

const batch = (...ids: number[]): Mutation[] => ids.map((id) => ({ id, name: 'visit.create@1', args: { id: `v${id}` } }));

function check(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const d = new Driver();
      c.given?.(d);
      const body = typeof c.when === 'function' ? c.when(d) : c.when;
      expect(d.send(body, c.seen)).toEqual(c.effects);
      if (c.state) expect(d.state).toMatchObject(c.state);
    });
  }
}

describe('sync machine: triggers and the loop of runs', () => {
  check([
    {
      name: 'start: listen, then a run (the status is read first, syncing)',
      when: { type: 'start' },
      effects: [{ type: 'listen' }, { type: 'refreshStatus', tag: 'before' }],
      state: { listening: true, looping: true, syncing: true, run: { step: 'before' } },
    },
    { name: 'start twice: nothing more', given: (d) => d.send({ type: 'start' }), when: { type: 'start' }, effects: [] },
    {
      name: 'syncNow on a closed database: the loop ends at once, ok',
      when: { type: 'syncAsked' }, seen: { dbOpen: false },
      effects: [{ type: 'settle', outcome: 'ok' }],
      state: { looping: false, syncing: false },
    },
    {
      name: 'syncNow during a run: one more run is asked for, nothing else',
      given: (d) => d.running(), when: { type: 'syncAsked' }, effects: [], state: { asked: true },
    },
    {
      name: 'the status read before the run: the push lock is asked for',
      given: (d) => d.send({ type: 'syncAsked' }), when: { type: 'statusRefreshed', tag: 'before' },
      effects: [{ type: 'acquireLock' }], state: { run: { step: 'lock' } },
    },
    {
      name: 'the lock, online: the session is read',
      given: (d) => { d.send({ type: 'syncAsked' }); d.send({ type: 'statusRefreshed', tag: 'before' }); },
      when: { type: 'lockAcquired' }, effects: [{ type: 'readAuth', op: 1 }],
    },
    {
      name: 'the lock, offline: let go at once, outcome offline',
      given: (d) => { d.send({ type: 'syncAsked' }); d.send({ type: 'statusRefreshed', tag: 'before' }); },
      when: { type: 'lockAcquired' }, seen: { online: false },
      effects: [{ type: 'releaseLock' }], state: { run: { step: 'release', outcome: 'offline' } },
    },
    {
      name: 'a local write, started: the timer 300 ms ahead and the status',
      given: (d) => d.send({ type: 'start' }), when: { type: 'localWrite' },
      effects: [{ type: 'setTimer', ms: 300 }, { type: 'refreshStatus' }], state: { timerArmed: true },
    },
    { name: 'a local write, not started: the status only', when: { type: 'localWrite' }, effects: [{ type: 'refreshStatus' }] },
    {
      name: 'the timer fires: a run',
      given: (d) => { d.send({ type: 'start' }, { dbOpen: false }); d.send({ type: 'localWrite' }); },
      when: { type: 'timerFired' }, effects: [{ type: 'refreshStatus', tag: 'before' }], state: { timerArmed: false, looping: true },
    },
    {
      name: 'online: the backoff starts over, and a run',
      given: (d) => { d.state = { ...d.state, attempt: 4 }; },
      when: { type: 'online' }, effects: [{ type: 'refreshStatus', tag: 'before' }], state: { attempt: 0 },
    },
    { name: 'visible: a run', when: { type: 'visible' }, effects: [{ type: 'refreshStatus', tag: 'before' }] },
    { name: 'offline: the status only', when: { type: 'offline' }, effects: [{ type: 'refreshStatus' }] },
    { name: 'storage full or not: the status only', when: { type: 'storageChanged' }, effects: [{ type: 'refreshStatus' }] },
    {
      name: 'a new login: the auth problem is forgotten',
      given: (d) => { d.state = { ...d.state, authProblem: 'sessionExpired' }; },
      when: { type: 'authCleared' }, effects: [{ type: 'refreshStatus' }],
    },
    {
      name: 'stop: the timer cleared, the triggers unsubscribed',
      given: (d) => { d.send({ type: 'start' }, { dbOpen: false }); d.send({ type: 'localWrite' }); },
      when: { type: 'stop' }, effects: [{ type: 'clearTimer' }, { type: 'unlisten' }], state: { listening: false, timerArmed: false },
    },
  ]);

  it('a new login clears the problem in the state', () => {
    const d = new Driver();
    d.state = { ...d.state, authProblem: 'deviceRevoked' };
    d.send({ type: 'authCleared' });
    expect(d.state.authProblem).toBeUndefined();
  });
});

/** A run that ends with `outcome` (its lock let go), attempt and listening as given. */
function ended(d: Driver, end: (d: Driver) => void, attempt = 0): void {
  d.send({ type: 'start' });
  d.state = { ...d.state, attempt };
  d.send({ type: 'statusRefreshed', tag: 'before' });
  d.send({ type: 'lockAcquired' });
  end(d);
}
const okRun = (d: Driver) => {
  d.send({ type: 'authRead', op: d.last('readAuth').op, token: undefined });
  d.send({ type: 'cursorRead', op: d.last('readCursor').op, stored: undefined });
  d.send({ type: 'pageAnswered', op: d.last('requestPage').op, answer: { kind: 'ok', body: page(0, 1, false) } });
  d.send({ type: 'pageChecked', op: d.last('checkPage').op, checked: CHECKED });
  d.send({ type: 'pageStored', op: d.last('storePage').op, rows: [] });
};
const failedRun = (d: Driver) => d.send({ type: 'failed', op: d.last('readAuth').op, error: new Error('no session store') });

describe('sync machine: the end of a run', () => {
  check([
    {
      name: 'after a success: 5 minutes, failing and the backoff forgotten',
      given: (d) => ended(d, okRun, 3), when: { type: 'lockReleased', jitter: 0.5 },
      effects: [{ type: 'setTimer', ms: 300_000 }, { type: 'refreshStatus', tag: 'after' }],
      state: { attempt: 0, failing: false, syncing: false, outcome: 'ok' },
    },
    {
      name: 'after a failure: warned, then backoff with jitter (attempt 2: 4 s cap, 3 s at jitter 0.5)',
      given: (d) => ended(d, failedRun, 2), when: { type: 'lockReleased', jitter: 0.5 },
      effects: [
        { type: 'warn', message: '[sync] run failed', error: new Error('no session store') },
        { type: 'setTimer', ms: 3_000 }, { type: 'refreshStatus', tag: 'after' },
      ],
      state: { attempt: 3, failing: true, outcome: 'retry' },
    },
    {
      name: 'after an auth problem: no timer',
      given: (d) => ended(d, (x) => {
        x.send({ type: 'authRead', op: x.last('readAuth').op, token: 'tok' });
        x.send({ type: 'clientIdRead', op: x.last('readClientId').op, clientId: 'c' });
        x.send({ type: 'batchTaken', op: x.last('takeBatch').op, batch: batch(1), author: undefined });
        x.send({ type: 'pushAnswered', op: x.last('sendPush').op, answer: { kind: 'auth', problem: 'deviceRevoked', code: 'device_revoked' } });
      }),
      when: { type: 'lockReleased', jitter: 0 },
      effects: [{ type: 'refreshStatus', tag: 'after' }],
      state: { authProblem: 'deviceRevoked', outcome: 'auth' },
    },
    {
      name: 'the lock manager fails before the lock: a failed run',
      given: (d) => { d.send({ type: 'syncAsked' }); d.send({ type: 'statusRefreshed', tag: 'before' }); },
      when: { type: 'lockReleased', jitter: 0, error: 'AbortError' },
      effects: [{ type: 'warn', message: '[sync] run failed', error: 'AbortError' }, { type: 'refreshStatus', tag: 'after' }],
      state: { failing: true, attempt: 1 },
    },
    {
      name: 'the status read after: the loop ends with the outcome',
      given: (d) => { ended(d, okRun); d.send({ type: 'lockReleased', jitter: 0 }); },
      when: { type: 'statusRefreshed', tag: 'after' },
      effects: [{ type: 'settle', outcome: 'ok' }], state: { looping: false },
    },
    {
      name: 'the status read after, one more run asked for meanwhile: it starts',
      given: (d) => { ended(d, okRun); d.send({ type: 'syncAsked' }); d.send({ type: 'lockReleased', jitter: 0 }); },
      when: { type: 'statusRefreshed', tag: 'after' },
      effects: [{ type: 'refreshStatus', tag: 'before' }], state: { looping: true, asked: false, syncing: true },
    },
    {
      name: 'a late answer of an abandoned run is ignored',
      given: (d) => { ended(d, failedRun); d.send({ type: 'lockReleased', jitter: 0 }); },
      when: { type: 'pageStored', op: 99, rows: [] }, effects: [],
    },
  ]);
});

describe('sync machine: push', () => {
  check([
    {
      name: 'a session: the client id, then a batch of the current size',
      given: (d) => { d.running(); d.send({ type: 'authRead', op: 1, token: 'tok' }); },
      when: { type: 'clientIdRead', op: 2, clientId: 'client-1' },
      effects: [{ type: 'takeBatch', op: 3, size: 1000, byAuthor: false }],
    },
    {
      name: 'an empty outbox: on to the pull',
      given: (d) => d.pushing(), when: (d) => ({ type: 'batchTaken', op: d.last('takeBatch').op, batch: [], author: undefined }),
      effects: [{ type: 'readCursor', op: 4 }],
    },
    {
      name: 'a batch: sent with the session token',
      given: (d) => d.pushing('tok'), when: (d) => ({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1, 2), author: 'aidant-1' }),
      effects: [{ type: 'sendPush', op: 4, token: 'tok', clientId: 'client-1', batch: batch(1, 2) }],
    },
    {
      name: 'an answer: stored, the feed told, the next batch',
      given: (d) => {
        d.pushing();
        d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1), author: undefined });
        d.send({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'ok', body: { lastMutationId: 1, results: [] } } });
      },
      when: (d) => ({ type: 'pushStored', op: d.last('storePushAnswer').op, removed: 1 }),
      effects: [{ type: 'notifyFeed', collections: ['visit'] }, { type: 'takeBatch', op: 6, size: 1000, byAuthor: false }],
    },
    {
      name: '413: the batch is halved (and stays so)',
      given: (d) => { d.pushing(); d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1, 2, 3, 4, 5), author: undefined }); },
      when: (d) => ({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'tooLarge' } }),
      effects: [{ type: 'takeBatch', op: 5, size: 2, byAuthor: false }], state: { batchSize: 2 },
    },
    {
      name: '413 on a single entry: retry later',
      given: (d) => { d.pushing(); d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1), author: undefined }); },
      when: (d) => ({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'tooLarge' } }),
      effects: [{ type: 'releaseLock' }], state: { run: { step: 'release', outcome: 'retry' } },
    },
    {
      name: 'a network failure: logged, retry later',
      given: (d) => { d.pushing(); d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1), author: undefined }); },
      when: (d) => ({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'retry', error: 'network: down' } }),
      effects: [{ type: 'log', message: '[sync] push failed, will retry: network: down' }, { type: 'releaseLock' }],
    },
    {
      name: 'an expired session: the problem kept, the run over',
      given: (d) => { d.pushing(); d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1), author: undefined }); },
      when: (d) => ({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'auth', problem: 'sessionExpired', code: 'token_expired' } }),
      effects: [{ type: 'releaseLock' }], state: { authProblem: 'sessionExpired', run: { step: 'release', outcome: 'auth' } },
    },
    {
      name: '409: the gap stored (renumbered or resent), the feed told, the next batch',
      given: (d) => {
        d.pushing();
        d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(5), author: undefined });
        d.send({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'gap', expected: 1 } });
      },
      when: (d) => ({ type: 'gapStored', op: d.last('storeGap').op, plan: { kind: 'renumber', expected: 1, mapping: [[5, 1]] } }),
      effects: [{ type: 'notifyFeed', collections: ['visit'] }, { type: 'takeBatch', op: 6, size: 1000, byAuthor: false }],
    },
    {
      name: 'a database error while storing the answer: the run fails',
      given: (d) => {
        d.pushing();
        d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1), author: undefined });
        d.send({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'ok', body: { lastMutationId: 1, results: [] } } });
      },
      when: (d) => ({ type: 'failed', op: d.last('storePushAnswer').op, error: 'QuotaExceededError' }),
      effects: [{ type: 'releaseLock' }], state: { run: { step: 'release', outcome: 'retry', error: { error: 'QuotaExceededError' } } },
    },
  ]);

  it('answers that move nothing: the third one ends the run (no spinning)', () => {
    const d = new Driver().pushing();
    const spin = () => {
      d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(7), author: undefined });
      d.send({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'ok', body: { lastMutationId: 3, results: [] } } });
      return d.send({ type: 'pushStored', op: d.last('storePushAnswer').op, removed: 0 });
    };
    expect(spin().map((e) => e.type)).toEqual(['notifyFeed', 'takeBatch']);
    expect(spin().map((e) => e.type)).toEqual(['notifyFeed', 'takeBatch']);
    expect(spin()).toEqual([{ type: 'notifyFeed', collections: ['visit'] }, { type: 'releaseLock' }]);
  });

  it('a gap at the start of the batch, over and over: the third one ends the run', () => {
    const d = new Driver().pushing();
    const gap = () => {
      d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(4, 5), author: undefined });
      d.send({ type: 'pushAnswered', op: d.last('sendPush').op, answer: { kind: 'gap', expected: 4 } });
      return d.send({ type: 'gapStored', op: d.last('storeGap').op, plan: { kind: 'resendFrom', expected: 4 } });
    };
    gap();
    gap();
    expect(gap()).toEqual([{ type: 'notifyFeed', collections: ['visit'] }, { type: 'releaseLock' }]);
  });

  it('a shared tablet: the author run goes with the author token, or the session one when the author has none', () => {
    const d = new Driver({ ...CONFIG, byAuthor: true }).pushing('device-token');
    d.send({ type: 'batchTaken', op: d.last('takeBatch').op, batch: batch(1, 2), author: 'aidant-marie' });
    expect(d.effects).toEqual([{ type: 'findToken', op: 4, author: 'aidant-marie' }]);
    d.send({ type: 'tokenFound', op: 4, token: 'marie-token' });
    expect(d.effects).toEqual([{ type: 'sendPush', op: 5, token: 'marie-token', clientId: 'client-1', batch: batch(1, 2) }]);
    d.send({ type: 'pushAnswered', op: 5, answer: { kind: 'ok', body: { lastMutationId: 2, results: [] } } });
    d.send({ type: 'pushStored', op: 6, removed: 2 });
    d.send({ type: 'batchTaken', op: 7, batch: batch(3), author: 'aidant-paul' });
    d.send({ type: 'tokenFound', op: 8, token: undefined });
    expect(d.effects).toEqual([{ type: 'sendPush', op: 9, token: 'device-token', clientId: 'client-1', batch: batch(3) }]);
  });
});

describe('sync machine: pull', () => {
  check([
    {
      name: 'a public device: from its stored cursor, with its territory',
      given: (d) => { d.running(); d.send({ type: 'authRead', op: 1, token: undefined }); },
      when: { type: 'cursorRead', op: 2, stored: { scope: 'public:civraisien-en-poitou', cursor: 'c9' } },
      effects: [{ type: 'requestPage', op: 3, token: undefined, query: { cursor: 'c9', limit: 100, territory: 'civraisien-en-poitou' } }],
    },
    {
      name: 'a cursor of another scope (public → account): the replica is cleared first',
      given: (d) => { d.pushing('tok'); d.send({ type: 'batchTaken', op: 3, batch: [], author: undefined }); },
      when: { type: 'cursorRead', op: 4, stored: { scope: 'public:civraisien-en-poitou', cursor: 'c9' } },
      effects: [{ type: 'resetReplica', op: 5 }],
    },
    {
      name: '…then the feed is told and the pull starts from zero, as the account',
      given: (d) => {
        d.pushing('tok');
        d.send({ type: 'batchTaken', op: 3, batch: [], author: undefined });
        d.send({ type: 'cursorRead', op: 4, stored: { scope: 'public:civraisien-en-poitou', cursor: 'c9' } });
      },
      when: { type: 'replicaReset', op: 5 },
      effects: [{ type: 'notifyFeed' }, { type: 'requestPage', op: 6, token: 'tok', query: { limit: 100 } }],
    },
    {
      name: 'a page with more after it: checked at once, and the next page asked for while it is stored',
      given: (d) => d.pulling(),
      when: { type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(0, 2, true) } },
      effects: [
        { type: 'checkPage', op: 4, changes: page(0, 2, true).changes },
        { type: 'requestPage', op: 5, token: undefined, query: { cursor: 'c2', limit: 100, territory: 'civraisien-en-poitou' } },
      ],
    },
    {
      name: 'its checks done: its transaction opened, after the cursor held (none)',
      given: (d) => { d.pulling(); d.send({ type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(0, 2, true) } }); },
      when: { type: 'pageChecked', op: 4, checked: CHECKED },
      effects: [{ type: 'storePage', op: 6, scope: 'public:civraisien-en-poitou', page: page(0, 2, true), checked: CHECKED, after: null }],
    },
    {
      name: 'the last page stored: caught up, rows handed on, the feed told, the run over',
      given: (d) => {
        d.pulling('c4');
        d.send({ type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(4, 1, false) } });
        d.send({ type: 'pageChecked', op: 4, checked: CHECKED });
      },
      when: { type: 'pageStored', op: 5, rows: [] },
      effects: [{ type: 'markCaughtUp' }, { type: 'handOn', rows: [] }, { type: 'notifyFeed' }, { type: 'releaseLock' }],
      state: { run: { step: 'release', outcome: 'ok' } },
    },
    {
      name: 'a failed request: logged, retry',
      given: (d) => d.pulling(),
      when: { type: 'pageAnswered', op: 3, answer: { kind: 'retry', error: 'http_503' } },
      effects: [{ type: 'log', message: '[sync] pull failed, will retry: http_503' }, { type: 'releaseLock' }],
    },
    {
      name: '{reset: true}: the replica cleared (never the outbox)',
      given: (d) => d.pulling('c4'),
      when: { type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: { reset: true } } },
      effects: [{ type: 'resetReplica', op: 4 }],
    },
    {
      name: 'a store that threw instead of answering: the page is not stored, the run fails',
      given: (d) => {
        d.pulling('c4');
        d.send({ type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(4, 1, false) } });
        d.send({ type: 'pageChecked', op: 4, checked: CHECKED });
      },
      when: { type: 'failed', op: 5, error: 'gone' },
      effects: [{ type: 'releaseLock' }], state: { run: { step: 'release', outcome: 'retry', error: { error: 'gone' } } },
    },
    {
      name: 'schema checks that throw: the run fails',
      given: (d) => { d.pulling(); d.send({ type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(0, 1, false) } }); },
      when: { type: 'failed', op: 4, error: 'boom' },
      effects: [{ type: 'releaseLock' }], state: { run: { step: 'release', outcome: 'retry', error: { error: 'boom' } } },
    },
  ]);

  /** Pages 1 and 2 of a pull: page 1 stored and checked, page 2 arrived; the run waits on page 1's store. */
  function twoPages(d: Driver, at = 0) {
    d.pulling();
    d.send({ type: 'pageAnswered', op: 3, answer: { kind: 'ok', body: page(0, 1, true) } }); // check 4, next request 5
    d.send({ type: 'pageChecked', op: 4, checked: CHECKED }); // store 6 (after null)
    d.send({ type: 'pageAnswered', op: 5, answer: { kind: 'ok', body: page(1, 1, true) } }); // check 7, next request 8
    d.send({ type: 'pageChecked', op: 7, checked: CHECKED }, { at }); // store 9 (after c1), waits for store 6
    expect(d.last('storePage')).toMatchObject({ op: 9, after: 'c1' });
  }

  it('while the loop waits for a commit, a page that arrives asks for the one after it at once, and that one for none (two ahead)', () => {
    const d = new Driver();
    twoPages(d); // store 9 waits for store 6; page 3 asked for (8)
    expect(d.send({ type: 'pageAnswered', op: 8, answer: { kind: 'ok', body: page(2, 1, true) } })).toEqual([
      { type: 'checkPage', op: 10, changes: page(2, 1, true).changes },
      { type: 'requestPage', op: 11, token: undefined, query: { cursor: 'c3', limit: 100, territory: 'civraisien-en-poitou' } },
    ]);
    expect(d.send({ type: 'pageAnswered', op: 11, answer: { kind: 'ok', body: page(3, 1, false) } })).toEqual([
      { type: 'checkPage', op: 12, changes: page(3, 1, false).changes },
    ]);
    d.send({ type: 'pageChecked', op: 10, checked: CHECKED });
    d.send({ type: 'pageChecked', op: 12, checked: CHECKED });
    // Page 1 commits: handed on, and page 3's transaction opens behind page 2's; and so on.
    expect(d.send({ type: 'pageStored', op: 6, rows: [] })).toEqual([
      { type: 'handOn', rows: [] },
      { type: 'storePage', op: 13, scope: 'public:civraisien-en-poitou', page: page(2, 1, true), checked: CHECKED, after: 'c2' },
    ]);
    expect(d.send({ type: 'pageStored', op: 9, rows: [] })).toEqual([
      { type: 'handOn', rows: [] },
      { type: 'storePage', op: 14, scope: 'public:civraisien-en-poitou', page: page(3, 1, false), checked: CHECKED, after: 'c3' },
    ]);
    expect(d.send({ type: 'pageStored', op: 13, rows: [] })).toEqual([{ type: 'handOn', rows: [] }]);
    expect(d.send({ type: 'pageStored', op: 14, rows: [] })).toEqual([
      { type: 'markCaughtUp' }, { type: 'handOn', rows: [] }, { type: 'notifyFeed' }, { type: 'releaseLock' },
    ]);
  });

  it('pages are handed on in order, after their commit, and the feed not told within 30 s', () => {
    const d = new Driver();
    twoPages(d);
    expect(d.send({ type: 'pageStored', op: 9, rows: [] }, { at: 1_000 })).toEqual([]);
    expect(d.send({ type: 'pageStored', op: 6, rows: [] }, { at: 2_000 })).toEqual([{ type: 'handOn', rows: [] }]);
  });

  it('a page settled 30 s or more after the last telling tells the feed', () => {
    const d = new Driver();
    twoPages(d);
    expect(d.send({ type: 'pageStored', op: 6, rows: [] }, { at: 30_000 })).toEqual([{ type: 'handOn', rows: [] }, { type: 'notifyFeed' }]);
  });

  it('a page whose transaction ran before the previous one committed is stored again after it', () => {
    const d = new Driver();
    twoPages(d);
    expect(d.send({ type: 'pageNotStored', op: 9, error: 'previous', previousNotStored: true })).toEqual([]);
    const after = d.send({ type: 'pageStored', op: 6, rows: [] });
    expect(after).toEqual([
      { type: 'storePage', op: 9, scope: 'public:civraisien-en-poitou', page: page(1, 1, true), checked: CHECKED, after: 'c1' },
      { type: 'handOn', rows: [] },
    ]);
    // A second failure of the same page is final; it shows when the loop reaches it.
    d.send({ type: 'pageNotStored', op: 9, error: 'again', previousNotStored: true });
    d.send({ type: 'pageAnswered', op: 8, answer: { kind: 'ok', body: page(2, 1, false) } });
    expect(d.send({ type: 'pageChecked', op: 10, checked: CHECKED })).toEqual([
      { type: 'storePage', op: 11, scope: 'public:civraisien-en-poitou', page: page(2, 1, false), checked: CHECKED, after: 'c2' },
      { type: 'releaseLock' },
    ]);
    expect(d.state.run).toEqual({ step: 'release', outcome: 'retry', error: { error: 'again' } });
  });

  it('a page that fails to store ends the pull when the loop reaches it, even on an auth answer after it', () => {
    const d = new Driver();
    twoPages(d);
    d.send({ type: 'pageStored', op: 6, rows: [] });
    d.send({ type: 'pageNotStored', op: 9, error: 'disk', previousNotStored: false });
    expect(d.send({ type: 'pageAnswered', op: 8, answer: { kind: 'auth', problem: 'sessionExpired', code: 'token_expired' } }))
      .toEqual([{ type: 'releaseLock' }]);
    expect(d.state.authProblem).toBeUndefined();
    expect(d.state.run).toEqual({ step: 'release', outcome: 'retry', error: { error: 'disk' } });
  });

  it('an auth answer waits for the page being stored, then hands it on', () => {
    const d = new Driver();
    twoPages(d);
    d.send({ type: 'pageStored', op: 6, rows: [] });
    expect(d.send({ type: 'pageAnswered', op: 8, answer: { kind: 'auth', problem: 'sessionExpired', code: 'token_expired' } })).toEqual([]);
    expect(d.send({ type: 'pageStored', op: 9, rows: [] })).toEqual([{ type: 'handOn', rows: [] }, { type: 'releaseLock' }]);
    expect(d.state.authProblem).toBe('sessionExpired');
  });

  it('a fourth {reset: true} in one pull: retry later', () => {
    const d = new Driver().pulling('c4');
    let request = 3;
    for (let i = 0; i < 3; i++) {
      d.send({ type: 'pageAnswered', op: request, answer: { kind: 'ok', body: { reset: true } } });
      d.send({ type: 'replicaReset', op: d.last('resetReplica').op });
      expect(d.effects.map((e) => e.type)).toEqual(['notifyFeed', 'requestPage']);
      request = d.last('requestPage').op;
    }
    expect(d.send({ type: 'pageAnswered', op: request, answer: { kind: 'ok', body: { reset: true } } })).toEqual([{ type: 'releaseLock' }]);
  });
});
