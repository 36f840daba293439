import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp } from '../../../src/server/http/AppContext';
import { loadConfig } from '../../../src/server/config';

// The login limiter counts failures per address. Behind a reverse proxy the socket's
// peer is the proxy, so everyone would share one count: with ESCALE_TRUSTED_PROXIES the
// address is read from X-Forwarded-For, trusting only the entries the proxies wrote.

async function ipOf(trustedProxies: number, headers: Record<string, string>): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientIp(c, trustedProxies)));
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
  const res = await app.request('/', { headers }, env);
  return res.text();
}

describe('clientIp', () => {
  it('is the socket peer when no proxy is trusted, whatever the caller writes', async () => {
    expect(await ipOf(0, { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.1');
  });

  it('is the address the trusted proxy saw, not one the caller put before it', async () => {
    expect(await ipOf(1, { 'x-forwarded-for': '198.51.100.7' })).toBe('198.51.100.7');
    expect(await ipOf(1, { 'x-forwarded-for': 'forged, 198.51.100.7' })).toBe('198.51.100.7');
    // Two proxies (a load balancer, then nginx): the outer one's entry.
    expect(await ipOf(2, { 'x-forwarded-for': 'forged, 198.51.100.7, 10.0.0.2' })).toBe('198.51.100.7');
  });

  it('falls back to the peer when the header is missing or shorter than the proxies', async () => {
    expect(await ipOf(1, {})).toBe('127.0.0.1');
    expect(await ipOf(2, { 'x-forwarded-for': '198.51.100.7' })).toBe('127.0.0.1');
  });

  it('is configured by ESCALE_TRUSTED_PROXIES, 0 to 5', () => {
    expect(loadConfig({}).trustedProxies).toBe(0);
    expect(loadConfig({ ESCALE_TRUSTED_PROXIES: '1' }).trustedProxies).toBe(1);
    expect(() => loadConfig({ ESCALE_TRUSTED_PROXIES: 'yes' })).toThrow(/ESCALE_TRUSTED_PROXIES/);
  });
});
