import type { CheckedChanges } from '../../../../src/app/replica/applyPage';
import { step } from '../../../../src/app/sync/syncMachine';
import {
  initialSyncState, type PullPage, type Seen, type SyncConfig, type SyncEffect, type SyncEventBody, type SyncState,
} from '../../../../src/app/sync/syncState';
import { put } from './fixtures';

// Drives the pure sync machine (src/app/sync/syncMachine.ts) by hand: events in, the state
// and the effects of the last event kept for the test to look at.

export const CONFIG: SyncConfig = {
  territoryId: 'civraisien-en-poitou', pullLimit: 100, periodicMs: 300_000, afterWriteMs: 300,
  backoff: { baseMs: 1_000, maxMs: 300_000 }, byAuthor: false,
};

export const SEEN: Seen = { at: 0, online: true, dbOpen: true };

export type EffectOf<T extends SyncEffect['type']> = Extract<SyncEffect, { type: T }>;

export class Driver {
  state: SyncState;
  effects: SyncEffect[] = [];
  seen: Seen = { ...SEEN };

  constructor(readonly config: SyncConfig = CONFIG, state: SyncState = initialSyncState(1000)) {
    this.state = state;
  }

  send(body: SyncEventBody, seen: Partial<Seen> = {}): SyncEffect[] {
    const out = step(this.state, { ...body, ...this.seen, ...seen }, this.config);
    this.state = out.state;
    this.effects = out.effects;
    return out.effects;
  }

  /** The last effect of this type among the last event's effects. */
  last<T extends SyncEffect['type']>(type: T): EffectOf<T> {
    const found = [...this.effects].reverse().find((e): e is EffectOf<T> => e.type === type);
    if (!found) throw new Error(`no ${type} effect in ${JSON.stringify(this.effects.map((e) => e.type))}`);
    return found;
  }

  /** start(), the status read, the lock: a run waiting for its session. */
  running(): this {
    this.send({ type: 'start' });
    this.send({ type: 'statusRefreshed', tag: 'before' });
    this.send({ type: 'lockAcquired' });
    return this;
  }

  /** A run with a session, its client id read: waiting for the first batch. */
  pushing(token = 'session-token'): this {
    this.running();
    this.send({ type: 'authRead', op: this.last('readAuth').op, token });
    this.send({ type: 'clientIdRead', op: this.last('readClientId').op, clientId: 'client-1' });
    return this;
  }

  /** A public run, its cursor read (`cursor`: the stored one): waiting for the first page. */
  pulling(cursor?: string): this {
    this.running();
    this.send({ type: 'authRead', op: this.last('readAuth').op, token: undefined });
    const stored = cursor === undefined ? undefined : { scope: `public:${this.config.territoryId}`, cursor };
    this.send({ type: 'cursorRead', op: this.last('readCursor').op, stored });
    return this;
  }
}

/** A page of `n` places from seq `from + 1`, its cursor `c<last seq>`. */
export function page(from: number, n: number, hasMore: boolean): PullPage {
  const changes = Array.from({ length: n }, (_, i) => put(`p${from + i + 1}`, 1, from + i + 1));
  return { changes, cursor: `c${from + n}`, hasMore, lastMutationId: null };
}

export const CHECKED: CheckedChanges = new Map();
