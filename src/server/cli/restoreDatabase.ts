import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { commandLine } from './commandLine';
import { summaryText } from './describeDatabase';
import { restorePglite } from './restorePglite';
import { restorePostgres } from './restorePostgres';
import { runCli } from './runCli';

// `npm run db:restore -- <file> [--force]`: restores a backup made by db:backup into the
// database the server would open (DATABASE_URL, else the ESCALE_DATA_DIR folder). Stop
// the servers first. An empty target is filled; a non-empty one is replaced only with
// --force (a PGlite folder is then renamed aside, not deleted). Every device re-pulls
// its replica once afterwards (afterRestoreSql.ts says why); outboxes are kept.
// Exit 0 restored; 2 refused or bad arguments, nothing changed; 1 failed, nothing changed.

const USAGE = 'usage: npm run db:restore -- <fichier|file> [--force]';

runCli(async () => {
  const { file, flags } = commandLine(USAGE, ['force']);
  const config = loadConfig();
  const force = flags.has('force');
  if (config.databaseUrl) {
    const result = await restorePostgres(file, config.databaseUrl, { force });
    const what = summaryText(result);
    console.log(`Base PostgreSQL restaurée depuis ${file} (${what.fr}).`);
    console.log(`PostgreSQL database restored from ${file} (${what.en}).`);
    return 0;
  }
  const dataDir = resolve(config.dataDir);
  const result = await restorePglite(file, dataDir, { force });
  const what = summaryText(result);
  console.log(`Dossier PGlite ${dataDir} restauré depuis ${file} (${what.fr}).`);
  console.log(`PGlite folder ${dataDir} restored from ${file} (${what.en}).`);
  if (result.previous) {
    console.log(`L’ancien dossier est gardé dans ${result.previous} : supprimez-le quand tout va bien.`);
    console.log(`The previous folder is kept as ${result.previous}: remove it once all is well.`);
  }
  return 0;
});
