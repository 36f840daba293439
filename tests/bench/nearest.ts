import { performance } from 'node:perf_hooks';
import { buildSpatialIndex } from '../../src/shared/geo/buildSpatialIndex';
import { rankByDistance } from '../../src/shared/geo/rankByDistance';
import type { GeoPoint } from '../../src/shared/geo/geoPoint';
import { type Bench, fmt, median, passIf, seededRandom, TERRITORY_BBOX } from './common';

/**
 * 2. Nearest 10 of 50,000 places: the static spatial index (kdbush + geokdbush) against
 * the linear scan (rankByDistance), per query, after indexing. Places are spread over the
 * territory's bbox plus a margin of half its size on each side (some places outside the
 * territory, as in a real directory that lists neighbours); queries inside the bbox.
 */
const PLACES = 50_000;
const RUNS = 5;
const INDEX_QUERIES = 2_000;
const SCAN_QUERIES = 40;

interface P extends GeoPoint {
  id: number;
}

function places(n: number, random: () => number): P[] {
  const { minLon, maxLon, minLat, maxLat } = TERRITORY_BBOX;
  const w = maxLon - minLon;
  const h = maxLat - minLat;
  return Array.from({ length: n }, (_, id) => ({ id, lon: minLon - w / 2 + random() * 2 * w, lat: minLat - h / 2 + random() * 2 * h }));
}

function origins(n: number, random: () => number): GeoPoint[] {
  const { minLon, maxLon, minLat, maxLat } = TERRITORY_BBOX;
  return Array.from({ length: n }, () => ({ lon: minLon + random() * (maxLon - minLon), lat: minLat + random() * (maxLat - minLat) }));
}

export const nearestBench: Bench = {
  name: 'nearest',
  description: 'nearest 10 of 50,000 places: spatial index vs linear scan, per query',
  async run() {
    const random = seededRandom(20261122);
    const items = places(PLACES, random);
    const point = (p: P) => p;
    const indexMs: number[] = [];
    const buildMs: number[] = [];
    const scanMs: number[] = [];
    let mismatches = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const index = buildSpatialIndex(items, point);
      buildMs.push(performance.now() - t0);
      const qs = origins(INDEX_QUERIES, random);
      // Warm the JIT outside the timed loop.
      for (const q of qs.slice(0, 50)) index.nearest(q, 10);
      const t1 = performance.now();
      let sink = 0;
      for (const q of qs) sink += index.nearest(q, 10).length;
      indexMs.push((performance.now() - t1) / qs.length);
      const scanQs = qs.slice(0, SCAN_QUERIES);
      const t2 = performance.now();
      const scanned = scanQs.map((q) => rankByDistance(items, q, point, { limit: 10 }));
      scanMs.push((performance.now() - t2) / scanQs.length);
      // Same answers (checked outside the timings).
      scanQs.forEach((q, i) => {
        const a = index.nearest(q, 10).map((r) => r.item.id).join();
        const b = scanned[i]!.map((r) => r.item.id).join();
        if (a !== b) mismatches++;
      });
      if (sink !== qs.length * 10) throw new Error('index answered fewer than 10 places');
    }
    const idx = median(indexMs);
    const scan = median(scanMs);
    return [
      {
        bench: 'nearest',
        figure: 'nearest 10 of 50,000, per query (index)',
        value: `${fmt(idx, 3)} ms`,
        reference: `linear scan ${fmt(scan, 2)} ms`,
        ratio: `${fmt(scan / idx)}× faster`,
        bar: '< 5 ms',
        verdict: passIf(idx < 5 && mismatches === 0),
        data: { indexMsRuns: indexMs, scanMsRuns: scanMs, buildMsRuns: buildMs, mismatches, places: PLACES, queriesPerRun: INDEX_QUERIES, scanQueriesPerRun: SCAN_QUERIES },
        note: mismatches ? `${mismatches} queries where index and scan disagree` : undefined,
      },
      { bench: 'nearest', figure: 'index build, 50,000 places', value: `${fmt(median(buildMs), 1)} ms`, verdict: 'INFO' },
    ];
  },
};
