import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * First-paint JavaScript budget (docs/quality.md: ≤ 60 KB gzipped before the public home is
 * usable). After `vite build` it walks the bundle graph:
 *
 *   first paint = the entry chunk of index.html + its static imports, recursively
 *               + the home route's lazy chunk + its static imports (the router asks for
 *                 it at once on "/", so the home is not usable before it arrives)
 *
 * and prints that total with, per route, the gzipped JavaScript its lazy chunk adds
 * (what is not already loaded at first paint). Over budget, the build fails.
 *
 * Sizes are gzip at zlib's default level (6), what a static server or CDN typically
 * sends; Escale's own server does not compress yet, so over the wire it is larger.
 *
 * Options come from the call, then the environment:
 *   ESCALE_BUDGET_KB      budget in KB of 1,000 bytes (default 60)
 *   ESCALE_BUDGET_REPORT  write the figures as JSON to this path (for `npm run bench`)
 *   ESCALE_BUDGET_WARN=1  print an over-budget result without failing the build
 */
export interface FirstPaintBudgetOptions {
  /** Budget in KB (1,000 bytes) of gzipped JavaScript. */
  budgetKb?: number;
  /** Routes whose lazy chunk is reported: path → the module the route imports (its path suffix, no extension). */
  routes?: Record<string, string>;
  /** Routes loaded at once on the public home, counted in first paint. */
  firstPaintRoutes?: string[];
  /** JSON report path. */
  reportFile?: string;
  /** Print but do not fail when over budget. */
  warnOnly?: boolean;
}

export interface FirstPaintReport {
  budgetKb: number;
  /** Gzipped bytes of the entry chunk and its static imports. */
  entryBytes: number;
  /** Gzipped bytes of everything counted in first paint (entry closure + first-paint routes). */
  firstPaintBytes: number;
  firstPaintChunks: Array<{ file: string; gzipBytes: number; rawBytes: number }>;
  /** Per route: gzipped bytes its lazy chunk and static imports add beyond the entry closure. */
  routes: Array<{ path: string; module: string; chunks: string[]; gzipBytes: number }>;
  /** The largest modules (rendered bytes, before minification) in the first-paint chunks, grouped by package. */
  topModules: Array<{ module: string; rawBytes: number }>;
  overBudget: boolean;
}

export const DEFAULT_ROUTES: Record<string, string> = {
  '/': 'src/app/public/HomeScreen',
  '/lieu/:id': 'src/app/public/place/PlaceScreen',
  '/bus': 'src/app/public/bus/BusScreen',
  '/trajets': 'src/app/public/mobility/MobilityScreen',
  '/preparer': 'src/app/public/prepare/ChecklistsScreen',
  '/preparer/:id': 'src/app/public/prepare/ChecklistScreen',
  '/carte': 'src/app/map/MapScreen',
  '/aidant': 'src/app/aidant/AidantSpace',
  '/bureau': 'src/app/staff/StaffSpace',
};

/** The part of a Rollup/Rolldown output chunk this plugin reads. */
interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  /** Rendered modules (raw bytes after tree-shaking); used to name the biggest contributors. */
  modules?: Record<string, { renderedLength: number }>;
}

const stripExt = (id: string) => id.replace(/\?.*$/, '').replace(/\.[cm]?[jt]sx?$/, '');
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** Pure: computes the report from the chunks of a bundle (exported for the bench and tests). */
export function measureFirstPaint(chunks: ChunkLike[], options: Required<Pick<FirstPaintBudgetOptions, 'budgetKb' | 'routes' | 'firstPaintRoutes'>>): FirstPaintReport {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = gzipSync(byFile.get(file)?.code ?? '').length;
      gz.set(file, size);
    }
    return size;
  };
  const closure = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file) || !byFile.has(file)) continue;
      seen.add(file);
      stack.push(...byFile.get(file)!.imports);
    }
    return seen;
  };
  // The HTML entry (index.html); other entries (none today) would be workers or libraries.
  const htmlEntries = chunks.filter((c) => c.isEntry && c.facadeModuleId !== null && /\.html$/.test(c.facadeModuleId));
  const entries = htmlEntries.length ? htmlEntries : chunks.filter((c) => c.isEntry);
  const entryClosure = closure(entries.map((c) => c.fileName));
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + gzipOf(f), 0);

  // The route's own chunk; when the bundler merged the route module into a shared chunk,
  // the chunk that contains it.
  const routeChunk = (module: string) =>
    chunks.find((c) => c.facadeModuleId !== null && stripExt(c.facadeModuleId).endsWith(module)) ??
    chunks.find((c) => Object.keys(c.modules ?? {}).some((id) => stripExt(id).endsWith(module)));
  const firstPaint = new Set(entryClosure);
  for (const path of options.firstPaintRoutes) {
    const module = options.routes[path];
    const chunk = module ? routeChunk(module) : undefined;
    if (chunk) for (const f of closure([chunk.fileName])) firstPaint.add(f);
  }
  const routes = Object.entries(options.routes).map(([path, module]) => {
    const chunk = routeChunk(module);
    const added = chunk ? [...closure([chunk.fileName])].filter((f) => !entryClosure.has(f)) : [];
    return { path, module, chunks: added, gzipBytes: sum(added) };
  });
  const firstPaintBytes = sum(firstPaint);
  const perModule = new Map<string, number>();
  for (const file of firstPaint) {
    for (const [id, m] of Object.entries(byFile.get(file)!.modules ?? {})) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
      const name = pkg ? `npm:${pkg}` : id.replace(/^.*?\/src\//, 'src/').replace(/\?.*$/, '');
      perModule.set(name, (perModule.get(name) ?? 0) + m.renderedLength);
    }
  }
  return {
    budgetKb: options.budgetKb,
    entryBytes: sum(entryClosure),
    firstPaintBytes,
    firstPaintChunks: [...firstPaint]
      .map((file) => ({ file, gzipBytes: gzipOf(file), rawBytes: Buffer.byteLength(byFile.get(file)!.code) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes),
    routes,
    topModules: [...perModule].map(([module, rawBytes]) => ({ module, rawBytes })).sort((a, b) => b.rawBytes - a.rawBytes).slice(0, 12),
    overBudget: firstPaintBytes > options.budgetKb * 1000,
  };
}

export function formatFirstPaintReport(report: FirstPaintReport): string {
  const lines = [
    `first-paint JavaScript: ${kb(report.firstPaintBytes)} KB gzipped (budget ${report.budgetKb} KB; entry closure ${kb(report.entryBytes)} KB)`,
    ...report.firstPaintChunks.map((c) => `  ${kb(c.gzipBytes).padStart(7)} KB  ${c.file} (${kb(c.rawBytes)} KB raw)`),
    'lazy JavaScript per route (gzipped, beyond the entry closure):',
    ...report.routes.map((r) => `  ${kb(r.gzipBytes).padStart(7)} KB  ${r.path}${r.chunks.length ? '' : ' (nothing beyond first paint, or route chunk not found)'}`),
    ...(report.topModules.length ? ['largest modules at first paint (rendered bytes, before minification and gzip):'] : []),
    ...report.topModules.map((m) => `  ${kb(m.rawBytes).padStart(7)} KB  ${m.module}`),
  ];
  return lines.join('\n');
}

export function firstPaintBudget(options: FirstPaintBudgetOptions = {}): Plugin {
  const envKb = Number(process.env.ESCALE_BUDGET_KB);
  const budgetKb = options.budgetKb ?? (Number.isFinite(envKb) && envKb > 0 ? envKb : 60);
  const routes = options.routes ?? DEFAULT_ROUTES;
  const firstPaintRoutes = options.firstPaintRoutes ?? ['/'];
  const reportFile = options.reportFile ?? process.env.ESCALE_BUDGET_REPORT;
  const warnOnly = options.warnOnly ?? process.env.ESCALE_BUDGET_WARN === '1';
  return {
    name: 'escale:first-paint-budget',
    apply: 'build',
    enforce: 'post',
    writeBundle(_outputOptions, bundle) {
      // Only the app build has index.html; the service-worker build (vite-plugin-pwa)
      // and library builds are not measured.
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === 'chunk') as unknown as ChunkLike[];
      const hasHtml = Object.values(bundle).some((o) => o.type === 'asset' && o.fileName.endsWith('index.html'));
      if (!hasHtml || !chunks.some((c) => c.isEntry)) return;
      const report = measureFirstPaint(chunks, { budgetKb, routes, firstPaintRoutes });
      const text = formatFirstPaintReport(report);
      if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
      if (!report.overBudget) {
        console.log(`\n${text}`);
        return;
      }
      const message = `${text}\nfirst-paint JavaScript is ${kb(report.firstPaintBytes - budgetKb * 1000)} KB over the ${budgetKb} KB budget (ESCALE_BUDGET_KB).`;
      if (warnOnly) console.warn(`\n${message}`);
      else this.error(message);
    },
  };
}
