import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { backupTarget } from './backupTarget';
import { CliError } from './CliError';
import { describeDatabase, type DatabaseSummary } from './describeDatabase';
import { findPgliteHolder } from './findPgliteHolder';

/** Refuses while another process (the server) has the folder open: see findPgliteHolder. */
export function refuseIfHeld(dataDir: string): void {
  const holder = findPgliteHolder(dataDir);
  if (holder === undefined) return;
  const pid = holder === 'unknown' ? '' : ` (processus ${holder})`;
  const pidEn = holder === 'unknown' ? '' : ` (process ${holder})`;
  const fr = [
    `Le dossier ${dataDir} est ouvert par un autre programme${pid}, sans doute le serveur Escale.`,
    'Arrêtez-le d’abord (systemctl stop escale), puis relancez la commande : PGlite n’admet qu’un processus à la fois.',
  ];
  const en = [
    `The folder ${dataDir} is open in another program${pidEn}, most likely the Escale server.`,
    'Stop it first (systemctl stop escale), then run the command again: PGlite allows one process at a time.',
  ];
  if (holder === 'unknown') {
    fr.push('S’il ne tourne pas, il s’est arrêté sans fermer la base : démarrez-le puis arrêtez-le une fois.');
    en.push('If it is not running, it stopped without closing the database: start and stop it once.');
  }
  throw new CliError(fr.join(' '), en.join(' '));
}

/**
 * A PGlite folder into one file: PGlite's own data-dir tarball (`dumpDataDir`, gzip),
 * which `PGlite.create(dir, { loadDataDir })` reads back. The server must be stopped: the
 * copy is then of a closed, checkpointed database, consistent by construction. The file
 * is loaded back into a throw-away in-memory PGlite before it is published, so a backup
 * that would not restore is never left looking like one.
 */
export async function backupPglite(dataDir: string, file: string): Promise<DatabaseSummary & { bytes: number }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new CliError(`Aucune base PGlite dans ${dataDir} (ESCALE_DATA_DIR).`, `No PGlite database in ${dataDir} (ESCALE_DATA_DIR).`);
  }
  refuseIfHeld(dataDir);
  const target = backupTarget(file);
  try {
    const pg = await PGlite.create(dataDir);
    let summary: DatabaseSummary;
    let dump: Blob;
    try {
      summary = await describeDatabase(pg);
      // Flushes every page to the data files, so the copy needs no WAL replay to open.
      await pg.exec('CHECKPOINT');
      dump = await pg.dumpDataDir('gzip');
    } finally {
      await pg.close();
    }
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Backups hold password hashes, the note key and visit logs: for the owner only.
    writeFileSync(target.tmp, bytes, { mode: 0o600 });
    const check = await PGlite.create('memory://', { loadDataDir: new Blob([bytes]) });
    try {
      const loaded = await describeDatabase(check);
      if (loaded.records !== summary.records || loaded.accounts !== summary.accounts || loaded.schemaVersion !== summary.schemaVersion) {
        throw new CliError('La sauvegarde relue ne correspond pas à la base : rien n’a été écrit.', 'The backup read back differs from the database: nothing was written.', 1);
      }
    } finally {
      await check.close();
    }
    target.publish();
    return { ...summary, bytes: bytes.length };
  } catch (error) {
    target.discard();
    throw error;
  }
}
