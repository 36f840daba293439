// The hours suite must give the same answers whatever the host zone, because the library
// reads local Date fields. Rerun the other hours tests in child processes with other TZs
// (a TZ cannot be changed reliably inside a running process).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CHILD = 'ESCALE_HOURS_TZ_CHILD';
// West of UTC with its own DST dates, Paris itself, and UTC+14 (a different calendar day).
// The zone this process already runs in (UTC in CI) is covered by the main run.
const zones = ['UTC', 'America/New_York', 'Europe/Paris', 'Pacific/Kiritimati'].filter(
  (zone) => zone !== Intl.DateTimeFormat().resolvedOptions().timeZone,
);

describe.skipIf(process.env[CHILD])('hours suite in other host time zones', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  // vitest's exports map hides its CLI entry, so reach it by path.
  const vitest = fileURLToPath(new URL('node_modules/vitest/vitest.mjs', new URL('../../../', import.meta.url)));
  it.concurrent.each(zones)('passes with TZ=%s', async (zone) => {
    const run = promisify(execFile)(
      process.execPath,
      [vitest, 'run', 'tests/unit/hours', '--exclude', 'tests/unit/hours/tzMatrix.test.ts'],
      { cwd: root, env: { ...process.env, TZ: zone, [CHILD]: '1' } },
    );
    await expect(run).resolves.toBeDefined();
  }, 60_000);
});
