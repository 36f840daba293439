/**
 * The `scale` benchmark's server, in its own process (so the load generator and the
 * server do not share one event loop): the real app (createApp) on 127.0.0.1 over a
 * PostgreSQL database the benchmark has already migrated and filled (scaleData.ts). No
 * seed, no first admin: the accounts and sessions are in the data. Prints `READY <url>`;
 * SIGTERM closes it. Run by scale.ts, never by hand.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/server/app';
import { defaultConfig } from '../../../src/server/config';
import { openPostgres } from '../../../src/server/db/openPostgres';

const { databaseUrl, territoryId } = JSON.parse(process.env.ESCALE_SCALE_SERVER ?? '{}') as { databaseUrl: string; territoryId: string };
// The pool size of `npm start` on PostgreSQL (openDatabase's default).
const db = openPostgres(databaseUrl);
const app = createApp({ db, config: defaultConfig({ territoryId, host: '127.0.0.1', distDir: '/nonexistent-escale-dist' }) });
const http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
  process.stdout.write(`READY http://127.0.0.1:${info.port}\n`);
});
const shutdown = () => {
  http.close();
  db.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
