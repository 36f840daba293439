import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { CliError } from './CliError';

export type BackupKind = 'pglite' | 'postgres' | 'unknown';

/**
 * What a backup file is, from its first bytes, so that a restore refuses the wrong kind
 * before it touches anything: `pg_dump -Fc` archives start with "PGDMP"; PGlite's
 * `dumpDataDir('gzip')` writes a gzip stream (1f 8b), and an uncompressed data-dir
 * tarball has "ustar" at byte 257.
 */
export function backupKind(file: string): BackupKind {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CliError(`Fichier introuvable : ${file}`, `File not found: ${file}`);
  }
  const head = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  return 'unknown';
}
