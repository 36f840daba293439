import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';

// Security headers on every response, health and config, and the static PWA with its
// cache rules. Static serving does not touch the database: PGlite only.

const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const value${i} = "${'abc'.repeat(i % 7)}";`).join('\n');

describe('headers, meta endpoints and static files', () => {
  let server: TestServer;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'escale-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Escale</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Escale"}');
    writeFileSync(join(dist, 'assets', 'index-Bx12abCd.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'big-Zz98yxWv.js'), BIG_JS);
    server = await createTestServer(pgliteBackend, {
      config: { distDir: dist, tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© Exemple', tileMaxZoom: 16 },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/api/health', '/api/nope', '/', '/assets/index-Bx12abCd.js', '/missing.png', '/aidant/visite'])('security headers on %s', async (path) => {
    const res = await server.fetch(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const part of [
      "default-src 'self'", "script-src 'self'", "worker-src 'self'", "manifest-src 'self'", "frame-ancestors 'none'",
      "base-uri 'self'", "form-action 'self'", "img-src 'self' data: blob: https://tiles.example.org", "connect-src 'self' https://tiles.example.org",
    ]) expect(csp).toContain(part);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });

  it('health and config', async () => {
    expect(await (await server.fetch('/api/health')).json()).toEqual({ ok: true, db: 'pglite' });
    expect(await (await server.fetch('/api/config')).json()).toEqual({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© Exemple', tileMaxZoom: 16 });
  });

  it('hashed assets are immutable; entry points are revalidated', async () => {
    const asset = await server.fetch('/assets/index-Bx12abCd.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await server.fetch(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect((await server.fetch('/manifest.webmanifest')).headers.get('content-type')).toContain('application/manifest+json');
  });

  it('text files compressed for clients that accept it (br first), decoding to the file; revalidation by ETag', async () => {
    const plain = await server.fetch('/assets/big-Zz98yxWv.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_JS);
    for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
      const res = await server.fetch('/assets/big-Zz98yxWv.js', { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      const body = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(body.byteLength);
      expect(decode(body).toString('utf8')).toBe(BIG_JS);
    }
    // Tiny files are sent as they are.
    expect((await server.fetch('/sw.js', { headers: { 'accept-encoding': 'br' } })).headers.get('content-encoding')).toBeNull();
    const first = await server.fetch('/');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await server.fetch('/', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    // Build-time siblings are only served as encodings.
    expect((await server.fetch('/assets/big-Zz98yxWv.js.br')).status).toBe(404);
  });

  it('SPA fallback for navigations; 404 for missing files, unknown API and traversal', async () => {
    const nav = await server.fetch('/aidant/visite/123');
    expect(nav.status).toBe(200);
    expect(await nav.text()).toContain('<title>Escale</title>');
    for (const path of ['/assets/missing-abc.js', '/favicon.ico', '/%2e%2e/%2e%2e/etc/passwd.txt', '/..%2f..%2fpackage.json']) {
      const res = await server.fetch(path);
      expect(res.status, path).toBe(404);
    }
    const api = await server.fetch('/api/does-not-exist');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not_found' });
  });
});
