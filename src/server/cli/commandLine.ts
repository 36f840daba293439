import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './CliError';

/**
 * The one file argument and the flags of a backup or restore command. A relative path is
 * taken from where the person typed the command: `npm run` moves to the package root and
 * keeps the original folder in INIT_CWD.
 */
export function commandLine(usage: string, flags: readonly string[]): { file: string; flags: Set<string> } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: Object.fromEntries(flags.map((f) => [f, { type: 'boolean' as const }])),
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`, usage);
  }
  if (parsed.positionals.length !== 1 || !parsed.positionals[0]) {
    throw new CliError(`Donnez un seul fichier.\n${usage}`, `Give exactly one file.\n${usage}`);
  }
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]);
  return { file, flags: new Set(flags.filter((f) => parsed.values[f] === true)) };
}
