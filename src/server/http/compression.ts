import type { MiddlewareHandler } from 'hono';
import { compress, type Encoding } from '../compress/compress';

/** Text types worth compressing (JSON pull pages shrink about 8×, JavaScript 3–4×). */
const COMPRESSIBLE = /^(?:application\/(?:json|geo\+json|manifest\+json|javascript)|text\/|image\/svg\+xml)/;
/** Statuses that never carry a body. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);
/** Below this, the headers outweigh the saving. */
const MIN_BYTES = 1024;

/**
 * The encoding to answer with, from the request's Accept-Encoding, or none. Brotli first
 * for answers compressed once and kept (smaller); `gzip` first for answers compressed at
 * every request: brotli's setup costs several milliseconds of CPU per call on a 90 KB
 * pull page (measured: server CPU per aidant page 3.4 ms with gzip, 10.4 ms with br).
 */
export function pickEncoding(acceptEncoding: string | undefined, prefer: 'br' | 'gzip' = 'br'): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const offered = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offered.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  for (const name of prefer === 'br' ? (['br', 'gzip'] as const) : (['gzip', 'br'] as const)) if (ok(name)) return name;
  return undefined;
}

export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * Compresses API answers (JSON) for clients that accept it: browsers always do, and
 * `fetch` decodes transparently, so the sync client and the service worker see the same
 * JSON. Answers already encoded (static files, see static.ts), small, or of other types
 * pass as they are. Sets Content-Length, so a cut body is still detected as cut.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // Every answer may differ by Accept-Encoding, so caches must key on it.
    const vary = res.headers.get('vary') ?? '';
    if (isCompressible(res.headers.get('content-type')) && !/accept-encoding/i.test(vary)) res.headers.append('Vary', 'Accept-Encoding');
    // Decided on the headers alone first: reading `res.body` turns @hono/node-server's
    // light Response into a web stream it then writes chunk by chunk (slow).
    if (c.req.method === 'HEAD' || res.headers.has('content-encoding')) return;
    if (!isCompressible(res.headers.get('content-type'))) return;
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    if (!encoding || NO_BODY.has(res.status)) return;
    const raw = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const packed = raw.byteLength < MIN_BYTES ? raw : await compress(raw, encoding, 'fast');
    if (packed !== raw) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(packed.byteLength));
    // Hono copies the previous answer's headers over a new one: clear it first, so the
    // old Content-Length cannot overwrite the new.
    c.res = undefined;
    c.res = new Response(packed, { status: res.status, statusText: res.statusText, headers });
  };
}
