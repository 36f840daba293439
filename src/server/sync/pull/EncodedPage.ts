import { compress, type Encoding } from '../../compress/compress';
import type { PagePrefix } from './PagePrefix';

/**
 * A pull page encoded once, with its compressed forms made on first demand and kept. It
 * may start with a prefix shared with other devices' pages (PagePrefix), then `rest` is
 * the text after it.
 */
export class EncodedPage {
  readonly bytes: number;
  private readonly packed = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();

  private utf8Bytes?: Uint8Array<ArrayBuffer>;

  constructor(private readonly rest: string, private readonly prefix?: PagePrefix) {
    this.bytes = (prefix?.bytes ?? 0) + rest.length;
  }

  /**
   * What keeping this page costs beyond a shared prefix (kept anyway for other devices):
   * its own text, and the gzip stream it is sent as, about a quarter of the prefix's text
   * (JSON of places gzips 4–6 times).
   */
  get ownBytes(): number {
    return this.prefix ? this.rest.length + Math.ceil(this.prefix.bytes / 4) : this.bytes;
  }

  get json(): string {
    return this.prefix ? this.prefix.text + this.rest : this.rest;
  }

  /** The JSON as UTF-8, made once: a kept page is sent many times. */
  get utf8(): Uint8Array<ArrayBuffer> {
    return (this.utf8Bytes ??= new TextEncoder().encode(this.json));
  }

  encoded(encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    let p = this.packed.get(encoding);
    if (!p) {
      p = this.prefix && encoding === 'gzip' ? this.prefix.gzipWith(this.rest) : compress(this.utf8, encoding, 'fast');
      this.packed.set(encoding, p);
      p.catch(() => this.packed.delete(encoding));
    }
    return p;
  }
}
