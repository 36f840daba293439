import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { compress, type Encoding } from './compress/compress';
import { isCompressible, pickEncoding } from './http/compression';
import { readRoutePreloads, routeFor, swapPreloads, type RoutePreloadLists } from './routePreloads';
import { isEntryPoint, rewriteEntryPoint, textTag, type PageTerritory } from './territoryPages';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
};

/**
 * Caching: files under /assets/ carry a content hash in their name, so they never change
 * and are cached for a year. The entry points (index.html, sw.js, the manifest) must be
 * revalidated every time, or a device would keep an old app (and an old service worker)
 * forever. Everything else is revalidated too.
 */
function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function fileAt(root: string, urlPath: string): Promise<{ path: string; stats: Stats } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = resolve(join(root, decoded));
  // No path traversal out of dist/.
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const stats = await stat(full);
    return stats.isFile() ? { path: full, stats } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compressed copies of the files served, made once per file version (path, size, mtime)
 * and kept in memory: a build's text files are a few hundred KB. A `.br`/`.gz` written
 * next to a file at build time (vite.config.ts) is used as it is; otherwise the file is
 * compressed at its first request, at the best level (once per build, so worth it).
 */
async function readBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const b = await readFile(path);
  return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}

const packedCache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const PACKED_CACHE_MAX = 500;

function packed(file: { path: string; stats: Stats }, encoding: Encoding, body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${file.path}\0${file.stats.size}\0${file.stats.mtimeMs}\0${encoding}`;
  let hit = packedCache.get(key);
  if (!hit) {
    const sibling = `${file.path}.${encoding === 'br' ? 'br' : 'gz'}`;
    hit = stat(sibling)
      .then((s) => (s.isFile() && s.mtimeMs >= file.stats.mtimeMs ? readBytes(sibling) : Promise.reject(new Error('stale'))))
      .catch(() => compress(body, encoding, 'best'));
    if (packedCache.size >= PACKED_CACHE_MAX) packedCache.clear();
    packedCache.set(key, hit);
    hit.catch(() => packedCache.delete(key));
  }
  return hit;
}

/**
 * Serves the built PWA from `distDir`. A GET that matches no file and looks like a page
 * navigation (no file extension) gets index.html, so client-side routes survive a reload.
 * Returns undefined when there is nothing to serve (the caller answers 404). With
 * `territory`, the entry points name the territory of the address (territoryPages.ts). A
 * navigation to a public route other than the home preloads that route's chunks
 * (routePreloads.ts).
 */
export async function serveStatic(c: Context, distDir: string, territory?: () => Promise<PageTerritory>): Promise<Response | undefined> {
  const root = resolve(distDir);
  const path = c.req.path === '/' ? '/index.html' : c.req.path;
  // Build-time .br/.gz siblings are served only as encodings of their file.
  if (/\.(?:br|gz)$/.test(path)) return undefined;
  let file = await fileAt(root, path);
  let servedPath = path;
  let route: ServedRoute | undefined;
  if (!file && !extname(path)) {
    file = await fileAt(root, '/index.html');
    servedPath = '/index.html';
    if (file) {
      const lists = await preloadLists(root, file.stats);
      const own = lists && routeFor(lists, path);
      if (own) route = { ...own, home: lists.home };
    }
  }
  if (!file) return undefined;
  const type = TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  // A weak validator from size and mtime: a revalidated entry point (no-cache) costs a 304.
  const etag = `W/"${file.stats.size.toString(36)}-${Math.floor(file.stats.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': cacheControl(servedPath),
    ETag: etag,
    ...(servedPath === '/sw.js' ? { 'Service-Worker-Allowed': '/' } : {}),
  };
  const compressible = isCompressible(type);
  if (compressible) headers.Vary = 'Accept-Encoding';
  if ((territory || route) && isEntryPoint(servedPath)) {
    const rewritten = await rewrittenEntry(file, servedPath, territory ? await territory() : undefined, route);
    if (rewritten) return sendRewritten(c, rewritten, headers);
  }
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  let body = await readBytes(file.path);
  const encoding = compressible && body.byteLength >= 1024 ? pickEncoding(c.req.header('accept-encoding')) : undefined;
  if (encoding) {
    body = await packed(file, encoding, body);
    headers['Content-Encoding'] = encoding;
  }
  headers['Content-Length'] = String(body.byteLength);
  return new Response(c.req.method === 'HEAD' ? null : body, { headers });
}

/** Rewritten entry points by file version and territory: a few KB each. */
const rewrittenCache = new Map<string, Promise<{ text: Uint8Array<ArrayBuffer>; etag: string; packed: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>> } | undefined>>();

/** A navigation's route, with its preloads and the home's they replace (routePreloads.ts). */
interface ServedRoute {
  path: string;
  files: string[];
  home: string[];
}

/** The route preload lists of the build, read again when its index.html changes. */
const listsCache = new Map<string, Promise<RoutePreloadLists | undefined>>();

function preloadLists(root: string, index: Stats): Promise<RoutePreloadLists | undefined> {
  const key = `${root}\0${index.size}\0${index.mtimeMs}`;
  let hit = listsCache.get(key);
  if (!hit) {
    if (listsCache.size >= 16) listsCache.clear();
    listsCache.set(key, (hit = readRoutePreloads(root)));
  }
  return hit;
}

/**
 * The entry point as served for `territory` and, for a navigation to a public route,
 * with that route's preloads; undefined when it is the built file unchanged.
 */
function rewrittenEntry(file: { path: string; stats: Stats }, servedPath: string, territory: PageTerritory | undefined, route?: ServedRoute) {
  const key = `${file.path}\0${file.stats.size}\0${file.stats.mtimeMs}\0${territory?.id}\0${territory?.name}\0${route?.path}`;
  let hit = rewrittenCache.get(key);
  if (!hit) {
    hit = readFile(file.path, 'utf8').then((original) => {
      const named = territory ? rewriteEntryPoint(servedPath, original, territory) : original;
      const text = route ? swapPreloads(named, route.home, route.files) : named;
      if (text === original) return undefined;
      const bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
      return { text: bytes, etag: textTag(text), packed: new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>() };
    });
    if (rewrittenCache.size >= PACKED_CACHE_MAX) rewrittenCache.clear();
    rewrittenCache.set(key, hit);
    hit.catch(() => rewrittenCache.delete(key));
  }
  return hit;
}

async function sendRewritten(
  c: Context,
  entry: { text: Uint8Array<ArrayBuffer>; etag: string; packed: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>> },
  headers: Record<string, string>,
): Promise<Response> {
  headers.ETag = entry.etag;
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim() === entry.etag)) {
    return new Response(null, { status: 304, headers });
  }
  let body = entry.text;
  const encoding = body.byteLength >= 1024 ? pickEncoding(c.req.header('accept-encoding')) : undefined;
  if (encoding) {
    let packedBody = entry.packed.get(encoding);
    if (!packedBody) entry.packed.set(encoding, (packedBody = compress(body, encoding, 'best')));
    body = await packedBody;
    headers['Content-Encoding'] = encoding;
  }
  headers['Content-Length'] = String(body.byteLength);
  return new Response(c.req.method === 'HEAD' ? null : body, { headers });
}
