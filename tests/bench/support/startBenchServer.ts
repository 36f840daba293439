import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { REPO_ROOT } from '../../support/server';
import type { BenchServerConfig } from './benchServer';

export interface BenchServer {
  url: string;
  /** Aidant sessions, each bound to its own device (clientId); the password is TEST_PASSWORD. */
  accounts: Array<{ token: string; clientId: string; userId: string; login: string }>;
  staff: Array<{ token: string; clientId: string; userId: string }>;
  /** The server process (to read its CPU time from /proc). */
  pid?: number;
  /** Stops the process and drops its PostgreSQL database, if any. */
  close(): Promise<void>;
}

export const PG_MAINTENANCE_URL = process.env.ESCALE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function maintenance(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_MAINTENANCE_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  if (process.env.ESCALE_TEST_PG === '0') return false;
  return maintenance('SELECT 1').then(() => true, () => false);
}

/**
 * Starts tests/bench/support/benchServer.ts in a child process. `postgres: true` makes a
 * fresh database `escale_bench_<random>`, dropped on close.
 */
export async function startBenchServer(options: Omit<BenchServerConfig, 'databaseUrl'> & { postgres?: boolean; readyTimeoutMs?: number }): Promise<BenchServer> {
  let dbName: string | undefined;
  let databaseUrl: string | undefined;
  if (options.postgres) {
    dbName = `escale_bench_${randomBytes(5).toString('hex')}`;
    await maintenance(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG_MAINTENANCE_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const drop = async () => {
    if (dbName) await maintenance(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  };
  const config: BenchServerConfig = { ...options, databaseUrl };
  // ESCALE_BENCH_SERVER_NODE_ARGS: extra Node flags for the server process only, e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a scenario's time goes.
  const nodeArgs = (process.env.ESCALE_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'tests/bench/support/benchServer.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ESCALE_BENCH_SERVER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    const ready = await new Promise<Pick<BenchServer, 'url' | 'accounts' | 'staff'>>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench server not ready in ${options.readyTimeoutMs ?? 300_000} ms:\n${out.slice(-2000)}`)), options.readyTimeoutMs ?? 300_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c;
        const line = out.split('\n').find((l) => l.startsWith('READY '));
        if (line) {
          clearTimeout(timer);
          resolveReady(JSON.parse(line.slice(6)));
        }
      });
      child.stderr!.on('data', (c: Buffer) => (out += c));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bench server exited (${code}):\n${out.slice(-2000)}`));
      });
    });
    return {
      ...ready,
      pid: child.pid,
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 8000);
          await exited;
          clearTimeout(t);
        }
        await drop();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await drop();
    throw error;
  }
}
