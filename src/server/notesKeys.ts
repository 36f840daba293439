import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerConfig } from './config';
import { newNotesKey, NoteCipher, parseNotesKey } from './sync/store/NoteCipher';

// Where the notes key comes from (docs/privacy.md):
// - ESCALE_NOTES_KEY (and ESCALE_NOTES_PREVIOUS_KEYS during a rotation): the operator keeps
//   it outside the database, e.g. in the systemd unit's environment file;
// - otherwise the key file (ESCALE_NOTES_KEY_FILE, default `.escale/notes.key`, beside the
//   PGlite folder), generated at the first start so that `npm start` needs no setting.
//   One key per line: the first seals, the others only open (a rotation in progress).

/** The keys of a key file, first the current one; undefined when the file does not exist. */
export function readKeyFile(file: string): Buffer[] | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const keys = lines.map(parseNotesKey);
  if (!keys.length || keys.some((k) => k === undefined)) {
    throw new Error(`${file}: each line must be a notes key (32 bytes as base64)`);
  }
  return keys as Buffer[];
}

/** Writes a key file whole (temporary file + rename), readable by its owner only. */
export function writeKeyFile(file: string, keys: readonly Buffer[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, keys.map((k) => k.toString('base64')).join('\n') + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * The server's notes cipher from its configuration. Without ESCALE_NOTES_KEY the key file
 * is read, or created with a fresh key when `create` (the server's start; the tools only read).
 */
export function loadNoteCipher(config: ServerConfig, { create }: { create: boolean }): NoteCipher {
  if (config.notesKey) {
    return new NoteCipher(parseNotesKey(config.notesKey)!, config.notesPreviousKeys.map((k) => parseNotesKey(k)!));
  }
  let keys = readKeyFile(config.notesKeyFile);
  if (!keys) {
    if (!create) throw new Error(`no notes key: ESCALE_NOTES_KEY is unset and ${config.notesKeyFile} does not exist`);
    keys = [parseNotesKey(newNotesKey())!];
    writeKeyFile(config.notesKeyFile, keys);
  }
  const [current, ...previous] = keys;
  return new NoteCipher(current!, [...previous, ...config.notesPreviousKeys.map((k) => parseNotesKey(k)!)]);
}
