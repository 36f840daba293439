import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterRestoreSql, newerThanCodeMessage } from './afterRestoreSql';
import { refuseIfHeld } from './backupPglite';
import { backupKind } from './backupKind';
import { CliError } from './CliError';
import { describeDatabase, type DatabaseSummary } from './describeDatabase';

export interface PgliteRestore extends DatabaseSummary {
  /** Where the folder that was replaced now is (with --force), kept for the operator to remove. */
  previous?: string;
}

/**
 * A backup file (backupPglite) into the PGlite folder `dataDir`. Nothing is written to
 * `dataDir` until the restored database has opened, passed its checks and had its sync
 * sequence moved on (afterRestoreSql): it is built in a sibling folder, then renamed into
 * place. A folder that already holds something is refused unless `force`, and even then
 * it is not deleted but renamed aside: a restore from the wrong file must be undoable.
 */
export async function restorePglite(file: string, dataDir: string, options: { force: boolean }): Promise<PgliteRestore> {
  const kind = backupKind(file);
  if (kind === 'postgres') {
    throw new CliError(
      'Ce fichier est une sauvegarde PostgreSQL (pg_dump) : donnez DATABASE_URL pour la restaurer dans PostgreSQL.',
      'This file is a PostgreSQL backup (pg_dump): set DATABASE_URL to restore it into PostgreSQL.',
    );
  }
  if (kind !== 'pglite') {
    throw new CliError(`${file} n’est pas une sauvegarde Escale.`, `${file} is not an Escale backup.`);
  }
  const target = resolve(dataDir);
  const occupied = existsSync(target) && readdirSync(target).length > 0;
  if (occupied) {
    refuseIfHeld(target);
    if (!options.force) {
      throw new CliError(
        `Le dossier ${target} n’est pas vide : ajoutez --force pour le remplacer (il sera renommé, pas effacé).`,
        `The folder ${target} is not empty: add --force to replace it (it is renamed aside, not deleted).`,
      );
    }
  }

  // The parent is made if missing (as the server would), and removed again on a failure.
  const madeParent = mkdirSync(dirname(target), { recursive: true });
  const building = `${target}.restoring-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  let summary: DatabaseSummary;
  try {
    let pg: PGlite;
    try {
      pg = await PGlite.create(building, { loadDataDir: new Blob([readFileSync(file)]) });
    } catch (error) {
      throw new CliError(
        `${file} ne s’ouvre pas comme une base PGlite (fichier abîmé, ou fait par une autre version de PGlite) : ${String(error)}`,
        `${file} does not open as a PGlite database (damaged, or made by another PGlite version): ${String(error)}`,
        1,
      );
    }
    try {
      summary = await describeDatabase(pg);
      try {
        await pg.transaction((tx) => tx.exec(afterRestoreSql()));
      } catch (error) {
        const newer = newerThanCodeMessage(String(error));
        if (newer) throw new CliError(newer.fr, newer.en);
        throw error;
      }
      // The renumbering rewrote every row once; PGlite has no autovacuum to reclaim it.
      await pg.exec('VACUUM ANALYZE');
    } finally {
      await pg.close();
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (madeParent) rmSync(madeParent, { recursive: true, force: true });
    throw error;
  }

  // The swap. Checked again: a server may have been started while the copy was built.
  let previous: string | undefined;
  if (existsSync(target)) {
    if (readdirSync(target).length === 0) {
      rmdirSync(target);
    } else {
      try {
        refuseIfHeld(target);
      } catch (error) {
        rmSync(building, { recursive: true, force: true });
        throw error;
      }
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, previous);
    }
  }
  try {
    renameSync(building, target);
  } catch (error) {
    if (previous) renameSync(previous, target);
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  return previous ? { ...summary, previous } : summary;
}
