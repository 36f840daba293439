import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { backupPglite } from './backupPglite';
import { backupPostgres } from './backupPostgres';
import { commandLine } from './commandLine';
import { summaryText } from './describeDatabase';
import { runCli } from './runCli';

// `npm run db:backup -- <file>`: backs up the database the server would open (the same
// DATABASE_URL / ESCALE_DATA_DIR as `npm start`) into a new file.
//   PostgreSQL: a pg_dump -Fc archive, taken while the servers run.
//   PGlite: the data folder as PGlite's tarball; the server must be stopped (refused
//   otherwise, see findPgliteHolder.ts).
// Exit 0 written; 2 refused or bad arguments, nothing written; 1 failed, nothing written.

const USAGE = 'usage: npm run db:backup -- <fichier|file>';

runCli(async () => {
  const { file } = commandLine(USAGE, []);
  const config = loadConfig();
  const result = config.databaseUrl
    ? await backupPostgres(config.databaseUrl, file)
    : await backupPglite(resolve(config.dataDir), file);
  const what = summaryText(result);
  const size = `${(result.bytes / 1_048_576).toFixed(1)} MB`;
  console.log(`Sauvegarde écrite : ${file} (${size}, ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${what.fr}).`);
  console.log(`Backup written: ${file} (${size}, ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${what.en}).`);
  return 0;
});
