import type { Database } from '../../db/Database';
import { DevicePages } from './DevicePages';
import type { DirectoryPart } from './DirectoryPart';
import { readDirectoryStamp } from './directoryStamp';
import type { EncodedPage } from './EncodedPage';
import { FreshReads } from './FreshReads';
import { PageCache } from './PageCache';

/**
 * What pulls share across devices, per server process: whole public pages (with their
 * compressed forms), the directory rows of aidant pages, and the directory stamp that
 * tells whether a kept value still holds (read at most once at a time per territory);
 * whole pages of each device while nothing is written (DevicePages).
 */
export class PullCaches {
  readonly publicPages: PageCache<EncodedPage>;
  readonly directoryParts: PageCache<DirectoryPart>;
  readonly devicePages: DevicePages;
  private readonly stamps: FreshReads<string>;
  /** PGlite: each territory's last stamp read and the write count before it (see stamp()). */
  private readonly stampAt = new Map<string, { writes: number; value: Promise<string> }>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** `cacheMb`: each cache's budget (ESCALE_PULL_CACHE_MB). */
  constructor(private readonly db: Database, cacheMb = 128) {
    this.publicPages = new PageCache<EncodedPage>(cacheMb * 1024 * 1024);
    this.directoryParts = new PageCache<DirectoryPart>(cacheMb * 1024 * 1024);
    this.devicePages = new DevicePages(db, cacheMb * 1024 * 1024);
    this.stamps = new FreshReads((territoryId) => readDirectoryStamp(db, territoryId));
  }

  /**
   * `read()`, or the same read already under way for `key`: for values that carry their
   * own stamp, which the caller compares with its own (so when the read started does not
   * matter, unlike the stamp's).
   */
  readOnce<T>(key: string, read: () => Promise<T>): Promise<T> {
    let p = this.inFlight.get(key) as Promise<T> | undefined;
    if (!p) {
      p = read();
      this.inFlight.set(key, p);
      const done = () => this.inFlight.delete(key);
      p.then(done, done);
    }
    return p;
  }

  /**
   * The territory's directory stamp, read after this call (see FreshReads). On PGlite, the
   * one read last while no write has ended since the write count taken before it: the
   * database holds what it held then, so a public page kept costs no statement.
   */
  stamp(territoryId: string): Promise<string> {
    const writes = this.db.writeCount?.();
    if (writes === undefined) return this.stamps.get(territoryId);
    const known = this.stampAt.get(territoryId);
    if (known && known.writes === writes) return known.value;
    const value = this.stamps.get(territoryId);
    this.stampAt.set(territoryId, { writes, value });
    value.catch(() => {
      if (this.stampAt.get(territoryId)?.value === value) this.stampAt.delete(territoryId);
    });
    return value;
  }
}
