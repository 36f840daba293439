/** Retry delays after a failed sync: exponential, capped, with jitter (docs/sync.md, Push). */
export interface BackoffOptions {
  /** First delay, in ms. */
  baseMs: number;
  /** Largest delay, in ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry). "Equal jitter": half the
 * capped exponential delay is fixed, half is random, so devices that lost the network
 * together do not all come back in the same second, yet none retries at once.
 * The result lies in [cap / 2, cap] where cap = min(maxMs, baseMs * 2^attempt).
 */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(cap / 2 + (cap / 2) * r);
}
