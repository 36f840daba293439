import type { Database } from '../../db/Database';
import type { EncodedPage } from './EncodedPage';
import { FreshReads } from './FreshReads';
import { PageCache } from './PageCache';

/**
 * Whole pages of one device (an aidant's or the office's), kept per device on PGlite
 * only, and served again while the database has not written anything since.
 *
 * Why: an aidant page costs one statement of its own (own rows, lastMutationId, stamp),
 * and PGlite runs every statement on the server's one thread: 100 aidant devices asking
 * at once queued behind each other (p99 ~160 ms, docs/performance.md). A device asks the
 * same page again often (its caught-up poll, a first sync started over), and a small
 * territory's database is quiet most of the time.
 *
 * "Nothing written since" is the WAL insert position (`pg_current_wal_insert_lsn()`):
 * every change of a logged table moves it (Escale has no unlogged table), whatever code
 * made it: a push, a staff edit, a purge, the devices screen's `last_seen`. It is read
 * once for every request that arrived before the read started (FreshReads), so a hit
 * costs a share of one short statement. A page is kept with the position read BEFORE its
 * own statement: a write that lands between the two moves the position past the one
 * kept, and the page is never served again. Other things may move it (ANALYZE, pruning):
 * they only cost a miss.
 *
 * Not on PostgreSQL: there a transaction's commit record is written before it becomes
 * visible to other connections, so a position read in between could vouch for a snapshot
 * without that commit. PGlite runs one statement at a time: a commit is whole before the
 * next read starts.
 *
 * Time moves the page too (own records older than the aidant's history window leave it):
 * a kept page serves for at most MAX_AGE_MS of that window's movement. A record ageing out
 * is not a deletion (PullScope.ts): the device may hold it a minute longer, nothing more.
 */
export const MAX_AGE_MS = 60_000;

export interface KeptPage {
  readonly page: EncodedPage;
  /** When the page was read, as the request's `ownSince` (now minus the history window). */
  readonly since: number;
  readonly bytes: number;
}

export class DevicePages {
  private readonly pages: PageCache<KeptPage>;
  private readonly positions: FreshReads<string>;

  constructor(db: Database, maxBytes: number) {
    this.pages = new PageCache<KeptPage>(maxBytes);
    this.positions = new FreshReads(async () => {
      const { rows } = await db.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      return rows[0]!.lsn;
    });
  }

  /** The database's write position, read after this call. */
  position(): Promise<string> {
    return this.positions.get('');
  }

  /** The page kept for `key` if nothing was written since `position` and it is not too old. */
  get(key: string, position: string, since: Date): EncodedPage | undefined {
    const kept = this.pages.get(key, position);
    if (!kept) return undefined;
    const age = since.getTime() - kept.since;
    return age >= 0 && age < MAX_AGE_MS ? kept.page : undefined;
  }

  /** Keep `page`, read after `position` was. */
  set(key: string, position: string, since: Date, page: EncodedPage): void {
    this.pages.set(key, position, { page, since: since.getTime(), bytes: page.ownBytes });
  }
}
