import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real server (`npm start`'s command: node --import tsx src/server/main.ts) as a child
 * process on an ephemeral loopback port, and the project's npm scripts run as a person
 * would run them: for tests of what happens across processes (a folder held by a running
 * server, a restore followed by a start), which `createTestServer` in-process cannot show.
 */
export interface EscaleProcess {
  url: string;
  pid: number;
  output(): string;
  /** SIGTERM, as systemd stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Servers started and not yet stopped: a failed test must not leave one running. */
const live = new Set<ChildProcess>();

/** SIGKILL to every server still running (for afterAll). */
export function killLeftoverServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

export function startEscale(env: Record<string, string>): Promise<EscaleProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ESCALE_SKIP_BUILD: '1', ESCALE_DIST_DIR: join(tmpdir(), 'escale-no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        resolve({
          url: m[1]!,
          pid: child.pid!,
          output: () => out,
          stop: () => new Promise((done) => {
            child.removeAllListeners('exit');
            if (child.exitCode !== null) return done(child.exitCode);
            child.on('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run -s <script> -- <args>` from the repository root, with `env` added. */
export function runScript(script: string, args: readonly string[], env: Record<string, string | undefined>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Signs in for real (`POST /api/auth/login`): the bearer headers and the account's id. */
export async function signIn(url: string, login: string, password: string, clientId: string): Promise<{ headers: Record<string, string>; userId: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password, clientId }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const { token, user } = (await res.json()) as { token: string; user: { id: string } };
  return { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, userId: user.id };
}

export interface WireChange { collection: string; op: 'put' | 'delete'; id: string; version: number; seq: number; record?: Record<string, unknown> }

/** Every page after `cursor`, as a device pulls them; `reset` when the server answers so. */
export async function pullAll(url: string, headers: Record<string, string>, cursor?: string): Promise<{ reset: true } | { changes: WireChange[]; cursor: string }> {
  const changes: WireChange[] = [];
  let at = cursor;
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?limit=500${at ? `&cursor=${at}` : ''}`, { headers });
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { reset?: true; changes: WireChange[]; cursor: string; hasMore: boolean };
    if (body.reset) return { reset: true };
    changes.push(...body.changes);
    at = body.cursor;
    if (!body.hasMore) return { changes, cursor: at };
  }
}

/** `POST /api/sync/push` of one device; the status and the parsed answer. */
export async function pushMutations(url: string, headers: Record<string, string>, clientId: string, mutations: Array<{ id: number; name: string; args: unknown }>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/sync/push`, { method: 'POST', headers, body: JSON.stringify({ protocol: 1, clientId, mutations }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
