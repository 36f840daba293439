import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TerritoryInputError } from './TerritoryInputError';

/**
 * Writes `files` as the folder `target`, all or nothing: into a temporary folder beside
 * it (same file system, so the rename is atomic), then renamed into place. An existing
 * folder is refused unless `force`; with `force` it is moved aside first and put back if
 * the rename fails, and deleted only once the new folder is in place.
 */
export function writeFolderAtomically(target: string, files: Record<string, string>, options: { force?: boolean } = {}): void {
  if (existsSync(target) && !options.force) {
    throw new TerritoryInputError('The folder exists already (nothing was written):', [`${target}: give --force to replace it`]);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(join(parent, `.${basename(target)}.new-`));
  let old: string | undefined;
  try {
    // mkdtemp makes it private (0700); the folder is source code, readable like the rest.
    chmodSync(temp, 0o755);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temp, name), content);
    if (existsSync(target)) {
      old = `${temp.replace('.new-', '.old-')}`;
      renameSync(target, old);
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      if (old) renameSync(old, target);
      old = undefined;
      throw error;
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}
