/**
 * Shared pieces of the benchmarks (`npm run bench`): result rows, medians, a seeded
 * random generator, time bounds. Benchmarks measure; they never run inside `npm test`.
 */

export type Verdict = 'PASS' | 'FAIL' | 'INFO' | 'SKIP' | 'ERROR';

export interface Row {
  /** Benchmark group (the name given on the command line). */
  bench: string;
  figure: string;
  /** The measured figure, with its unit, e.g. "3.2 ms". */
  value: string;
  /** The reference run side by side, if any, e.g. "linear scan 14 ms". */
  reference?: string;
  /** Ratio to the reference, e.g. "4.4×" or "92 %". */
  ratio?: string;
  bar?: string;
  verdict: Verdict;
  /** Raw numbers for latest.json. */
  data?: Record<string, unknown>;
  note?: string;
}

export interface BenchContext {
  /** Folder for this run's temporary files (removed at the end). */
  tmp: string;
  /** A built app (vite build into a temporary folder), built once per run on demand. */
  distDir(): Promise<string>;
  log(message: string): void;
}

export interface Bench {
  name: string;
  description: string;
  /** Run only when named (`npm run bench -- scale`), not by a bare `npm run bench`. */
  onlyByName?: boolean;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** mulberry32: a small seeded generator, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(n);

/** Rejects after `ms` with a message naming what timed out. */
export async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: over its time bound of ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const passIf = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

/** The territory's bounding box (lon 0.108–0.550, lat 46.048–46.412). */
export const TERRITORY_BBOX = { minLon: 0.108, maxLon: 0.55, minLat: 46.048, maxLat: 46.412 };
