import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser end-to-end suite: real server on the built dist/, Debian's Chromium through
// playwright-core. One file at a time in a single fork: each file starts its own server and
// browser, and two Chromiums side by side on a 2-core machine make timings flaky.
// `npm test` (tests/run.ts) builds dist/ before running this config.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
