import { describe, expect, it } from 'vitest';
import { FreshReads } from '../../../src/server/sync/pull/FreshReads';

// The stamp of a cached page must be read after the request arrived (a page read before a
// commit must not be served to a device that asks after it), yet 100 concurrent pulls
// should not make 100 reads.

function controlledReads() {
  const started: Array<{ key: string; resolve: (v: number) => void; reject: (e: Error) => void }> = [];
  let value = 0;
  const reads = new FreshReads<number>((key) => new Promise<number>((resolve, reject) => {
    started.push({ key, resolve, reject });
  }));
  const finish = (i: number) => started[i]!.resolve(++value);
  return { reads, started, finish };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FreshReads', () => {
  it('shares one read between callers that ask before it starts, never one started before they asked', async () => {
    const { reads, started, finish } = controlledReads();
    const first = reads.get('t');
    expect(started).toHaveLength(1);
    // Asked while the first read is under way: they wait for the next, and share it.
    const second = reads.get('t');
    const third = reads.get('t');
    await tick();
    expect(started).toHaveLength(1);
    finish(0);
    expect(await first).toBe(1);
    await tick();
    expect(started).toHaveLength(2);
    finish(1);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Nothing under way: a new read at once.
    const fourth = reads.get('t');
    expect(started).toHaveLength(3);
    finish(2);
    expect(await fourth).toBe(3);
  });

  it('keeps keys apart, and a failed read fails its callers only', async () => {
    const { reads, started, finish } = controlledReads();
    const a = reads.get('a');
    const b = reads.get('b');
    expect(started.map((s) => s.key)).toEqual(['a', 'b']);
    const a2 = reads.get('a');
    started[0]!.reject(new Error('lost connection'));
    await expect(a).rejects.toThrow('lost connection');
    await tick();
    expect(started.map((s) => s.key)).toEqual(['a', 'b', 'a']);
    finish(2);
    finish(1);
    expect(await a2).toBe(1);
    expect(await b).toBe(2);
  });
});
