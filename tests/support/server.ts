/**
 * Runs the real Escale server (`npm start`'s command) for end-to-end tests: a temporary
 * data folder (embedded PGlite), a free port on the loopback, a known admin password.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The admin password given to test servers (at least 10 characters, as the config asks). */
export const TEST_ADMIN_LOGIN = 'admin';
export const TEST_ADMIN_PASSWORD = 'escale-test-admin-pw';

/** A port that was free a moment ago: bind port 0 on the loopback, read it, release it. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no port'))));
    });
  });
}

export interface EscaleServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period); keeps the data. */
  stop(): Promise<void>;
  /** Stops and starts again on the same port and data folder (same origin for the browser). */
  restart(): Promise<void>;
  /** Stops and removes the temporary data folder. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment (e.g. DATABASE_URL); overrides the defaults below. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for /api/health, in ms. */
  readyTimeoutMs?: number;
}

const STOP_GRACE_MS = 5_000;

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Escale server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Escale server not ready at ${url}/api/health after ${timeoutMs} ms (${lastError}):\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the server from the repository's built `dist/` and waits until /api/health answers. */
export async function startEscaleServer(options: StartOptions = {}): Promise<EscaleServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'escale-data-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  let log = '';
  let child: ChildProcess | undefined;

  const launch = async () => {
    log += `--- start ${new Date().toISOString()} ---\n`;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ESCALE_DATA_DIR: dataDir,
        ESCALE_ADMIN_LOGIN: TEST_ADMIN_LOGIN,
        ESCALE_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        DATABASE_URL: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child = proc;
    try {
      await waitForHealth(url, proc, readyTimeoutMs, () => log);
    } catch (error) {
      await stopChild(proc);
      throw error;
    }
  };

  const stop = async () => {
    if (child) await stopChild(child);
  };

  try {
    await launch();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    port,
    dataDir,
    output: () => log,
    stop,
    async restart() {
      await stop();
      await launch();
    },
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
