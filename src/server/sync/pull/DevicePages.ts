import type { Database } from '../../db/Database';
import type { EncodedPage } from './EncodedPage';
import { FreshReads } from './FreshReads';
import { PageCache } from './PageCache';

/**
 * Whole pages of one device (an aidant's or the office's), kept per device and served
 * again while no transaction that writes has ended since.
 *
 * Why: an aidant page costs one statement of its own (own rows, lastMutationId, stamp);
 * on PGlite every statement runs on the server's one thread, so 100 aidant devices asking
 * at once queued behind each other (p99 ~160 ms, docs/performance.md). A device asks the
 * same page again often (its caught-up poll, a first sync started over), and a
 * territory's database is quiet most of the time.
 *
 * "Nothing written since" is the database's snapshot (`pg_current_snapshot()`: the
 * transactions in progress and one past the last one ended). Every transaction that
 * writes gets an id, and its end changes the snapshot, whatever code ran it (a push, a
 * staff edit, a purge, the devices screen's `last_seen`) and whichever server instance
 * on a shared PostgreSQL; reads change nothing. Two equal snapshots see the same
 * committed rows. The snapshot is read once for every request that arrived before the
 * read started (FreshReads), so a hit costs a share of one short statement. A page is
 * kept with the snapshot read BEFORE its own statement: a transaction that ends between
 * the two, or was in progress at the first and ends later, makes every snapshot taken
 * after its end differ from the one kept, so the page is never served again once the
 * transaction's rows are visible (the WAL position was tried first: on
 * PostgreSQL a commit is written to the WAL before other sessions see it, so it could
 * vouch for rows a page did not have). On PGlite, where this process makes every write,
 * its count of them (Database.writeCount) says the same without asking the database.
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
  private readonly snapshots: FreshReads<string>;

  constructor(private readonly db: Database, maxBytes: number) {
    this.pages = new PageCache<KeptPage>(maxBytes);
    this.snapshots = new FreshReads(async () => {
      const { rows } = await db.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot', [], { pagesUnchanged: true });
      return rows[0]!.snapshot;
    });
  }

  /**
   * The database's state, as of this call or later. On PGlite, its count of writes
   * (Database.writeCount): no statement at all.
   */
  async snapshot(): Promise<string> {
    const writes = this.db.writeCount?.();
    return writes === undefined ? this.snapshots.get('') : `w${writes}`;
  }

  /** The page kept for `key` if it was read in `snapshot` and is not too old. */
  get(key: string, snapshot: string, since: Date): EncodedPage | undefined {
    const kept = this.pages.get(key, snapshot);
    if (!kept) return undefined;
    const age = since.getTime() - kept.since;
    return age >= 0 && age < MAX_AGE_MS ? kept.page : undefined;
  }

  /** Keep `page`, read after `snapshot` was. */
  set(key: string, snapshot: string, since: Date, page: EncodedPage): void {
    this.pages.set(key, snapshot, { page, since: since.getTime(), bytes: page.ownBytes });
  }
}
