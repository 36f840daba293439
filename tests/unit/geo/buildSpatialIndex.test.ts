import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSpatialIndex } from '../../../src/shared/geo/buildSpatialIndex';
import { rankByDistance, type Ranked } from '../../../src/shared/geo/rankByDistance';

interface Item {
  id: number;
  lat: number;
  lon: number;
}
const at = (item: Item) => item;

// Bounding box of the CC du Civraisien en Poitou.
const territory = fc.record({
  lat: fc.double({ min: 46.048, max: 46.412, noNaN: true }),
  lon: fc.double({ min: 0.108, max: 0.55, noNaN: true }),
});
const world = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
// A coarse grid makes duplicate positions common, so ties must break by original index.
const grid = fc.record({
  lat: fc.integer({ min: 4605, max: 4641 }).map((v) => v / 100),
  lon: fc.integer({ min: 11, max: 55 }).map((v) => v / 100),
});
const point = fc.oneof({ arbitrary: territory, weight: 5 }, { arbitrary: world, weight: 1 }, { arbitrary: grid, weight: 2 });

const summary = (ranked: Ranked<Item>[]) => ranked.map((r) => r.item.id);

function expectSameRanking(actual: Ranked<Item>[], expected: Ranked<Item>[]): void {
  expect(summary(actual)).toEqual(summary(expected));
  actual.forEach((r, i) => expect(Math.abs(r.distanceKm - expected[i]!.distanceKm)).toBeLessThanOrEqual(1e-9));
}

describe('buildSpatialIndex', () => {
  it('returns exactly what rankByDistance returns (items, order, distances)', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 2000, size: 'max' }),
        fc.array(fc.tuple(point, fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 5 }),
        (points, queries) => {
          const items = points.map((p, id) => ({ id, ...p }));
          const index = buildSpatialIndex(items, at);
          for (const [origin, n] of queries) {
            expectSameRanking(index.nearest(origin, n), rankByDistance(items, origin, at, { limit: n }));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with rankByDistance under a filter and a maximum distance', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 2000, size: 'max' }),
        point,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 2, max: 5 }),
        fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 25000, noNaN: true })),
        (points, origin, n, modulo, maxDistanceKm) => {
          const items = points.map((p, id) => ({ id, ...p }));
          const filter = (item: Item) => item.id % modulo === 0;
          const index = buildSpatialIndex(items, at);
          expectSameRanking(
            index.nearest(origin, n, filter, maxDistanceKm),
            rankByDistance(items, origin, at, { limit: n, filter, maxDistanceKm }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('breaks ties at the n-th place by original index, whatever order the tree holds them in', () => {
    // A few positions shared by many items: the n-th place almost always falls in a tie.
    const fewSpots = fc.constantFrom({ lat: 46.2, lon: 0.3 }, { lat: 46.21, lon: 0.3 }, { lat: 46.2, lon: 0.31 }, { lat: 46.3, lon: 0.4 });
    fc.assert(
      fc.property(fc.array(fewSpots, { minLength: 1, maxLength: 500 }), point, fc.integer({ min: 1, max: 300 }), (points, origin, n) => {
        const items = points.map((p, id) => ({ id, ...p }));
        expectSameRanking(buildSpatialIndex(items, at).nearest(origin, n), rankByDistance(items, origin, at, { limit: n }));
      }),
      { numRuns: 200 },
    );
  });

  const civray = { lat: 46.141223, lon: 0.300987 };
  const items: Item[] = [
    { id: 0, lat: 46.370527, lon: 0.413253 }, // Gençay, ~27 km
    { id: 1, lat: 46.1436, lon: 0.4061 }, // Charroux, ~8 km
    { id: 2, lat: 46.1436, lon: 0.4061 }, // same spot
    { id: 3, lat: 46.141223, lon: 0.300987 }, // Civray
    { id: 4, lat: Number.NaN, lon: 0 }, // no position: never returned
  ];
  const index = buildSpatialIndex(items, at);

  it('filters, limits by distance, and breaks ties by original index', () => {
    expect(index.size).toBe(4);
    expect(index.nearest(civray, 10).map((r) => r.item.id)).toEqual([3, 1, 2, 0]);
    expect(index.nearest(civray, 2).map((r) => r.item.id)).toEqual([3, 1]);
    expect(index.nearest(civray, 10, (item) => item.id !== 3).map((r) => r.item.id)).toEqual([1, 2, 0]);
    expect(index.nearest(civray, 10, undefined, 20).map((r) => r.item.id)).toEqual([3, 1, 2]);
    expect(index.nearest(civray, 10, (item) => item.id % 2 === 0, 20).map((r) => r.item.id)).toEqual([2]);
  });

  it('includes an item exactly at the maximum distance', () => {
    const charroux = index.nearest(civray, 2)[1]!;
    expect(index.nearest(civray, 10, undefined, charroux.distanceKm).map((r) => r.item.id)).toEqual([3, 1, 2]);
  });

  it('returns nothing for n < 1, an invalid origin or an empty index', () => {
    expect(index.nearest(civray, 0)).toEqual([]);
    expect(index.nearest({ lat: Number.NaN, lon: 0 }, 3)).toEqual([]);
    expect(buildSpatialIndex([], at).nearest(civray, 3)).toEqual([]);
  });

  it('finds neighbours across the antimeridian', () => {
    const pacific: Item[] = [
      { id: 0, lat: 0, lon: 170 },
      { id: 1, lat: 0, lon: -179.9 },
      { id: 2, lat: 0, lon: 179.95 },
    ];
    const origin = { lat: 0, lon: -179.99 };
    expect(buildSpatialIndex(pacific, at).nearest(origin, 3).map((r) => r.item.id)).toEqual([2, 1, 0]);
  });
});
