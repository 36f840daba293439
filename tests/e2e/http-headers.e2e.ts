/**
 * Caching and security headers of the real server on the built app. No browser needed:
 * these run even where Chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEscaleServer, type EscaleServer } from '../support/server';

let server: EscaleServer;

beforeAll(async () => {
  server = await startEscaleServer();
});

afterAll(async () => {
  await server?.dispose();
});

async function headersOf(path: string): Promise<Headers> {
  const res = await fetch(`${server.url}${path}`);
  await res.arrayBuffer();
  expect(res.status, `GET ${path}`).toBe(200);
  return res.headers;
}

describe('caching', () => {
  test.each(['/', '/index.html', '/sw.js'])('%s is revalidated on every load (no-cache)', async (path) => {
    const cacheControl = (await headersOf(path)).get('cache-control') ?? '';
    expect(cacheControl).toMatch(/no-cache|no-store|max-age=0/);
    expect(cacheControl).not.toMatch(/immutable/);
  });

  test('a hashed asset named in index.html is immutable', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const asset = /(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset, 'index.html links a hashed /assets/ file').toBeTruthy();
    const cacheControl = (await headersOf(asset!)).get('cache-control') ?? '';
    expect(cacheControl).toMatch(/immutable/);
    expect(cacheControl).toMatch(/max-age=\d{6,}/);
  });
});

describe('security headers', () => {
  test.each(['/', '/api/health'])('%s carries a strict CSP and the hardening headers', async (path) => {
    const headers = await headersOf(path);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBeTruthy();
    expect(headers.get('x-frame-options') ?? '').toMatch(/deny/i);
  });
});
