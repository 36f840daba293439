import type { PushRequest } from '../../../shared/sync/protocol';
import type { SessionUser } from '../../auth/SessionUser';
import type { Database } from '../../db/Database';
import type { NoteCipher } from '../store/NoteCipher';
import { applyPush, applyPushes, DeviceRevoked, type PushItem, type PushOutcome } from './applyPush';

interface Waiting {
  item: PushItem;
  now: Date;
  resolve(outcome: PushOutcome): void;
  reject(error: unknown): void;
}

/** How much one transaction takes: enough to share its fixed cost, short enough not to hold the database long. */
export interface BatchLimits {
  pushes: number;
  mutations: number;
}

const DEFAULT_LIMITS: BatchLimits = { pushes: 32, mutations: 500 };

/**
 * Group commit for pushes. Every push takes the sync write lock for its whole transaction
 * (I5), so pushes of different devices never ran side by side anyway: they queued on the
 * lock (PostgreSQL) or on PGlite's single connection, and each paid its own BEGIN, lock,
 * client upsert, INSERTs and COMMIT. Here, pushes that arrive while a transaction runs wait
 * in this process and are then applied together by applyPushes (one transaction, one
 * statement per kind of write), each with the outcome it would have had alone.
 *
 * Nothing changes for a lone push (a batch of one is applyPush). If the shared
 * transaction fails — a revoked device among them, a database error — it rolls back whole
 * and each push is applied alone, so one device's trouble is never another's answer.
 * Two pushes of one device never share a transaction: the second waits for the next one.
 */
export class PushBatcher {
  private queue: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly notes: NoteCipher,
    private readonly limits: BatchLimits = DEFAULT_LIMITS,
    /** Told the size of each transaction (tests). */
    private readonly onBatch?: (size: number) => void,
  ) {}

  apply(user: SessionUser, push: PushRequest, now: Date): Promise<PushOutcome> {
    return new Promise<PushOutcome>((resolve, reject) => {
      this.queue.push({ item: { user, push }, now, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        // One turn of the event loop first: PGlite's statements run on this thread, so
        // the requests that arrived during the last transaction are read only now.
        await new Promise((r) => setImmediate(r));
        await this.run(this.take());
      }
    } finally {
      this.running = false;
    }
  }

  /** The next batch, first come first served: at most one push per device, within the limits. */
  private take(): Waiting[] {
    const taken: Waiting[] = [];
    const rest: Waiting[] = [];
    const devices = new Set<string>();
    let mutations = 0;
    for (const waiting of this.queue) {
      const { clientId, mutations: list } = waiting.item.push;
      const full = taken.length >= this.limits.pushes || (taken.length > 0 && mutations + list.length > this.limits.mutations);
      if (full || devices.has(clientId)) {
        rest.push(waiting);
        continue;
      }
      taken.push(waiting);
      devices.add(clientId);
      mutations += list.length;
    }
    this.queue = rest;
    return taken;
  }

  private async run(batch: Waiting[]): Promise<void> {
    this.onBatch?.(batch.length);
    if (batch.length > 1) {
      // The latest arrival's time: every row of the transaction is written at one time.
      const now = new Date(Math.max(...batch.map((w) => w.now.getTime())));
      const outcomes = await applyPushes(this.db, batch.map((w) => w.item), now, this.notes).catch((error: unknown) => {
        if (!(error instanceof DeviceRevoked)) console.warn(`[escale] push batch of ${batch.length} failed, applying each alone: ${String(error)}`);
        return undefined;
      });
      if (outcomes) {
        batch.forEach((w, i) => w.resolve(outcomes[i]!));
        return;
      }
    }
    for (const w of batch) {
      await applyPush(this.db, w.item.user, w.item.push, w.now, this.notes).then(w.resolve, w.reject);
    }
  }
}
