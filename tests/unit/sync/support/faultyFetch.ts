import type { FetchLike } from '../../../../src/app/data/fetchLike';

export interface FaultRates {
  /** The request never reaches the server. */
  dropBefore: number;
  /** The server commits, the answer is lost. */
  dropAfter: number;
  /** The answer is cut at a random byte. */
  truncate: number;
}

export interface FaultStats { requests: number; droppedBefore: number; droppedAfter: number; truncated: number }

/** A fetch that breaks the way a rural mobile network does, driven by a seeded PRNG (docs/sync.md I6). */
export function faultyFetch(inner: FetchLike, random: () => number, rates: FaultRates): FetchLike & { stats: FaultStats; enabled: boolean } {
  const stats: FaultStats = { requests: 0, droppedBefore: 0, droppedAfter: 0, truncated: 0 };
  const wrapped = Object.assign(
    async (input: string, init?: Parameters<FetchLike>[1]): Promise<Response> => {
      stats.requests++;
      if (!wrapped.enabled) return inner(input, init);
      if (random() < rates.dropBefore) {
        stats.droppedBefore++;
        throw new TypeError('Failed to fetch (dropped before the server)');
      }
      const res = await inner(input, init);
      const body = await res.text();
      if (random() < rates.dropAfter) {
        stats.droppedAfter++;
        throw new TypeError('Failed to fetch (answer lost after the server committed)');
      }
      if (body.length > 0 && random() < rates.truncate) {
        stats.truncated++;
        const bytes = new TextEncoder().encode(body);
        const cut = Math.floor(random() * bytes.length);
        return new Response(bytes.slice(0, cut), { status: res.status, headers: res.headers });
      }
      return new Response(body, { status: res.status, headers: res.headers });
    },
    { stats, enabled: true },
  );
  return wrapped;
}
