import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { firstPaintBudget } from './src/build/firstPaintBudget';
import { homePreload } from './src/build/homePreload';
import { homeSnapshotScript } from './src/build/homeSnapshotScript';
import { pruneHolidays } from './src/build/pruneHolidays';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `<file>.br` and `<file>.gz` next to each text file of the bundle (1 KB or more),
 * at the best levels: compressed once per build rather than per request, and smaller than
 * what a server can afford on the fly. src/server/static.ts serves them to browsers that
 * accept them, and compresses anything else (sw.js, written later by VitePWA) itself.
 * Not precached by the service worker (its globPatterns end in the plain extensions).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'escale-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(Object.values(bundle).map(async (item) => {
        if (!/\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/.test(item.fileName)) return;
        const source = item.type === 'chunk' ? item.code : item.source;
        const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        if (bytes.byteLength < 1024) return;
        const path = join(dir, item.fileName);
        const [br, gzipped] = await Promise.all([
          brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }),
          gz(bytes, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
      }));
    },
  };
}

// One config for the PWA build and for Vitest.
// The service worker is our own (src/app/sw/sw.ts, injectManifest) rather than a generated
// one, because it carries app rules a generator cannot express well: the map-tile cache
// shared with the "keep the map offline" action, and an update that waits for the user.
export default defineConfig({
  plugins: [
    preact(),
    // Only France's holidays in the browser's opening_hours (src/build/pruneHolidays.ts:
    // 548 KB of other countries' literals evaluated with the hours chunk).
    pruneHolidays(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app/sw',
      filename: 'sw.ts',
      // The app registers the worker itself through workbox-window (src/app/pwa/), so it
      // can announce a new version and apply it only when the user accepts.
      injectRegister: false,
      registerType: 'prompt',
      manifest: false, // public/manifest.webmanifest is written by hand
      injectManifest: {
        // The shell, and the icons and manifest too (about 25 KB): the browser fetches the
        // favicon and the manifest itself, around the service worker's runtime routes, so
        // only a precache guarantees them on the first offline visit. A new build with a
        // changed icon gets a new revision, so they never go stale.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    // Prints the first-paint JS (gzipped) and per-route chunks after each build. It fails the
    // build when over budget; warn-only until the entry is under 60 KB (README, Performance).
    firstPaintBudget(),
    // index.html preloads the home route's chunks, so they load while the entry runs
    // (src/build/homePreload.ts: the offline cold start).
    homePreload(),
    // /home-snapshot.js paints the home as it last looked before the app's modules load
    // (src/build/homeSnapshotScript.ts: the offline cold start).
    homeSnapshotScript(),
    // .br and .gz next to each text file of the bundle, at the best levels (once per build),
    // served by src/server/static.ts to browsers that accept them.
    precompress(),
  ],
  // The opening-hours worker (src/app/hours/hoursWorker.ts) bundles the opening_hours
  // library too: the same pruning of other countries' holidays.
  worker: { format: 'es', plugins: () => [pruneHolidays()] },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    // fake-indexeddb must be installed before Dexie is first imported.
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
