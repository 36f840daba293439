import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { territoryIdSchema } from '../../shared/domain/common';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/openDatabase';
import { CliError } from './CliError';
import { findPgliteHolder } from './findPgliteHolder';
import { runCli } from './runCli';
import { runImportCommand } from './runImportCommand';

// `npm run import:datainclusion -- [--dry-run] [--territory <slug>] <file|url>…`: imports
// data·inclusion v1 records into the database the server uses (DATABASE_URL, else
// ESCALE_DATA_DIR, as `npm start`), with the checks and the report of the office's
// transfer screen. On PostgreSQL it runs beside the servers; on PGlite the server must be
// stopped (its folder is one process's), else use the HTTP endpoint with a staff token:
//   curl -H "Authorization: Bearer <token>" -H "Content-Type: application/json" \
//        --data-binary @file.json "https://…/api/import/datainclusion?dryRun=1"
// Exit codes: runImportCommand.ts.

const USAGE = 'usage: npm run import:datainclusion -- [--dry-run] [--territory <slug>] <fichier|file|url>…';

runCli(async () => {
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: { 'dry-run': { type: 'boolean' }; territory: { type: 'string' } } }>>;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, territory: { type: 'string' } } });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, USAGE);
  }
  if (parsed.positionals.length === 0) throw new CliError(`Donnez au moins un fichier ou une adresse.\n${USAGE}`, `Give at least one file or URL.\n${USAGE}`);
  const config = loadConfig();
  const territoryId = parsed.values.territory ?? config.territoryId;
  if (!z.safeParse(territoryIdSchema, territoryId).success) throw new CliError(`Territoire invalide : ${territoryId}.\n${USAGE}`, `Invalid territory: ${territoryId}.`);
  // PGlite is one backend inside the server's process: a second process on its folder would corrupt it.
  const holder = config.databaseUrl ? undefined : findPgliteHolder(config.dataDir);
  if (typeof holder === 'number') {
    throw new CliError(
      `La base ${config.dataDir} est ouverte par le processus ${holder} (le serveur ?) : arrêtez-le, ou importez par POST /api/import/datainclusion avec un compte du bureau (docs/data.md).`,
      `The database ${config.dataDir} is open in process ${holder} (the server?): stop it, or import through POST /api/import/datainclusion with a staff account (docs/data.md).`,
    );
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    return await runImportCommand({
      db, sources: parsed.positionals, dryRun: parsed.values['dry-run'] === true, territoryId, now: new Date(),
      actorId: `cli:${userInfo().username}`,
      io: { fetch, cwd: process.env.INIT_CWD ?? process.cwd(), token: process.env.ESCALE_DI_TOKEN },
      print: (line) => console.log(line),
    });
  } finally {
    await db.close();
  }
});
