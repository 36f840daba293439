import { spawn } from 'node:child_process';
import { afterRestoreSql, newerThanCodeMessage } from './afterRestoreSql';
import { backupKind } from './backupKind';
import { connectForCheck, ESCALE_ARCHIVE } from './backupPostgres';
import { CliError } from './CliError';
import { describeDatabase, type DatabaseSummary } from './describeDatabase';
import { libpqEnv } from './libpqEnv';
import { missingTool, runTool } from './runTool';

/**
 * A `pg_dump -Fc` archive into the database of DATABASE_URL, in ONE transaction: the
 * archive's SQL (pg_restore writes it to a pipe) and afterRestoreSql go through one psql
 * `--single-transaction`, so a damaged archive, a full disk or a backup newer than the
 * code leaves the database exactly as it was.
 *
 * Refused while other sessions are connected to the database (the Escale servers: their
 * page caches and session cache would keep serving what the restore replaces) and, unless
 * `force`, when the database already has tables. With `force`, the archive's objects are
 * dropped and recreated (`--clean --if-exists`); objects the archive does not have stay.
 */
export async function restorePostgres(file: string, databaseUrl: string, options: { force: boolean }): Promise<DatabaseSummary> {
  const kind = backupKind(file);
  if (kind === 'pglite') {
    throw new CliError(
      'Ce fichier est une sauvegarde PGlite : retirez DATABASE_URL pour la restaurer dans un dossier PGlite (ESCALE_DATA_DIR).',
      'This file is a PGlite backup: unset DATABASE_URL to restore it into a PGlite folder (ESCALE_DATA_DIR).',
    );
  }
  if (kind !== 'postgres') throw new CliError(`${file} n’est pas une sauvegarde Escale.`, `${file} is not an Escale backup.`);
  const env = libpqEnv(databaseUrl);
  const list = await runTool('pg_restore', ['--list', file], env);
  if (list.code !== 0) throw new CliError(`${file} ne se lit pas :\n${list.stderr}`, `${file} cannot be read:\n${list.stderr}`);
  if (!ESCALE_ARCHIVE.test(list.stdout)) throw new CliError(`${file} n’est pas une sauvegarde Escale.`, `${file} is not an Escale backup.`);

  const client = await connectForCheck(databaseUrl);
  try {
    const others = await client.query<{ n: string }>(
      // Client sessions only: an autovacuum worker on the database is no reason to refuse.
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    const n = Number(others.rows[0]!.n);
    if (n > 0) {
      throw new CliError(
        `${n} autre(s) connexion(s) ouverte(s) sur cette base, sans doute les serveurs Escale : arrêtez-les (systemctl stop escale) avant de restaurer.`,
        `${n} other connection(s) open on this database, most likely the Escale servers: stop them (systemctl stop escale) before restoring.`,
      );
    }
    const tables = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')",
    );
    if (Number(tables.rows[0]!.n) > 0 && !options.force) {
      throw new CliError(
        'La base n’est pas vide : ajoutez --force pour la remplacer par la sauvegarde (ou restaurez dans une base neuve : createdb).',
        'The database is not empty: add --force to replace it with the backup (or restore into a new database: createdb).',
      );
    }
  } finally {
    await client.end();
  }

  await restoreInOneTransaction(file, env);

  const check = await connectForCheck(databaseUrl);
  try {
    return await describeDatabase(check);
  } finally {
    await check.end();
  }
}

/** pg_restore's script, then afterRestoreSql, into one psql transaction. */
function restoreInOneTransaction(file: string, env: Record<string, string>): Promise<void> {
  const childEnv = { ...process.env, ...env };
  return new Promise((resolve, reject) => {
    const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--single-transaction', '--file', '-'], {
      env: childEnv, stdio: ['pipe', 'ignore', 'pipe'],
    });
    const script = spawn('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', '-', file], {
      env: childEnv, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let psqlErr = '';
    let scriptErr = '';
    let failed: Error | undefined;
    const fail = (error: Error) => {
      if (failed) return;
      failed = error;
      // Killed, psql never sends COMMIT: the server rolls the whole transaction back.
      // (Ending its input instead would let --single-transaction commit half a restore.)
      psql.kill('SIGKILL');
      script.kill('SIGKILL');
    };
    psql.stderr.setEncoding('utf8').on('data', (d: string) => (psqlErr += d));
    script.stderr.setEncoding('utf8').on('data', (d: string) => (scriptErr += d));
    psql.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? missingTool('psql') : e));
    script.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? missingTool('pg_restore') : e));
    psql.stdin.on('error', () => {});
    script.stdout.pipe(psql.stdin, { end: false });
    script.on('close', (code) => {
      if (code !== 0) {
        fail(new CliError(`pg_restore a échoué, rien n’a été restauré :\n${scriptErr}`, `pg_restore failed, nothing was restored:\n${scriptErr}`, 1));
        return;
      }
      psql.stdin.end(afterRestoreSql());
    });
    psql.on('close', (code) => {
      // psql stopped at an error: pg_restore, now writing to no one, must not linger.
      if (script.exitCode === null) script.kill('SIGKILL');
      if (failed) return reject(failed);
      if (code === 0) return resolve();
      const newer = newerThanCodeMessage(psqlErr);
      if (newer) return reject(new CliError(newer.fr, newer.en));
      reject(new CliError(`La restauration a échoué, la base est inchangée :\n${psqlErr}`, `The restore failed, the database is unchanged:\n${psqlErr}`, 1));
    });
  });
}
