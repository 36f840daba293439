import { compress, type Encoding } from '../http/compression';

/** A pull page encoded once, with its compressed forms made on first demand and kept. */
export class EncodedPage {
  readonly bytes: number;
  private readonly packed = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();

  constructor(readonly json: string) {
    this.bytes = json.length;
  }

  encoded(encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    let p = this.packed.get(encoding);
    if (!p) {
      p = compress(new TextEncoder().encode(this.json), encoding, 'fast');
      this.packed.set(encoding, p);
      p.catch(() => this.packed.delete(encoding));
    }
    return p;
  }
}

/**
 * Public pull pages, kept by (scope, cursor, limit) with the database state they were
 * read in: the highest server_seq and the tombstone horizon. Every change to a record
 * gives it a new, higher seq, and seqs commit in order under the sync write lock (SYNC.md,
 * the sequence-gap trap); a purge raises the horizon. So two snapshots with the same
 * (max seq, horizon) hold the same rows, and a page read in one is the page of the other:
 * a hit needs only that one-row stamp query, never a stale page, even with several
 * server instances on one PostgreSQL. Public devices all ask for the same pages (the
 * first sync of a phone, then caught-up polls), so most public pulls are hits.
 * Least recently used pages leave past `maxBytes`.
 */
export class PageCache {
  private readonly pages = new Map<string, { stamp: string; page: EncodedPage }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string, stamp: string): EncodedPage | undefined {
    const hit = this.pages.get(key);
    if (!hit) return undefined;
    this.pages.delete(key);
    if (hit.stamp !== stamp) {
      this.bytes -= hit.page.bytes;
      return undefined;
    }
    this.pages.set(key, hit);
    return hit.page;
  }

  set(key: string, stamp: string, page: EncodedPage): void {
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.page.bytes;
      this.pages.delete(key);
    }
    if (page.bytes > this.maxBytes / 4) return;
    this.pages.set(key, { stamp, page });
    this.bytes += page.bytes;
    for (const [k, v] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= v.page.bytes;
    }
  }
}
