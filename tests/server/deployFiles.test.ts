import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../../src/shared/sync/protocol';

// The files in deploy/ are what docs/deploy.md tells an operator to install; these checks
// keep them true to the code: the units parse, run the project's own commands, and the
// server really runs under the unit's constraints (an unprivileged user, the code folder
// read-only, only the state folder writable); the nginx example lets a full push through.

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const UNITS = ['deploy/escale.service', 'deploy/escale-backup.service', 'deploy/escale-backup.timer'];

/** The values of `key=` lines in a unit file (comments skipped). */
function directive(unit: string, key: string): string[] {
  return read(unit).split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
}

describe('deploy/ files', () => {
  it.skipIf(!has('systemd-analyze'))('the unit files parse without a warning (systemd-analyze verify)', () => {
    const r = spawnSync('systemd-analyze', ['verify', ...UNITS.map((u) => join(ROOT, u))], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('the units run the same commands as npm start and npm run db:backup', () => {
    expect(directive('deploy/escale.service', 'ExecStart')).toEqual([`/usr/bin/${scripts.start}`]);
    const backup = directive('deploy/escale-backup.service', 'ExecStart')[0]!;
    expect(backup).toContain(`/usr/bin/${scripts['db:backup']} `);
    // The PGlite folder the backup reads is the one the server writes.
    const dataDir = (unit: string) => directive(unit, 'Environment').join(' ').match(/ESCALE_DATA_DIR=(\S+)/)?.[1];
    expect(dataDir('deploy/escale-backup.service')).toBe(dataDir('deploy/escale.service'));
    expect(directive('deploy/escale.service', 'ReadWritePaths')).toEqual(['/var/lib/escale']);
    expect(dataDir('deploy/escale.service')!.startsWith('/var/lib/escale/')).toBe(true);
  });

  it('the nginx example accepts the largest push the app sends', () => {
    const size = /client_max_body_size\s+(\d+)m;/.exec(read('deploy/nginx.conf'))?.[1];
    expect(Number(size) * 1024 * 1024).toBeGreaterThanOrEqual(MAX_PUSH_BYTES);
  });

  const canConfine = process.getuid?.() === 0 && has('unshare') && has('setpriv');
  describe.skipIf(!canConfine)('under the unit\'s constraints', () => {
    const state = mkdtempSync(join(tmpdir(), 'escale-confined-'));
    let server: ChildProcess | undefined;
    afterAll(() => {
      // A failed assertion must not leave the confined server running.
      if (server && server.exitCode === null) server.kill('SIGKILL');
      rmSync(state, { recursive: true, force: true });
    });

    /** `command` as user nobody, with no new privileges, in a mount namespace where the code folder is read-only. */
    function confined(command: string, env: Record<string, string>) {
      const script = `mount --bind "${ROOT}" "${ROOT}" && mount -o remount,bind,ro "${ROOT}" && exec setpriv --reuid 65534 --regid 65534 --clear-groups --no-new-privs ${command}`;
      return spawn('unshare', ['--mount', 'sh', '-c', script], {
        cwd: ROOT, env: { ...process.env, HOME: '/nonexistent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
      });
    }

    it('the server starts, serves and stops cleanly; db:backup then writes into the state folder', async () => {
      chownSync(state, 65534, 65534);
      const env = { ESCALE_DATA_DIR: join(state, 'db'), HOST: '127.0.0.1', PORT: '0', ESCALE_SKIP_BUILD: '1', ESCALE_DIST_DIR: join(tmpdir(), 'escale-no-dist') };
      server = confined(scripts.start!, env);
      const started = server;
      let out = '';
      const url = await new Promise<string>((done, fail) => {
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) done(m[1]!);
        };
        started.stdout!.on('data', onData);
        started.stderr!.on('data', onData);
        started.on('exit', (code) => fail(new Error(`exited with ${code}:\n${out}`)));
      });
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, db: 'pglite' });
      started.removeAllListeners('exit');
      const code = await new Promise<number | null>((done) => {
        started.on('exit', done);
        started.kill('SIGTERM');
      });
      expect(code, out).toBe(0);
      expect(existsSync(join(state, 'db', 'PG_VERSION'))).toBe(true);

      const backup = confined(`${scripts['db:backup']} ${join(state, 'nightly.backup')}`, env);
      let log = '';
      backup.stdout.on('data', (d: Buffer) => (log += d.toString()));
      backup.stderr.on('data', (d: Buffer) => (log += d.toString()));
      expect(await new Promise((done) => backup.on('exit', done)), log).toBe(0);
      expect(log).toContain('Backup written');
      expect(existsSync(join(state, 'nightly.backup'))).toBe(true);
    }, 120_000);
  });
});
