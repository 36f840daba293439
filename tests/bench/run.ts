/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or the named ones), prints one
 * table (figure, reference, ratio, bar, verdict) and writes bench-results/latest.json.
 * Names: see BENCHES below. Every benchmark bounds its own time and load and only talks
 * to 127.0.0.1. Exit code 1 when a bar is failed or a benchmark errored.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleBench } from './bundle';
import type { Bench, BenchContext, Row } from './common';
import { nearestBench } from './nearest';
import { serverBench } from './server';
import { firstSyncBench } from './firstSync';
import { coldStartBench } from './coldStart';
import { chaosBench } from './chaos';
import { lighthouseBench } from './lighthouse';
import { sync3gBench } from './sync3g';
import { scaleBench } from './scale';
import { REPO_ROOT } from '../support/server';

const BENCHES: Bench[] = [bundleBench, nearestBench, serverBench, firstSyncBench, coldStartBench, chaosBench, lighthouseBench, sync3gBench, scaleBench];

/**
 * Builds the app into `outDir`. By default from a snapshot of the last commit (git
 * archive HEAD, node_modules linked), so that other people's unfinished edits in the
 * working tree neither break nor skew the figures; ESCALE_BENCH_REF=<commit> builds
 * another commit, ESCALE_BENCH_WORKTREE=1 the working tree as it is. When the commit
 * does not build, the working tree is tried.
 */
async function buildApp(tmp: string, outDir: string, reportFile: string, log: (m: string) => void): Promise<void> {
  if (process.env.ESCALE_BENCH_WORKTREE === '1') return viteBuild(REPO_ROOT, outDir, reportFile, log);
  const ref = process.env.ESCALE_BENCH_REF ?? 'HEAD';
  const root = join(tmp, 'src-snapshot');
  mkdirSync(root, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${REPO_ROOT}" archive "$0" | tar -x -C "${root}"`, ref]);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  log(`building commit ${execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short', ref]).toString().trim()} (ESCALE_BENCH_REF, default HEAD; ESCALE_BENCH_WORKTREE=1 for the working tree)`);
  try {
    await viteBuild(root, outDir, reportFile, log);
  } catch (error) {
    log(`that commit does not build (${String(error).split('\n').find((l) => /Could not|error/i.test(l)) ?? 'see above'}); building the working tree instead`);
    await viteBuild(REPO_ROOT, outDir, reportFile, log);
  }
}

function viteBuild(root: string, outDir: string, reportFile: string, log: (m: string) => void): Promise<void> {
  return new Promise<void>((done, fail) => {
    log(`vite build → ${outDir}`);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      // Warn-only here: the bench reports the budget as a row instead of stopping the run.
      env: { ...process.env, ESCALE_BUDGET_REPORT: reportFile, ESCALE_BUDGET_WARN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`vite build failed (${code}):\n${out}`));
    });
  });
}

function printTable(rows: Row[]): void {
  const headers = ['bench', 'figure', 'value', 'reference', 'ratio', 'bar', 'verdict'];
  const cells = rows.map((r) => [r.bench, r.figure, r.value, r.reference ?? '', r.ratio ?? '', r.bar ?? '', r.verdict]);
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  console.log(`\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const c of cells) console.log(line(c));
  const notes = rows.filter((r) => r.note);
  if (notes.length) {
    console.log('\nnotes:');
    for (const r of notes) console.log(`  [${r.bench}] ${r.figure}: ${r.note}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`npm run bench [-- name …]\n${BENCHES.map((b) => `  ${b.name.padEnd(11)} ${b.description}${b.onlyByName ? ' (only when named)' : ''}`).join('\n')}`);
    return;
  }
  const unknown = args.filter((a) => !BENCHES.some((b) => b.name === a));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  const selected = args.length ? BENCHES.filter((b) => args.includes(b.name)) : BENCHES.filter((b) => !b.onlyByName);

  const tmp = await mkdtemp(join(tmpdir(), 'escale-bench-'));
  const started = Date.now();
  const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  let built: Promise<string> | undefined;
  const ctx: BenchContext = {
    tmp,
    log,
    distDir: () => (built ??= buildApp(tmp, join(tmp, 'dist'), join(tmp, 'first-paint.json'), log).then(() => join(tmp, 'dist'))),
  };

  const rows: Row[] = [];
  const timings: Record<string, number> = {};
  // Other work on this small machine skews every figure: keep the load average with them.
  const loads: Record<string, [number, number]> = {};
  try {
    for (const bench of selected) {
      const loadBefore = loadavg()[0]!;
      log(`${bench.name}: ${bench.description} (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores)`);
      const t0 = Date.now();
      try {
        rows.push(...(await bench.run(ctx)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(error);
        rows.push({ bench: bench.name, figure: 'benchmark', value: 'error', verdict: 'ERROR', note: message.split('\n')[0] });
      }
      timings[bench.name] = Math.round((Date.now() - t0) / 1000);
      loads[bench.name] = [Number(loadBefore.toFixed(2)), Number(loadavg()[0]!.toFixed(2))];
      log(`${bench.name}: done in ${timings[bench.name]} s`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }

  printTable(rows);
  console.log(`\nload average (1 min) before/after each benchmark: ${Object.entries(loads).map(([n, [a, b]]) => `${n} ${a}/${b}`).join(', ')} on ${cpus().length} cores`);
  const outDir = resolve(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'latest.json');
  // A subset run keeps the other benchmarks' last figures.
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { benches?: Record<string, unknown> }) : {};
  const benches: Record<string, unknown> = { ...(previous.benches ?? {}) };
  for (const bench of selected) {
    benches[bench.name] = { at: new Date().toISOString(), seconds: timings[bench.name], loadAverage1m: loads[bench.name], rows: rows.filter((r) => r.bench === bench.name) };
  }
  const machine = { node: process.version, platform: process.platform, cpus: cpus().length };
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, benches }, null, 2));
  console.log(`\n${rows.length} figures in ${Math.round((Date.now() - started) / 1000)} s → ${file}`);
  if (rows.some((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR')) process.exitCode = 1;
}

main().then(
  () => setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref(),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
