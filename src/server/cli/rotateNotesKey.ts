import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/openDatabase';
import { readKeyFile, writeKeyFile } from '../notesKeys';
import { newNotesKey, NoteCipher, notesKeyId, parseNotesKey } from '../sync/store/NoteCipher';
import { noteKeysByKey, wrapNoteKeys } from '../sync/push/noteKey';
import { notesByKey, rotateVisitNotes } from '../sync/store/visitNotes';
import { CliError } from './CliError';
import { findPgliteHolder } from './findPgliteHolder';
import { runCli } from './runCli';

// `npm run notes:rotate-key`: every visit note re-encrypted under the current notes key
// (docs/privacy.md#rotating-the-notes-key).
//   With ESCALE_NOTES_KEY set: the operator has put the new key there and the old one in
//   ESCALE_NOTES_PREVIOUS_KEYS (and restarted the servers); this re-encrypts what is under
//   the old one. Then ESCALE_NOTES_PREVIOUS_KEYS can be emptied.
//   With the key file (no ESCALE_NOTES_KEY): a new key is made and written first in the
//   file (the old one kept on the next line), the notes re-encrypted, then the old key
//   dropped from the file. PGlite: the server must be stopped (it holds the folder).
//   `--new-key` prints a fresh key and touches nothing.
// Exit 0 done; 2 refused; 1 some notes are under a key not given (left as they are).

runCli(async () => {
  const { values } = parseArgs({ options: { 'new-key': { type: 'boolean' } } });
  if (values['new-key']) {
    console.log(newNotesKey());
    return 0;
  }
  const config = loadConfig();
  const holder = config.databaseUrl ? undefined : findPgliteHolder(config.dataDir);
  if (typeof holder === 'number') {
    throw new CliError(
      `La base ${config.dataDir} est ouverte par le processus ${holder} (le serveur ?) : arrêtez-le d’abord.`,
      `The database ${config.dataDir} is open in process ${holder} (the server?): stop it first.`,
    );
  }
  let cipher: NoteCipher;
  let fileKeys: Buffer[] | undefined;
  if (config.notesKey) {
    cipher = new NoteCipher(parseNotesKey(config.notesKey)!, config.notesPreviousKeys.map((k) => parseNotesKey(k)!));
  } else {
    const file = resolve(config.notesKeyFile);
    const old = readKeyFile(file);
    if (!old) {
      throw new CliError(`Pas de clé des notes : ESCALE_NOTES_KEY est vide et ${file} n’existe pas.`, `No notes key: ESCALE_NOTES_KEY is unset and ${file} does not exist.`);
    }
    fileKeys = [parseNotesKey(newNotesKey())!, ...old];
    // Written before any note moves: a crash in between leaves every note openable.
    writeKeyFile(file, fileKeys);
    cipher = new NoteCipher(fileKeys[0]!, fileKeys.slice(1));
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const report = await rotateVisitNotes(db, cipher);
    // The private half of the note key tablets seal for rests under the notes key too.
    const keys = await wrapNoteKeys(db, cipher);
    const counts = new Map(await notesByKey(db));
    for (const [kid, n] of await noteKeysByKey(db)) counts.set(kid, (counts.get(kid) ?? 0) + n);
    const left = [...counts].filter(([kid]) => kid !== cipher.currentKid);
    console.log(`Notes rechiffrées sous la clé ${cipher.currentKid} : ${report.rotated}.`);
    console.log(`Notes re-encrypted under key ${cipher.currentKid}: ${report.rotated}.`);
    console.log(`Clés de scellement des tablettes, emballées sous la clé ${cipher.currentKid} : ${keys.rotated + keys.wrapped}.`);
    console.log(`Tablet sealing keys wrapped under key ${cipher.currentKid}: ${keys.rotated + keys.wrapped}.`);
    if (left.length) {
      const list = left.map(([kid, n]) => `${kid} (${n})`).join(', ');
      console.error(`Restent sous une clé non fournie : ${list}. Ajoutez-la à ESCALE_NOTES_PREVIOUS_KEYS et relancez.`);
      console.error(`Still under a key not given: ${list}. Add it to ESCALE_NOTES_PREVIOUS_KEYS and run again.`);
      return 1;
    }
    if (fileKeys) writeKeyFile(resolve(config.notesKeyFile), [fileKeys[0]!]);
    else if (config.notesPreviousKeys.length) {
      const dropped = config.notesPreviousKeys.map((k) => notesKeyId(parseNotesKey(k)!)).join(', ');
      console.log(`Plus aucune note sous ${dropped} : videz ESCALE_NOTES_PREVIOUS_KEYS. / No note left under ${dropped}: empty ESCALE_NOTES_PREVIOUS_KEYS.`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
