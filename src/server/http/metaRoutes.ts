import { Hono } from 'hono';
import type { AppContext } from './AppContext';

export function metaRoutes(app: AppContext): Hono {
  const r = new Hono();
  r.get('/health', async (c) => {
    await app.db.query('SELECT 1');
    return c.json({ ok: true, db: app.db.kind });
  });
  /** Map tile source for the app: configuration, not code (docs/interface.md, "The map and its tiles"). */
  r.get('/config', (c) =>
    c.json({ tileUrl: app.config.tileUrl, tileAttribution: app.config.tileAttribution, tileMaxZoom: app.config.tileMaxZoom }),
  );
  return r;
}
