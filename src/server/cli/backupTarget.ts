import { closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './CliError';

export interface BackupTarget {
  /** Where the tool writes; beside the final file, so that publishing is one link. */
  tmp: string;
  /** Makes the finished file appear under its final name, whole or not at all. */
  publish(): void;
  /** Removes what was written (after a failure). */
  discard(): void;
}

/**
 * The file a backup goes to. Never overwritten: an existing file may be the only good
 * backup there is. The data is written to a hidden sibling, flushed to disk, then
 * hard-linked to the final name (which fails if that name appeared meanwhile), so a
 * crash, a full disk or a killed tool leaves either no file or a complete one, never a
 * truncated backup that looks fine until the day it is needed.
 */
export function backupTarget(file: string): BackupTarget {
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`Le dossier ${dir} n’existe pas.`, `The folder ${dir} does not exist.`);
  }
  if (existsSync(file)) {
    throw new CliError(
      `${file} existe déjà : choisissez un autre nom (une sauvegarde n’est jamais écrasée).`,
      `${file} already exists: choose another name (a backup is never overwritten).`,
    );
  }
  const tmp = join(dir, `.${basename(file)}.partial-${process.pid}`);
  return {
    tmp,
    publish() {
      const fd = openSync(tmp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        linkSync(tmp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new CliError(`${file} est apparu pendant la sauvegarde : rien n’a été écrasé.`, `${file} appeared during the backup: nothing was overwritten.`);
        }
        throw error;
      } finally {
        rmSync(tmp, { force: true });
      }
      const dirFd = openSync(dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    },
    discard() {
      rmSync(tmp, { force: true });
    },
  };
}
