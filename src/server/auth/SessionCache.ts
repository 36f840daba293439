import type { SessionUser } from './SessionUser';

/**
 * Sessions found valid in the last `ttlMs`, so that a device pulling its pages one after
 * the other (a first sync: dozens of requests in a few seconds) is looked up once, not at
 * every page: on PGlite every statement waits its turn on the one connection, and the
 * session's three-table read was a third of an aidant page's database time.
 *
 * Only valid sessions are kept; expiry is checked at every use. A revocation, a logout or
 * a disabled account made by this process calls `forget()` after its commit: the next
 * request reads the database again, and a read that began before the commit is not kept
 * (generation). Another server process on the same PostgreSQL sees the change at most
 * `ttlMs` later.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser; expiresAt: number; until: number }>();
  private gen = 0;

  constructor(private readonly ttlMs = 2_000, private readonly max = 10_000) {}

  /** Taken before reading the database; hand it back to `set`. */
  get generation(): number {
    return this.gen;
  }

  get(tokenHash: string, now: number): SessionUser | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (now >= hit.until || now >= hit.expiresAt || now < hit.until - this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return hit.user;
  }

  set(tokenHash: string, user: SessionUser, expiresAt: number, generation: number, now: number): void {
    if (generation !== this.gen || this.ttlMs <= 0) return;
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(tokenHash, { user, expiresAt, until: now + this.ttlMs });
  }

  /** After a session, device or account is ended: nothing kept is trusted any more. */
  forget(): void {
    this.gen++;
    this.entries.clear();
  }
}
