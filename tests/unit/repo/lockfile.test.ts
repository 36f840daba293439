import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The install a newcomer runs (`npm ci`) must work from the committed lockfile alone, on
// every platform a territory or a contributor may use. npm ci refuses a lockfile that
// disagrees with package.json, and it also refuses one that lacks a platform's optional
// packages (rollup's @rollup/rollup-* binaries were missing once: npm ci failed on a fresh
// clone while `npm install` on this machine hid it). These checks fail before that happens.

const ROOT = resolve(import.meta.dirname, '../../..');

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** The lockfile entry npm would use for `name` required from the package at `from`. */
function resolveEntry(from: string, name: string): LockEntry | undefined {
  let base = from;
  for (;;) {
    const found = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (found) return found;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** The platforms Escale is installed on: servers, office computers, contributors' laptops. */
const PLATFORMS = [
  { os: 'linux', cpu: 'x64' },
  { os: 'linux', cpu: 'arm64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'win32', cpu: 'x64' },
];

const fits = (entry: LockEntry, p: { os: string; cpu: string }) =>
  (!entry.os || entry.os.includes(p.os)) && (!entry.cpu || entry.cpu.includes(p.cpu)) && !(entry.libc?.includes('musl'));

describe('package-lock.json', () => {
  it('declares exactly the dependencies of package.json, with the same ranges', () => {
    const root = lock.packages[''] as LockEntry;
    expect(lock.lockfileVersion).toBe(3);
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it('holds an entry for every dependency and optional dependency of every package', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const wanted = { ...entry.dependencies, ...entry.optionalDependencies };
      for (const name of Object.keys(wanted)) {
        if (!resolveEntry(path, name)) missing.push(`${name} (needed by ${path || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries the native binaries of Linux x64/arm64, macOS x64/arm64 and Windows x64', () => {
    // Every package that ships per-platform binaries as optional dependencies (rollup,
    // rolldown, esbuild, lightningcss…) must have one for each platform in the lockfile.
    const uncovered: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const natives = Object.keys(entry.optionalDependencies ?? {})
        .map((name) => resolveEntry(path, name))
        .filter((e): e is LockEntry => e !== undefined && (e.os !== undefined || e.cpu !== undefined));
      // One OS only is a native helper for that OS (fsevents, macOS's file watcher), not a
      // family of per-platform builds.
      if (new Set(natives.flatMap((e) => e.os ?? ['any'])).size < 2) continue;
      for (const platform of PLATFORMS) {
        if (!natives.some((e) => fits(e, platform))) uncovered.push(`${path}: ${platform.os}-${platform.cpu}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('is accepted by `npm ci` as it is (dry run in a scratch folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-lock-'));
    try {
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
      const run = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' },
      });
      const reason = `${run.stderr}`.split('\n').filter((l) => /EUSAGE|in sync|Missing:|Invalid:/.test(l)).slice(0, 8).join('\n');
      expect(reason).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
