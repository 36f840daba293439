import { spawn } from 'node:child_process';
import { CliError } from './CliError';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one PostgreSQL client program (pg_dump, pg_restore, psql) to its end and gives back
 * its exit code and output. A program missing from PATH is a refusal that says which
 * package to install, not a spawn error.
 */
export function runTool(program: string, args: readonly string[], env: Record<string, string>, input?: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? missingTool(program) : error));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A closed stdin (the program exited first) must not crash the tool with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

export function missingTool(program: string): CliError {
  return new CliError(
    `${program} est introuvable : installez le client PostgreSQL (Debian : apt-get install postgresql-client), de la même version majeure que le serveur ou plus récente.`,
    `${program} was not found: install the PostgreSQL client (Debian: apt-get install postgresql-client), of the server's major version or newer.`,
    1,
  );
}
