import { createStore } from 'idb-keyval';
import { afterEach, expect } from 'vitest';
import { createDataLayer, type DataLayer, type DataLayerOptions } from '../../../../src/app/composition/createDataLayer';
import type { Timers } from '../../../../src/app/sync/environment';
import type { FetchLike } from '../../../../src/app/data/fetchLike';
import { TERRITORY_ID } from './fixtures';

let dbCounter = 0;
/** A database name no other test uses. */
export function freshDbName(label: string): string {
  return `escale-test-${label}-${process.pid}-${++dbCounter}-${Date.now()}`;
}

/** Timers that fire only when the test says so. */
export function manualTimers(): Timers & { due(): number[]; fireAll(): void } {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout(fn, ms) { const id = ++next; pending.set(id, { fn, ms }); return id; },
    clearTimeout(h) { pending.delete(h as number); },
    /** Delays of the timers waiting to fire. */
    due: () => [...pending.values()].map((t) => t.ms),
    fireAll() { const all = [...pending.values()]; pending.clear(); for (const t of all) t.fn(); },
  };
}

export interface ClientOptions extends Partial<DataLayerOptions> {
  fetch: FetchLike;
  dbName: string;
  token?: string;
}

/**
 * I4, checked on every pull any test client makes: changes strictly ordered by seq, the
 * cursor is the last row's seq (or unchanged for an empty page), and the cursor a device
 * sends never goes back except to start over after a reset. A violation is recorded (a
 * throw here would just look like a network error to the engine) and fails the test.
 */
const violations: string[] = [];
afterEach(() => {
  const found = violations.splice(0);
  expect(found).toEqual([]);
});

const seqOf = (cursor: string | null | undefined): number | undefined => {
  const m = cursor ? /\.(\d+)$/.exec(cursor) : null;
  return m ? Number(m[1]) : undefined;
};

function checkingPulls(inner: FetchLike): FetchLike {
  let lastSent = 0;
  return async (input, init) => {
    const res = await inner(input, init);
    if (!input.startsWith('/api/sync/pull') || !res.ok) return res;
    const sent = seqOf(new URL(input, 'http://x').searchParams.get('cursor')) ?? 0;
    if (sent !== 0 && sent < lastSent) violations.push(`cursor went back from ${lastSent} to ${sent}`);
    let body: { changes?: Array<{ seq: number }>; cursor?: string } | undefined;
    try { body = JSON.parse(await res.clone().text()) as typeof body; } catch { return res; }
    // Only the real server's cursors (`1.<scope>.<seq>`); scripted servers use their own.
    if (!body?.changes || !/^1\.[^.]+\.\d+$/.test(body.cursor ?? '')) return res;
    const seqs = body.changes.map((c) => c.seq);
    if (seqs.some((q, i) => i > 0 && q <= seqs[i - 1]!)) violations.push(`page not strictly ordered: ${seqs.join(',')}`);
    if (seqs.length && seqs[0]! <= sent) violations.push(`page starts at ${seqs[0]} at or before the cursor ${sent}`);
    const expected = seqs.length ? seqs[seqs.length - 1]! : sent;
    if (seqOf(body.cursor) !== expected) violations.push(`cursor ${body.cursor} is not the last row's seq ${expected}`);
    lastSent = sent;
    return res;
  };
}

/** A device: the data layer on its own database, with manual timers and no browser events. */
export async function openClient(o: ClientOptions): Promise<DataLayer & { setToken(t: string | undefined): void }> {
  let token = o.token;
  const layer = await createDataLayer({
    territoryId: TERRITORY_ID,
    timers: manualTimers(),
    random: () => 0.5,
    log: () => {},
    preferencesStore: createStore(`${o.dbName}-prefs`, 'kv'),
    ...('getAuth' in o ? {} : { getAuth: () => (token ? { token } : undefined) }),
    ...o,
    fetch: checkingPulls(o.fetch),
  });
  return Object.assign(layer, { setToken(t: string | undefined) { token = t; } });
}

/** Wait until `condition` holds (polling), failing after `timeoutMs`: no fixed sleeps in tests. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
