import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

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

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
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
    return (await stat(full)).isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built PWA from `distDir`. A GET that matches no file and looks like a page
 * navigation (no file extension) gets index.html, so client-side routes survive a reload.
 * Returns undefined when there is nothing to serve (the caller answers 404).
 */
export async function serveStatic(c: Context, distDir: string): Promise<Response | undefined> {
  const root = resolve(distDir);
  const path = c.req.path === '/' ? '/index.html' : c.req.path;
  let file = await fileAt(root, path);
  let servedPath = path;
  if (!file && !extname(path)) {
    file = await fileAt(root, '/index.html');
    servedPath = '/index.html';
  }
  if (!file) return undefined;
  const body = await readFile(file);
  return new Response(c.req.method === 'HEAD' ? null : body, {
    headers: {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(servedPath),
      ...(servedPath === '/sw.js' ? { 'Service-Worker-Allowed': '/' } : {}),
    },
  });
}
