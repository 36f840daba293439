import { reportLines } from '../../shared/datainclusion/planImport';
import type { Database } from '../db/Database';
import { importDataInclusionFile } from '../sync/import/importDataInclusionFile';
import { CliError } from './CliError';
import { readImportSources, type SourceIo } from './readImportSources';

// The work of `npm run import:datainclusion`, on an open database (the entry point,
// importDataInclusion.ts, opens the server's; the tests pass theirs).
//
// Exit codes: 0 every record imported (or unchanged); 3 some records refused, the others
// imported (with --dry-run: would be) — each refusal is in the report; 2 nothing written
// (bad arguments, a source unreadable or not data·inclusion, an unknown territory);
// 1 a failure (nothing written: the import is one transaction).

export interface ImportCommand {
  db: Database;
  sources: readonly string[];
  dryRun: boolean;
  territoryId: string;
  now: Date;
  actorId: string;
  io: SourceIo;
  print: (line: string) => void;
}

export async function runImportCommand(cmd: ImportCommand): Promise<number> {
  const json = await readImportSources(cmd.sources, cmd.io);
  const outcome = await importDataInclusionFile(cmd.db, { territoryId: cmd.territoryId, json, dryRun: cmd.dryRun, now: cmd.now, actorId: cmd.actorId });
  if (outcome.kind === 'unknown_territory') {
    throw new CliError(`Le territoire « ${cmd.territoryId} » n’est pas dans cette base : rien n’est écrit.`, `Territory "${cmd.territoryId}" is not in this database: nothing written.`);
  }
  for (const line of reportLines(outcome.plan, { dryRun: cmd.dryRun })) cmd.print(line);
  return outcome.plan.counts.refused > 0 ? 3 : 0;
}
