import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// Compression of bytes, with no HTTP in it: used by http/compression.ts (API answers),
// static.ts (files kept compressed) and the pull (pages kept with their compressed forms,
// sync/pull/EncodedPage.ts, PagePrefix.ts). Which encoding a request accepts is HTTP's
// business and stays in http/compression.ts (pickEncoding).

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** gzip's level for answers made per request (also sync/pull/PagePrefix.ts) and for kept files. */
export const GZIP_LEVEL = { fast: 5, best: 9 } as const;

/**
 * Compresses off the event loop (zlib's thread pool). `level` 'fast' for answers made per
 * request (API JSON: brotli 4 is about as fast as gzip 6 and smaller), 'best' for files
 * compressed once and kept (static assets).
 */
export async function compress(body: Uint8Array, encoding: Encoding, level: 'fast' | 'best'): Promise<Uint8Array<ArrayBuffer>> {
  const out = encoding === 'br'
    ? await brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: level === 'best' ? 11 : 4,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    })
    : await gz(body, { level: GZIP_LEVEL[level] });
  return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
}
