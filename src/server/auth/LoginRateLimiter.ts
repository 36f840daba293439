/**
 * Sliding-window counter of failed logins, per login and per client IP, in memory.
 * Hazard: several server instances each keep their own window, so an attacker spread
 * over N instances gets N times the budget; a multi-instance deployment needs a shared
 * store (a PostgreSQL table or Redis) behind this same interface.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options = { windowMs: 15 * 60_000, maxPerLogin: 8, maxPerIp: 30 },
  ) {}

  /** Seconds to wait before trying again, or 0 when allowed. */
  retryAfter(login: string, ip: string, nowMs: number): number {
    const a = this.wait(`l:${login}`, this.options.maxPerLogin, nowMs);
    const b = this.wait(`i:${ip}`, this.options.maxPerIp, nowMs);
    return Math.max(a, b);
  }

  recordFailure(login: string, ip: string, nowMs: number): void {
    for (const key of [`l:${login}`, `i:${ip}`]) {
      const list = this.recent(key, nowMs);
      list.push(nowMs);
      this.failures.set(key, list);
    }
    // Bound memory under a spray of distinct logins.
    if (this.failures.size > 50_000) {
      for (const [key] of this.failures) {
        if (!this.recent(key, nowMs).length) this.failures.delete(key);
      }
    }
  }

  recordSuccess(login: string): void {
    this.failures.delete(`l:${login}`);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.options.windowMs);
  }

  private wait(key: string, max: number, nowMs: number): number {
    const list = this.recent(key, nowMs);
    if (list.length < max) return 0;
    return Math.max(1, Math.ceil((list[list.length - max]! + this.options.windowMs - nowMs) / 1000));
  }
}
