import { describe, expect, it } from 'vitest';
import { turnQueue } from '../../../src/server/db/openPglite';

/** Keeps the thread busy, as a PGlite statement does (WebAssembly, synchronous). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('turnQueue (the PGlite connection queue)', () => {
  it('runs operations one at a time, first come first served', async () => {
    const q = turnQueue(5);
    const order: number[] = [];
    let running = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        q(async () => {
          running++;
          expect(running).toBe(1);
          busy(1);
          await Promise.resolve();
          order.push(i);
          running--;
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('runs at once when the queue is empty in a fresh loop turn', async () => {
    const q = turnQueue(5);
    await nextTurn();
    const order: string[] = [];
    setImmediate(() => order.push('immediate'));
    await q(async () => order.push('op'));
    expect(order).toEqual(['op']);
  });

  it('counts the slice per loop turn: requests read in one batch share it, then sockets are served', async () => {
    // Two requests of one poll batch: the first finds the queue empty and runs 10 ms; the
    // second also finds it empty, in the same turn. It must wait for the check phase
    // (setImmediate), or a batch of requests runs as one long turn that reads no socket.
    const q = turnQueue(5);
    await nextTurn();
    const order: string[] = [];
    await q(async () => {
      busy(10);
      order.push('first');
    });
    setImmediate(() => order.push('sockets'));
    await q(async () => order.push('second'));
    expect(order).toEqual(['first', 'sockets', 'second']);
  });

  it('gives a yielded queue a fresh slice after the turn', async () => {
    const q = turnQueue(5);
    await nextTurn();
    const order: string[] = [];
    const ops = [
      q(async () => {
        busy(10);
        order.push('a');
      }),
      q(async () => order.push('b')), // waits a turn (the slice is used up)
      q(async () => order.push('c')), // runs right after b, in b's fresh slice
    ];
    await ops[0];
    await Promise.all(ops);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
