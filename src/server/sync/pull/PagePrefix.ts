import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { GZIP_LEVEL } from '../../compress/compress';

const deflateRawAsync = promisify(deflateRaw);

/** gzip's header: deflate, no name or time, Unix (RFC 1952 §2.3). */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);

interface Deflated {
  blocks: Buffer;
  crc: number;
  length: number;
}

/**
 * The start of a pull page shared by many devices: an aidant page whose rows all come
 * from the directory is the same text for every aidant of the territory up to
 * `],"cursor":`, and only its last ~150 characters (cursor, lastMutationId) are the
 * device's. The shared text is deflated once, ending on a byte boundary (Z_SYNC_FLUSH,
 * no final block), and each answer is that plus its own tail as stored (uncompressed)
 * deflate blocks, the last one final, with the CRC carried on from the shared part: one
 * valid gzip stream (RFC 1951/1952), the same bytes once decoded. Gzipping a whole 200 KB
 * page cost about 2.8 ms of CPU per request; deflating the tail alone still cost 0.2 ms
 * (a zlib stream's setup); storing it costs microseconds, for a few dozen bytes more.
 */
export class PagePrefix {
  readonly bytes: number;
  private deflated?: Promise<Deflated>;

  constructor(readonly text: string) {
    this.bytes = text.length;
  }

  /** The gzip stream of `this.text + rest`. */
  async gzipWith(rest: string): Promise<Uint8Array<ArrayBuffer>> {
    const head = await this.deflate();
    const tail = storedBlocks(Buffer.from(rest, 'utf8'));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(rest, head.crc), 0);
    // ISIZE is the length modulo 2^32.
    trailer.writeUInt32LE((head.length + Buffer.byteLength(rest)) % 0x1_0000_0000, 4);
    const out = new Uint8Array(GZIP_HEADER.length + head.blocks.length + tail.length + trailer.length);
    let at = 0;
    for (const part of [GZIP_HEADER, head.blocks, tail, trailer]) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private deflate(): Promise<Deflated> {
    if (!this.deflated) {
      const text = this.text;
      this.deflated = deflateRawAsync(text, { level: GZIP_LEVEL.fast, finishFlush: constants.Z_SYNC_FLUSH }).then((blocks) => ({
        blocks,
        crc: crc32(text),
        length: Buffer.byteLength(text),
      }));
      this.deflated.catch(() => (this.deflated = undefined));
    }
    return this.deflated;
  }
}

/** The largest stored block (LEN is 16 bits). */
const MAX_STORED = 0xffff;

/**
 * `data` as deflate stored blocks (RFC 1951 §3.2.4), the last one final, starting on a
 * byte boundary: each is a header byte (BFINAL, BTYPE 00, padding), LEN and its one's
 * complement NLEN (little-endian), then the bytes as they are.
 */
export function storedBlocks(data: Uint8Array): Uint8Array {
  const count = Math.max(1, Math.ceil(data.length / MAX_STORED));
  const out = new Uint8Array(data.length + count * 5);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const chunk = data.subarray(i * MAX_STORED, (i + 1) * MAX_STORED);
    out[at] = i === count - 1 ? 1 : 0;
    out[at + 1] = chunk.length & 0xff;
    out[at + 2] = chunk.length >>> 8;
    out[at + 3] = ~chunk.length & 0xff;
    out[at + 4] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  return out;
}
