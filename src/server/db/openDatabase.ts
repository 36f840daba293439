import type { Database } from './Database';
import { openPglite } from './openPglite';
import { openPostgres } from './openPostgres';

export interface DatabaseOptions {
  /** `postgres://…`: use PostgreSQL. Otherwise PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite folder, or `memory://`. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? '.escale/db');
}
