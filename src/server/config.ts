import { dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { territoryIdSchema } from '../shared/domain/common';

/**
 * Server configuration, read once from the environment at start. Every problem is
 * reported at once with the variable's name, rather than failing later deep inside.
 */
export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; absent → PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  distDir: string;
  /**
   * Territory seeded into an empty database and given the first admin; with
   * `territoryHosts`, the one served at an address that is not in the map.
   */
  territoryId: string;
  /**
   * ESCALE_TERRITORIES: host name (lowercase, no port) → territory served there. Empty
   * (the default): one territory, `territoryId`, whatever the address, as before.
   */
  territoryHosts: Record<string, string>;
  adminLogin: string;
  adminPassword?: string;
  tileUrl: string;
  tileAttribution: string;
  tileMaxZoom: number;
  sessionDays: number;
  /** Tombstones older than this are purged and the horizon advances. */
  tombstoneRetentionDays: number;
  /** How far back an aidant's own visits, sessions… are pulled. */
  aidantHistoryDays: number;
  /** Visit notes (personal data) are removed from the server after this. */
  notesRetentionDays: number;
  /**
   * The notes key (ESCALE_NOTES_KEY: 32 bytes as base64), which seals visit notes at rest.
   * Absent: the key file `notesKeyFile`, generated at first start (src/server/notesKeys.ts).
   */
  notesKey?: string;
  /** Keys a rotation replaced (ESCALE_NOTES_PREVIOUS_KEYS, comma-separated): they only open. */
  notesPreviousKeys: string[];
  /** Where the generated key lives when ESCALE_NOTES_KEY is unset (beside the PGlite folder). */
  notesKeyFile: string;
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For (0: none). The
   * per-address login limit then counts the address the outermost trusted proxy saw,
   * not the proxy's own (which would lock everyone out together).
   */
  trustedProxies: number;
  /**
   * ESCALE_PULL_CACHE_MB: the budget of each of the three pull caches of a process (public
   * pages; the directory rows of aidant pages; each device's last pages, DevicePages.ts),
   * in MB of page text. A territory of 500
   * places needs about 0.4 MB in the first and 0.8 MB in the second; past the budget the
   * least recently asked pages leave, and devices cycling through more pages than fit
   * miss every time (docs/performance.md, "Scale").
   */
  pullCacheMb: number;
}

/** 32 bytes as base64 (the notes key's form; NoteCipher.ts parses it). */
function isNotesKey(text: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(text.trim());
}

export const DEFAULT_TILE_URL =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2' +
  '&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';

export class ConfigError extends Error {}

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 8080,
    host: '0.0.0.0',
    dataDir: '.escale/db',
    distDir: 'dist',
    territoryId: 'civraisien-en-poitou',
    territoryHosts: {},
    adminLogin: 'admin',
    tileUrl: DEFAULT_TILE_URL,
    tileAttribution: '© IGN – Plan IGN v2',
    tileMaxZoom: 18,
    sessionDays: 30,
    tombstoneRetentionDays: 180,
    aidantHistoryDays: 90,
    notesRetentionDays: 90,
    notesPreviousKeys: [],
    notesKeyFile: '.escale/notes.key',
    trustedProxies: 0,
    pullCacheMb: 128,
    ...overrides,
  };
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `host=territory,host=territory` (ESCALE_TERRITORIES) → the map; problems go to `errors`. */
export function parseTerritoryHosts(raw: string | undefined, errors: string[]): Record<string, string> {
  const hosts: Record<string, string> = {};
  if (!raw || !raw.trim()) return hosts;
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [host = '', territory = '', ...rest] = entry.split('=').map((p) => p.trim());
    const name = host.toLowerCase();
    if (rest.length || !HOST_NAME.test(name) || !z.safeParse(territoryIdSchema, territory).success) {
      errors.push(`ESCALE_TERRITORIES entries are host=territory-id, comma-separated (got "${entry}")`);
    } else if (Object.hasOwn(hosts, name)) {
      errors.push(`ESCALE_TERRITORIES names the host "${name}" twice`);
    } else {
      hosts[name] = territory;
    }
  }
  return hosts;
}

/** The territory served at a request's Host header (port and case ignored). */
export function territoryForHost(config: Pick<ServerConfig, 'territoryId' | 'territoryHosts'>, host: string | undefined): string {
  if (!host) return config.territoryId;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return Object.hasOwn(config.territoryHosts, name) ? config.territoryHosts[name]! : config.territoryId;
}

/** Every territory the server serves: the default first, then those of ESCALE_TERRITORIES. */
export function servedTerritories(config: Pick<ServerConfig, 'territoryId' | 'territoryHosts'>): string[] {
  return [...new Set([config.territoryId, ...Object.values(config.territoryHosts)])];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const errors: string[] = [];
  const base = defaultConfig();
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) errors.push('DATABASE_URL must start with postgres:// or postgresql://');
  const tileUrl = env.ESCALE_TILE_URL || base.tileUrl;
  try {
    const u = new URL(tileUrl.replace(/[{}]/g, ''));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    errors.push(`ESCALE_TILE_URL must be an http(s) URL template (got "${tileUrl}")`);
  }
  const adminLogin = env.ESCALE_ADMIN_LOGIN || base.adminLogin;
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(adminLogin)) errors.push('ESCALE_ADMIN_LOGIN must be 2–40 of a-z 0-9 . _ -');
  const adminPassword = env.ESCALE_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) errors.push('ESCALE_ADMIN_PASSWORD must have at least 10 characters');
  const notesKey = env.ESCALE_NOTES_KEY || undefined;
  if (notesKey !== undefined && !isNotesKey(notesKey)) errors.push('ESCALE_NOTES_KEY must be 32 bytes as base64 (44 characters; npm run notes:rotate-key -- --new-key prints one)');
  const notesPreviousKeys = (env.ESCALE_NOTES_PREVIOUS_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (notesPreviousKeys.some((k) => !isNotesKey(k))) errors.push('ESCALE_NOTES_PREVIOUS_KEYS must be keys of 32 bytes as base64, separated by commas');
  const dataDir = env.ESCALE_DATA_DIR || base.dataDir;
  const config: ServerConfig = {
    ...base,
    port: intVar(env, 'PORT', base.port, 0, 65535, errors),
    host: env.HOST || base.host,
    databaseUrl,
    dataDir,
    distDir: env.ESCALE_DIST_DIR || base.distDir,
    territoryId: env.ESCALE_TERRITORY || base.territoryId,
    territoryHosts: parseTerritoryHosts(env.ESCALE_TERRITORIES, errors),
    adminLogin,
    adminPassword,
    tileUrl,
    tileAttribution: env.ESCALE_TILE_ATTRIBUTION || base.tileAttribution,
    tileMaxZoom: intVar(env, 'ESCALE_TILE_MAX_ZOOM', base.tileMaxZoom, 1, 22, errors),
    sessionDays: intVar(env, 'ESCALE_SESSION_DAYS', base.sessionDays, 1, 365, errors),
    tombstoneRetentionDays: intVar(env, 'ESCALE_TOMBSTONE_RETENTION_DAYS', base.tombstoneRetentionDays, 1, 3650, errors),
    aidantHistoryDays: intVar(env, 'ESCALE_AIDANT_HISTORY_DAYS', base.aidantHistoryDays, 1, 3650, errors),
    notesRetentionDays: intVar(env, 'ESCALE_NOTES_RETENTION_DAYS', base.notesRetentionDays, 1, 3650, errors),
    notesKey,
    notesPreviousKeys,
    // Beside the PGlite folder (.escale/db → .escale/notes.key), never inside it: a copy
    // of the database folder alone must not carry the key.
    notesKeyFile: env.ESCALE_NOTES_KEY_FILE || join(dirname(dataDir), 'notes.key'),
    trustedProxies: intVar(env, 'ESCALE_TRUSTED_PROXIES', base.trustedProxies, 0, 5, errors),
    pullCacheMb: intVar(env, 'ESCALE_PULL_CACHE_MB', base.pullCacheMb, 1, 16384, errors),
  };
  if (errors.length) throw new ConfigError(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return config;
}
