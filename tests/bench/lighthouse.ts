import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { REPO_ROOT } from '../support/server';
import { type Bench, type BenchContext, median, passIf, type Row } from './common';
import { startBenchServer } from './support/startBenchServer';

/**
 * 7. Lighthouse (mobile: its default form factor, simulated throttling) on the public
 * screens served by the real app and server on 127.0.0.1, with Debian's Chromium
 * (CHROME_PATH), each run on a fresh profile. Performance, accessibility and best
 * practices; medians of ESCALE_BENCH_LH_RUNS runs (default 3) per screen.
 */
const ROUTES = ['/', '/lieu/place-mairie-86141', '/bus', '/trajets', '/preparer'];
const RUNS = Number(process.env.ESCALE_BENCH_LH_RUNS ?? 3);

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  failing: string[];
  /** FCP, LCP, TBT, and what text compression would save. */
  metrics: Record<string, string>;
}

function lighthouse(ctx: BenchContext, url: string, out: string): Promise<Scores> {
  const chrome = findChromium();
  if (!chrome) throw new Error('Chromium not found');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROMIUM_ARGS.filter((a) => a !== '--headless').join(' ')} --headless=new`,
        '--max-wait-for-load=60000',
      ],
      { cwd: REPO_ROOT, env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c));
    child.stderr.on('data', (c: Buffer) => (log += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`lighthouse ${url} failed (${code}): ${log.slice(-500)}`));
        return;
      }
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
        audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string; displayValue?: string }>;
        runtimeError?: { message: string };
      };
      if (report.runtimeError) ctx.log(`lighthouse ${url}: ${report.runtimeError.message}`);
      const failing = Object.values(report.categories)
        .filter((c) => (c.score ?? 0) < 1)
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => report.audits[r.id]!))
        .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => a.title);
      const score = (k: string) => Math.round(100 * (report.categories[k]?.score ?? 0));
      const metrics = Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'uses-text-compression', 'unused-javascript']
          .map((id) => [id, report.audits[id]?.displayValue ?? ''] as const)
          .filter(([, v]) => v),
      );
      resolve({ performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), failing: [...new Set(failing)], metrics });
    });
  });
}

export const lighthouseBench: Bench = {
  name: 'lighthouse',
  description: 'Lighthouse (mobile) on the public screens: performance, accessibility, best practices',
  async run(ctx) {
    const dist = await ctx.distDir();
    const server = await startBenchServer({ territoryId: 'civraisien-en-poitou', distDir: dist });
    const rows: Row[] = [];
    try {
      for (const route of ROUTES) {
        const runs: Scores[] = [];
        for (let i = 0; i < RUNS; i++) {
          ctx.log(`lighthouse ${route}: run ${i + 1}/${RUNS}`);
          // Lighthouse sometimes loses its own trace on this loaded machine (NO_NAVSTART):
          // one retry, so one flaky run does not cost every screen's figures.
          const url = `${server.url}${route}`;
          const out = join(ctx.tmp, `lh-${i}.json`);
          const scores = await lighthouse(ctx, url, out).catch((error: unknown) => {
            ctx.log(`lighthouse ${route}: run ${i + 1} failed, once more (${String(error).slice(0, 160)})`);
            return lighthouse(ctx, url, out);
          });
          ctx.log(`lighthouse ${route}: performance ${scores.performance}, ${Object.entries(scores.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
          runs.push(scores);
        }
        const p = median(runs.map((r) => r.performance));
        const a = median(runs.map((r) => r.accessibility));
        const b = median(runs.map((r) => r.bestPractices));
        const failing = [...new Set(runs.flatMap((r) => r.failing))];
        rows.push({
          bench: 'lighthouse',
          figure: `${route}: performance / accessibility / best practices`,
          value: `${p} / ${a} / ${b}`,
          bar: '≥ 95 / 100 / ≥ 95',
          verdict: passIf(p >= 95 && a >= 100 && b >= 95),
          data: { runs },
          note: [
            failing.length ? `audits below 0.9: ${failing.slice(0, 8).join('; ')}` : '',
            Object.entries(runs[Math.floor(runs.length / 2)]!.metrics).map(([k, v]) => `${k} ${v}`).join(', '),
          ].filter(Boolean).join('; '),
        });
      }
    } finally {
      await server.close();
    }
    return rows;
  },
};
