/**
 * Finds and launches Debian's Chromium for the browser tests.
 *
 * Playwright's own browser download cannot work here (no network but the package
 * registries), so the tests drive the system Chromium through playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Where Chromium is looked for, first match wins. `ESCALE_CHROMIUM` overrides the list. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_INSTALL_HINT =
  'Install Debian\'s Chromium: "sudo apt-get update && sudo apt-get install -y chromium", ' +
  'or point ESCALE_CHROMIUM at a Chromium or Chrome executable.';

/** Path of the Chromium executable, or undefined when none is found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.ESCALE_CHROMIUM;
  if (override) return existsSync(override) ? override : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/**
 * Flags for a quiet, deterministic headless run: no sandbox (tests run as root in CI),
 * no GPU, no background traffic (updates, sync, QUIC) that would reach for the network.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  /** A persistent context: the service worker and IndexedDB survive reloads and reopening. */
  context: BrowserContext;
  /** The profile folder, so a test can close and reopen the same profile with `reopen()`. */
  userDataDir: string;
  /** Closes the context and opens a new one on the same profile (a browser restart). */
  reopen(): Promise<BrowserContext>;
  /** Closes the browser and removes the profile. */
  close(): Promise<void>;
}

export interface LaunchOptions extends BrowserContextOptions {
  /** Reuse this profile folder instead of a fresh one (it is then not removed on close). */
  userDataDir?: string;
  /** Flags added after CHROMIUM_ARGS, e.g. a `--host-resolver-rules` for several host names. */
  extraArgs?: string[];
}

/** Launches headless Chromium on a fresh, temporary profile. */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium not found. ${CHROMIUM_INSTALL_HINT}`);
  const { userDataDir: given, extraArgs = [], ...contextOptions } = options;
  const userDataDir = given ?? (await mkdtemp(join(tmpdir(), 'escale-chromium-')));
  const open = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      ...contextOptions,
    });
  let context = await open();
  return {
    get context() {
      return context;
    },
    userDataDir,
    async reopen() {
      await context.close();
      context = await open();
      return context;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (!given) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether the browser tests can run here: Chromium found and not switched off by the
 * runner (tests/run.ts sets ESCALE_SKIP_BROWSER=1 when Chromium is missing outside CI).
 * Browser suites use it as `describe.skipIf(!browserAvailable())(…)`.
 */
export function browserAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ESCALE_SKIP_BROWSER !== '1' && findChromium(env) !== undefined;
}
