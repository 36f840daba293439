import type { MiddlewareHandler } from 'hono';

/**
 * Strict CSP and the usual hardening headers on every response, API and static alike.
 * The tile server's origin is the only outside origin: in img-src for Leaflet's <img>
 * tiles and in connect-src for the "keep the map offline" download (fetch). No inline
 * script anywhere, so script-src is 'self' only; styles are 'self' too (Leaflet's
 * positioning uses element.style, which CSP does not govern).
 */
export function securityHeaders(tileUrl: string): MiddlewareHandler {
  let tileOrigin = '';
  try {
    tileOrigin = new URL(tileUrl.replace(/[{}]/g, '')).origin;
  } catch {
    tileOrigin = '';
  }
  const extra = tileOrigin ? ` ${tileOrigin}` : '';
  const csp = [
    "default-src 'self'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "script-src 'self'",
    "style-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const headers: Array<[string, string]> = [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'geolocation=(self), camera=(), microphone=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  return async (c, next) => {
    await next();
    // Set on the answer's own headers: `c.header()` after the handler rebuilds the Response
    // around its body (each call), which turned every answer into a stream that
    // @hono/node-server then reads chunk by chunk instead of writing the text at once
    // (a third of the CPU of a cached public pull). Headers of a fetched or redirect
    // Response are immutable: then c.header() does the copy.
    try {
      for (const [name, value] of headers) c.res.headers.set(name, value);
    } catch {
      for (const [name, value] of headers) c.header(name, value);
    }
  };
}
