import type { EncodedPage } from './EncodedPage';

/**
 * Values read from the database, kept by key with the directory state they were read in:
 * the territory's highest directory server_seq and the tombstone horizon (the "stamp",
 * see directoryStamp.ts). Every change to a record gives it a new, higher seq, and seqs
 * commit in order under the sync write lock (docs/sync.md, the sequence-gap trap); a purge
 * raises the horizon. So two snapshots with the same stamp hold the same directory rows,
 * and a value read in one is the value of the other: a hit needs only the one-row stamp
 * query, never serves a stale page, even with several server instances on one
 * PostgreSQL. Devices of a territory all ask for the same pages (a first sync, then
 * caught-up polls), so most pulls are hits. Least recently used values leave past
 * `maxBytes`.
 */
export class PageCache<V extends { readonly bytes: number } = EncodedPage> {
  private readonly values = new Map<string, { stamp: string; value: V }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The value kept for `key` if it was read in the state `stamp`. */
  get(key: string, stamp: string): V | undefined {
    const hit = this.values.get(key);
    if (!hit) return undefined;
    this.values.delete(key);
    if (hit.stamp !== stamp) {
      this.bytes -= hit.value.bytes;
      return undefined;
    }
    this.values.set(key, hit);
    return hit.value;
  }

  /** The value kept for `key` whatever its state, to prepare a query; check it with get(). */
  peek(key: string): { stamp: string; value: V } | undefined {
    return this.values.get(key);
  }

  set(key: string, stamp: string, value: V): void {
    const old = this.values.get(key);
    if (old) {
      this.bytes -= old.value.bytes;
      this.values.delete(key);
    }
    if (value.bytes > this.maxBytes / 4) return;
    this.values.set(key, { stamp, value });
    this.bytes += value.bytes;
    for (const [k, v] of this.values) {
      if (this.bytes <= this.maxBytes) break;
      this.values.delete(k);
      this.bytes -= v.value.bytes;
    }
  }
}
