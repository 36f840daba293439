/**
 * `npm test`: every suite, in the order a failure is cheapest to read.
 *
 *   1. Chromium: found (ESCALE_CHROMIUM, /usr/bin/chromium), or installed from Debian when
 *      running as root with apt-get; otherwise the browser tests are skipped with a loud
 *      warning, except under CI=true where a missing Chromium is a failure.
 *   2. PostgreSQL: probed once and told to the server tests the way
 *      tests/server/support/backends.ts reads it: ESCALE_TEST_PG_URL (the maintenance
 *      database they create their throwaway databases from), or ESCALE_TEST_PG=0 to run
 *      on PGlite only.
 *   3. `vite build`: the server and browser tests run the built dist/.
 *   4. `vitest run`: unit and server tests (the root vite.config.ts).
 *   5. `vitest run --config tests/e2e/vitest.config.ts`: the browser end-to-end suite.
 *
 * Each vitest run writes a JSON report in tests/.artifacts/; the closing line
 * "Tests: N passed, M failed" adds both up (CI reads it). A step that breaks without a
 * report (build failure, crashed runner, missing Chromium in CI) counts as one failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_INSTALL_HINT, findChromium } from './support/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = join(ROOT, 'tests', '.artifacts');
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const STEP_TIMEOUT_MS = Number(process.env.ESCALE_TEST_STEP_TIMEOUT_MIN ?? 30) * 60_000;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

const total: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
const timings: string[] = [];

function banner(text: string): void {
  console.log(`\n=== ${text} ===`);
}

function warnLoudly(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

function infraFailure(what: string): void {
  total.failed += 1;
  total.failures.push(what);
}

/** Runs a command with inherited output; resolves with its exit code (124 on timeout). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`\n${command} ${args.join(' ')}: still running after ${STEP_TIMEOUT_MS / 60_000} min, stopped.`);
      child.kill('SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done(code ?? (signal === 'SIGKILL' ? 124 : 1));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(String(error));
      done(1);
    });
  });
}

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await step();
  } finally {
    timings.push(`${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
}

// ---------------------------------------------------------------- Chromium

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function ensureChromium(): Promise<string | undefined> {
  banner('Chromium');
  let path = findChromium();
  if (!path && !process.env.ESCALE_CHROMIUM && isRoot() && hasCommand('apt-get')) {
    console.log('Chromium not found: installing Debian\'s chromium (apt-get update && apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      (await run('apt-get', ['update'], env)) === 0 &&
      (await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env)) === 0;
    if (!ok) console.error('apt-get could not install chromium.');
    path = findChromium();
  }
  if (path) {
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`Using ${path} (${version || 'version unknown'})`);
    return path;
  }
  const where = process.env.ESCALE_CHROMIUM ? `ESCALE_CHROMIUM=${process.env.ESCALE_CHROMIUM} does not exist.` : 'Chromium was not found.';
  if (IN_CI) {
    console.error(`${where} ${CHROMIUM_INSTALL_HINT}`);
    infraFailure('Chromium missing in CI (browser tests cannot run)');
  } else {
    warnLoudly([
      `${where} THE BROWSER TESTS ARE SKIPPED.`,
      CHROMIUM_INSTALL_HINT,
      'Offline behaviour, the service worker and accessibility are NOT verified by this run.',
    ]);
  }
  return undefined;
}

// ---------------------------------------------------------------- PostgreSQL

async function probePostgres(url: string): Promise<string | undefined> {
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The PostgreSQL URL the server tests will use, or undefined for PGlite only. */
async function choosePostgres(): Promise<string | undefined> {
  banner('PostgreSQL');
  if (process.env.ESCALE_TEST_PG === '0') {
    console.log('ESCALE_TEST_PG=0: the server tests run on PGlite only.');
    return undefined;
  }
  const given = process.env.ESCALE_TEST_PG_URL;
  const url = given || DEFAULT_PG_URL;
  const shown = url.replace(/:[^:@/]*@/, ':***@');
  const problem = await probePostgres(url);
  if (!problem) {
    console.log(`PostgreSQL reachable at ${shown}: the server tests run on PGlite and PostgreSQL.`);
    return url;
  }
  warnLoudly([
    `PostgreSQL is not reachable at ${shown} (${problem}).`,
    'The server tests run on PGlite only (ESCALE_TEST_PG=0).',
    'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  ]);
  if (given) infraFailure(`ESCALE_TEST_PG_URL=${shown} is set but not reachable`);
  return undefined;
}

// ---------------------------------------------------------------- vitest reports

interface AssertionResult {
  fullName?: string;
  title?: string;
  status: string;
  failureMessages?: string[];
}
interface FileResult {
  name: string;
  status: string;
  message?: string;
  assertionResults: AssertionResult[];
}
interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: FileResult[];
}

function firstLines(text: string, n = 3): string {
  return text.split('\n').filter((l) => l.trim()).slice(0, n).join('\n      ');
}

/** Adds a suite's JSON report to the tally; a crash without a usable report counts as one failure. */
function tallyReport(suite: string, reportPath: string, exitCode: number): void {
  let report: JsonReport | undefined;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as JsonReport;
  } catch {
    report = undefined;
  }
  if (!report) {
    infraFailure(`${suite}: vitest exited ${exitCode} without a report`);
    return;
  }
  let failed = report.numFailedTests;
  total.passed += report.numPassedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const name = file.name.startsWith(ROOT) ? file.name.slice(ROOT.length + 1) : file.name;
    for (const a of file.assertionResults) {
      if (a.status === 'failed') {
        total.failures.push(`${suite} › ${name} › ${a.fullName ?? a.title}\n      ${firstLines(a.failureMessages?.join('\n') ?? '')}`);
      }
    }
    // A file that fails to load or whose hooks throw has no failed assertion of its own.
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
      failed += 1;
      total.failures.push(`${suite} › ${name} (file failed: ${firstLines(file.message ?? 'see output above')})`);
    }
  }
  // Unhandled errors make vitest exit non-zero with every test green: count them once.
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    total.failures.push(`${suite}: vitest exited ${exitCode} (unhandled error or timeout; see output above)`);
  }
  total.failed += failed;
}

async function vitest(suite: string, reportName: string, extraArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  banner(suite);
  const reportPath = join(ARTIFACTS, reportName);
  rmSync(reportPath, { force: true });
  const args = [
    join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ];
  const code = await timed(suite, () => run(process.execPath, args, env));
  tallyReport(suite, reportPath, code);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  const chromium = await timed('chromium check', ensureChromium);
  const pgUrl = await timed('postgres probe', choosePostgres);
  const env: NodeJS.ProcessEnv = pgUrl
    ? { ...process.env, ESCALE_TEST_PG: '1', ESCALE_TEST_PG_URL: pgUrl }
    : { ...process.env, ESCALE_TEST_PG: '0' };
  if (chromium) env.ESCALE_CHROMIUM = chromium;
  else env.ESCALE_SKIP_BROWSER = '1';

  banner('vite build');
  const buildCode = await timed('vite build', () => run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], env));
  if (buildCode !== 0) infraFailure(`vite build exited ${buildCode}`);

  await vitest('unit + server tests', 'vitest-unit-server.json', [], env);

  if (buildCode === 0 && existsSync(join(ROOT, 'dist', 'index.html'))) {
    await vitest('browser end-to-end tests', 'vitest-e2e.json', ['--config', 'tests/e2e/vitest.config.ts'], env);
  } else {
    infraFailure('browser end-to-end tests not run: no built dist/');
  }

  banner('summary');
  console.log(timings.map((t) => `  ${t}`).join('\n'));
  console.log(`  total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!chromium) console.log('  browser tests: SKIPPED (no Chromium)');
  if (!pgUrl) console.log('  PostgreSQL backend: NOT tested (ESCALE_TEST_PG=0)');
  if (total.failures.length) {
    console.log('\nFailures:');
    for (const f of total.failures) console.log(`  ✗ ${f}`);
  }
  console.log('');
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  console.log(`Tests: ${total.passed} passed, ${total.failed} failed${skipped}`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`Tests: ${total.passed} passed, ${total.failed + 1} failed`);
  process.exitCode = 1;
});
