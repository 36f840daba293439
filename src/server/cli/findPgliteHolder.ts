import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Which process has the PGlite folder open, if any. PGlite is one PostgreSQL backend
 * inside the server's process, with no postmaster to keep a second process out: two
 * processes opening the same folder would both write its files and corrupt it, and a
 * copy taken while the server writes is not consistent. So the backup and restore tools
 * refuse while another process holds the folder.
 *
 * An open PGlite writes `postmaster.pid` (removed when it closes cleanly) and keeps the
 * folder's relation and WAL files open, which Linux shows under /proc/<pid>/fd. After a
 * crash the pid file stays but no process holds a file: the folder is free (PGlite
 * replays its WAL when opened, as PostgreSQL does). Without /proc (macOS) the pid file
 * alone decides, and the answer is 'unknown'.
 *
 * Returns the holder's pid, 'unknown', or undefined when the folder is free.
 */
export function findPgliteHolder(dataDir: string): number | 'unknown' | undefined {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return undefined;
  if (!existsSync('/proc/self/fd')) return 'unknown';
  const root = realpathSync(dataDir) + sep;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      // Another user's process (not readable), or it has just exited.
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target.startsWith(root)) return Number(entry);
    }
  }
  return undefined;
}
