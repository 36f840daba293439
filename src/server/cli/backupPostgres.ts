import { statSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { backupTarget } from './backupTarget';
import { CliError } from './CliError';
import { describeDatabase, type DatabaseSummary } from './describeDatabase';
import { libpqEnv } from './libpqEnv';
import { runTool } from './runTool';

/** Opens a client for the tools' own checks; a connection failure is the operator's to fix. */
export async function connectForCheck(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new CliError(`Connexion à DATABASE_URL impossible : ${String(error)}`, `Cannot connect to DATABASE_URL: ${String(error)}`, 1);
  }
  return client;
}

/** An Escale archive lists the migrations table; `pg_restore --list` reads only the table of contents. */
export const ESCALE_ARCHIVE = /^\d+; \d+ \d+ TABLE public schema_migrations /m;

/**
 * PostgreSQL into one `pg_dump -Fc` archive (custom format: compressed, restored with
 * pg_restore, table by table if need be). pg_dump reads one snapshot, so the servers keep
 * running: the archive is consistent as of the moment it started. The archive's table of
 * contents is read back with `pg_restore --list` before the file is published.
 */
export async function backupPostgres(databaseUrl: string, file: string): Promise<DatabaseSummary & { bytes: number }> {
  const env = libpqEnv(databaseUrl);
  const client = await connectForCheck(databaseUrl);
  let summary: DatabaseSummary;
  try {
    summary = await describeDatabase(client);
  } finally {
    await client.end();
  }
  const target = backupTarget(file);
  try {
    // Created first with owner-only rights; pg_dump truncates and fills it, keeping them.
    writeFileSync(target.tmp, '', { mode: 0o600 });
    const dump = await runTool('pg_dump', ['--format=custom', '--file', target.tmp], env);
    if (dump.code !== 0) throw new CliError(`pg_dump a échoué :\n${dump.stderr}`, `pg_dump failed:\n${dump.stderr}`, 1);
    const list = await runTool('pg_restore', ['--list', target.tmp], env);
    if (list.code !== 0 || !ESCALE_ARCHIVE.test(list.stdout)) {
      throw new CliError(`L’archive écrite ne se relit pas :\n${list.stderr}`, `The archive written does not read back:\n${list.stderr}`, 1);
    }
    const bytes = statSync(target.tmp).size;
    target.publish();
    return { ...summary, bytes };
  } catch (error) {
    target.discard();
    throw error;
  }
}
