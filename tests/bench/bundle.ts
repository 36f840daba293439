import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FirstPaintReport } from '../../src/build/firstPaintBudget';
import { type Bench, fmt, passIf, type Row } from './common';

/**
 * 1. Bundle report: `vite build` with the first-paint budget plugin (src/build), read
 * back its JSON report. First paint = index.html's entry chunk + static imports + the
 * home route's lazy chunk + its static imports, gzipped (zlib level 6).
 */
export const bundleBench: Bench = {
  name: 'bundle',
  description: 'first-paint JavaScript (gzipped) vs the 60 KB budget, and lazy chunks per route',
  async run(ctx) {
    const dist = await ctx.distDir();
    const report = JSON.parse(readFileSync(join(dist, '..', 'first-paint.json'), 'utf8')) as FirstPaintReport;
    const kb = (b: number) => `${fmt(b / 1000, 1)} KB`;
    const budget = report.budgetKb * 1000;
    const rows: Row[] = [
      {
        bench: 'bundle',
        figure: 'first-paint JS (entry + home route), gzip',
        value: kb(report.firstPaintBytes),
        reference: `budget ${report.budgetKb} KB`,
        ratio: `${fmt((100 * report.firstPaintBytes) / budget)} %`,
        bar: `≤ ${report.budgetKb} KB`,
        verdict: passIf(!report.overBudget),
        data: report as unknown as Record<string, unknown>,
        note: report.overBudget
          ? `${kb(report.firstPaintBytes - budget)} over; entry closure alone ${kb(report.entryBytes)}; largest at first paint: ${report.topModules
              .slice(0, 4)
              .map((m) => `${m.module} ${kb(m.rawBytes)} rendered`)
              .join(', ')}`
          : undefined,
      },
    ];
    for (const r of report.routes) {
      rows.push({ bench: 'bundle', figure: `lazy JS for ${r.path}, gzip`, value: kb(r.gzipBytes), verdict: 'INFO' });
    }
    return rows;
  },
};
