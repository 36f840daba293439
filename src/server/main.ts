import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { getTerritorySeed, territories } from '../territories/index';
import { ConfigError, loadConfig, servedTerritories, type ServerConfig } from './config';
import type { Database } from './db/Database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/openDatabase';
import { ensureFirstAdmin } from './seed/ensureFirstAdmin';
import { seedTerritory } from './seed/seedTerritory';
import { upgradeVocabularies } from './seed/upgradeVocabularies';
import { ensureNoteKey, wrapNoteKeys } from './sync/push/noteKey';
import { purgeTombstones } from './sync/store/purgeTombstones';
import { moveClearNotes, purgeVisitNotes } from './sync/store/visitNotes';
import { loadNoteCipher } from './notesKeys';

// `npm start`: build the app if needed, open and migrate the database, seed an empty one,
// create the first admin, and serve the PWA and /api on one port.

async function main(): Promise<void> {
  const config = loadConfig();
  // The default territory (ESCALE_TERRITORY) first, then those ESCALE_TERRITORIES serves by host.
  const served = servedTerritories(config);
  const unknown = served.filter((id) => !getTerritorySeed(id));
  if (unknown.length) {
    throw new ConfigError(`Unknown territory in ESCALE_TERRITORY or ESCALE_TERRITORIES: ${unknown.join(', ')}; known territories: ${Object.keys(territories).join(', ')}`);
  }
  if (!existsSync(join(config.distDir, 'index.html')) && process.env.ESCALE_SKIP_BUILD !== '1') {
    console.log('[escale] dist/index.html missing: building the app (vite build)…');
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) console.error('[escale] vite build failed: serving the API only.');
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length) console.log(`[escale] migrations applied: ${applied.join(', ')}`);
  // Records stored before the move to data·inclusion v1 get v1 slugs (a no-op afterwards).
  const upgraded = await upgradeVocabularies(db, new Date());
  if (upgraded) console.log(`[escale] ${upgraded} records moved to data·inclusion v1 vocabularies`);

  for (const territoryId of served) await seedAndAdmin(db, config, territoryId);
  // The key notes rest under (ESCALE_NOTES_KEY, or the key file made at the first start).
  const notes = loadNoteCipher(config, { create: true });
  if (!config.notesKey) console.log(`[escale] visit notes key: ${config.notesKeyFile} (set ESCALE_NOTES_KEY in production, see docs/privacy.md)`);
  // The key tablets seal visit notes for (generated once, kept in the database), its
  // private half wrapped under the notes key (a database from before migration 007 has it
  // in clear: wrapped now).
  const wrapped = await wrapNoteKeys(db, notes);
  if (wrapped.wrapped) console.log(`[escale] ${wrapped.wrapped} note sealing keys wrapped under the notes key`);
  await ensureNoteKey(db, notes);
  const moved = await moveClearNotes(db, notes, new Date());
  if (moved) console.log(`[escale] ${moved} visit notes moved out of the replicated rows, encrypted`);

  // Retention jobs, at start and every 6 hours.
  const purge = async () => {
    try {
      await purgeTombstones(db, new Date(), config.tombstoneRetentionDays);
      await purgeVisitNotes(db, new Date(), config.notesRetentionDays);
    } catch (error) {
      console.error('[escale] retention purge failed', error);
    }
  };
  await purge();
  const purgeTimer = setInterval(purge, 6 * 3600_000);
  purgeTimer.unref();

  const app = createApp({ db, config, notes });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    const base = `http://${host}:${info.port}`;
    console.log(`[escale] listening on ${base} (database: ${db.kind})`);
    // Where each audience starts, so a newcomer need not read the routes.
    console.log(`[escale] inhabitants: ${base}/ · aidants: ${base}/aidant · office and admins: ${base}/bureau`);
    for (const [name, territoryId] of Object.entries(config.territoryHosts)) console.log(`[escale] ${territoryId}: http://${name}:${info.port}/`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[escale] ${signal}: closing`);
    clearInterval(purgeTimer);
    server.close(() => {
      db.close().then(() => process.exit(0), () => process.exit(1));
    });
    // Keep-alive sockets must not hold the process forever.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * Seeds a territory not yet in the database (a second start writes nothing) and gives it
 * a first admin: `ESCALE_ADMIN_LOGIN` for the default territory, `<login>-<territory>` for
 * the others (cut to 40 characters); the password of the default one may be set, the
 * others' are generated and printed once.
 */
async function seedAndAdmin(db: Database, config: ServerConfig, territoryId: string): Promise<void> {
  const count = await seedTerritory(db, getTerritorySeed(territoryId)!, new Date());
  if (count) console.log(`[escale] territory ${territoryId} seeded: ${count} records`);
  const isDefault = territoryId === config.territoryId;
  const admin = await ensureFirstAdmin(db, {
    territoryId,
    login: isDefault ? config.adminLogin : `${config.adminLogin}-${territoryId}`.slice(0, 40).replace(/[-.]+$/, ''),
    ...(isDefault ? { password: config.adminPassword } : {}),
  });
  if (admin) {
    console.log(`[escale] first admin${isDefault ? '' : ` of ${territoryId}`} created: login "${admin.user.login}"`);
    if (admin.generated) console.log(`[escale] its password, shown only now: ${admin.password}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
