import { newOp, opOf, type RunNext, type Transition } from './transition';
import { declarationOf } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/protocol';
import { MAX_LOOPS, type PushState } from './syncState';

/**
 * The collections a pushed batch touches (its outbox entries and their overlays go): the
 * screens showing other collections need not read again. An unknown name: everything.
 */
function collectionsOf(batch: readonly Mutation[]): string[] | undefined {
  const out = new Set<string>();
  for (const m of batch) {
    const collection = declarationOf(m.name)?.effect.collection;
    if (collection === undefined) return undefined;
    out.add(collection);
  }
  return [...out];
}

// The push half of a run (docs/sync.md, Push): the whole outbox, a batch at a time, each read
// and marked taken in one transaction before it is sent (from then on the server may hold
// it: a queued visit is no longer corrected in place). One author's run per request on a
// shared tablet, with that author's token; the device's token otherwise.

/** Where the push goes after an event: on, over (`pushed`: the pull comes next), or the run's end. */
export type PushNext = RunNext | { pushed: true };

export function beginPush(t: Transition, token: string): RunNext {
  const op = newOp(t);
  t.fx.push({ type: 'readClientId', op });
  return { run: { step: 'push', push: { token, clientId: undefined, op, loops: 0, stuck: 0, batch: [] } } };
}

/** The next batch, unless the loop ran out of turns. */
function nextBatch(t: Transition, push: PushState): PushNext {
  if (push.loops >= MAX_LOOPS) return { end: 'retry' };
  const op = newOp(t);
  t.fx.push({ type: 'takeBatch', op, size: t.s.batchSize, byAuthor: t.config.byAuthor });
  return { run: { step: 'push', push: { ...push, op, loops: push.loops + 1, batch: [] } } };
}

function send(t: Transition, push: PushState, token: string): PushNext {
  const op = newOp(t);
  t.fx.push({ type: 'sendPush', op, token, clientId: push.clientId!, batch: push.batch });
  return { run: { step: 'push', push: { ...push, op } } };
}

/** undefined: the event is not the answer the push waits for (a late one, or another part's). */
export function onPushEvent(t: Transition, push: PushState): PushNext | undefined {
  const e = t.event;
  if (opOf(e) !== push.op) return undefined;
  switch (e.type) {
    case 'failed':
      return { fail: e.error };
    case 'clientIdRead':
      return nextBatch(t, { ...push, clientId: e.clientId });
    case 'batchTaken': {
      if (e.batch.length === 0) return { pushed: true };
      const withBatch = { ...push, batch: e.batch };
      if (e.author === undefined || !t.config.byAuthor) return send(t, withBatch, push.token);
      const op = newOp(t);
      t.fx.push({ type: 'findToken', op, author: e.author });
      return { run: { step: 'push', push: { ...withBatch, op } } };
    }
    case 'tokenFound':
      return send(t, push, e.token ?? push.token);
    case 'pushAnswered':
      return onAnswer(t, push, e.answer);
    case 'pushStored': {
      t.fx.push({ type: 'notifyFeed', collections: collectionsOf(push.batch) });
      // An answer that covers nothing we sent and is not a gap: do not spin.
      const stuck = e.removed === 0 ? push.stuck + 1 : push.stuck;
      if (e.removed === 0 && stuck > 2) return { end: 'retry' };
      return nextBatch(t, { ...push, stuck });
    }
    case 'gapStored': {
      t.fx.push({ type: 'notifyFeed', collections: collectionsOf(push.batch) });
      // Asked to resend from where this batch began, again and again: do not spin.
      const again = e.plan.kind === 'resendFrom' && push.batch[0]?.id === e.plan.expected;
      const stuck = again ? push.stuck + 1 : push.stuck;
      if (again && stuck > 2) return { end: 'retry' };
      return nextBatch(t, { ...push, stuck });
    }
    default:
      return undefined;
  }
}

function onAnswer(t: Transition, push: PushState, answer: Extract<Transition['event'], { type: 'pushAnswered' }>['answer']): PushNext {
  switch (answer.kind) {
    case 'ok': {
      const op = newOp(t);
      t.fx.push({ type: 'storePushAnswer', op, batch: push.batch, answer: answer.body });
      return { run: { step: 'push', push: { ...push, op } } };
    }
    case 'gap': {
      const op = newOp(t);
      t.fx.push({ type: 'storeGap', op, expected: answer.expected });
      return { run: { step: 'push', push: { ...push, op } } };
    }
    case 'tooLarge':
      // 413: halve the batch (kept for later runs); a single entry too large is the server's to reject.
      if (push.batch.length === 1) return { end: 'retry' };
      t.s.batchSize = Math.max(1, Math.floor(push.batch.length / 2));
      return nextBatch(t, push);
    case 'auth':
      t.s.authProblem = answer.problem;
      return { end: 'auth' };
    case 'retry':
      t.fx.push({ type: 'log', message: `[sync] push failed, will retry: ${answer.error}` });
      return { end: 'retry' };
  }
}
