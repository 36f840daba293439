import type { EscaleDb } from '../data/db';
import type { FetchLike } from '../data/fetchLike';
import { countOutbox, readClientId, storeGapAnswer, storePushAnswer, takePushBatch } from '../data/outboxStore';
import { PreviousPageNotStored, readCursor, resetReplica, storePulledPage } from '../data/replicaStore';
import { checkChanges } from '../replica/applyPage';
import { getPull, postPush } from './syncHttp';
import type { SyncEffect, SyncResult } from './syncState';

/** The effects that read or write (the network, the database): each answers with one event. */
export type IoEffect = Extract<SyncEffect, { op: number }>;

export interface SyncIoDeps {
  db: EscaleDb;
  /** Already with its deadline (syncHttp.ts, withDeadline). */
  fetch: FetchLike;
  baseUrl: string;
  getAuth: () => { token: string } | undefined | Promise<{ token: string } | undefined>;
  tokenFor?: (authorId: string) => string | undefined | Promise<string | undefined>;
  /** Wraps the database writes (quota errors → storageFull). */
  guard: <T>(write: () => Promise<T>) => Promise<T>;
  now: () => Date;
}

/**
 * The sync engine's I/O: one call per effect, each a request or one transaction of the
 * local store (../data), resolving to the event that tells the machine how it went. A
 * throw is the runner's `failed` event; a page store that fails is `pageNotStored`.
 */
export function createSyncIo(d: SyncIoDeps): (effect: IoEffect) => Promise<SyncResult> {
  const { db, guard, now } = d;
  return async (effect) => {
    const op = effect.op;
    switch (effect.type) {
      case 'readAuth': {
        const auth = await d.getAuth();
        return { type: 'authRead', op, token: auth ? auth.token : undefined };
      }
      case 'readClientId':
        return { type: 'clientIdRead', op, clientId: await readClientId(db) };
      case 'takeBatch':
        return { type: 'batchTaken', op, ...(await guard(() => takePushBatch(db, effect.size, effect.byAuthor, now()))) };
      case 'findToken':
        return { type: 'tokenFound', op, token: d.tokenFor ? await d.tokenFor(effect.author) : undefined };
      case 'sendPush':
        return { type: 'pushAnswered', op, answer: await postPush(d.fetch, d.baseUrl, effect.token, effect.clientId, effect.batch) };
      case 'storePushAnswer': {
        const { removed } = await guard(() => storePushAnswer(db, effect.batch, effect.answer, now()));
        return { type: 'pushStored', op, removed };
      }
      case 'storeGap':
        return { type: 'gapStored', op, plan: await guard(() => storeGapAnswer(db, effect.expected)) };
      case 'readCursor':
        return { type: 'cursorRead', op, stored: await readCursor(db) };
      case 'resetReplica':
        await resetReplica(db);
        return { type: 'replicaReset', op };
      case 'requestPage': {
        // Informational header only: a failed count must not fail a request asked for ahead.
        const pending = effect.token ? await countOutbox(db).catch(() => undefined) : undefined;
        return { type: 'pageAnswered', op, answer: await getPull(d.fetch, d.baseUrl, effect.token, effect.query, pending) };
      }
      case 'checkPage':
        // Read-only, in slices that yield to the browser: never inside a transaction.
        return { type: 'pageChecked', op, checked: await checkChanges(effect.changes) };
      case 'storePage':
        try {
          const stored = await guard(() => storePulledPage(db, effect.scope, effect.page, now(), Promise.resolve(effect.checked), { after: effect.after }));
          return { type: 'pageStored', op, rows: stored.rows };
        } catch (error) {
          return { type: 'pageNotStored', op, error, previousNotStored: error instanceof PreviousPageNotStored };
        }
    }
  };
}
