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
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  };
}
