import territory from '../../../src/territories/civraisien-en-poitou/territory.json';
import { describe, expect, it } from 'vitest';
import { boundingBox } from '../../../src/shared/geo/boundingBox';
import type { FeatureCollection } from '../../../src/shared/geo/geoJson';

describe('boundingBox', () => {
  it('covers the territory of the CC du Civraisien en Poitou', () => {
    const contours = territory.outlines as unknown as FeatureCollection;
    const box = boundingBox(contours.features);
    expect(box).toBeDefined();
    expect(box!.west).toBeCloseTo(0.108, 2);
    expect(box!.east).toBeCloseTo(0.55, 2);
    expect(box!.south).toBeCloseTo(46.048, 2);
    expect(box!.north).toBeCloseTo(46.412, 2);
  });

  it('mixes points and polygons, and skips features without geometry', () => {
    expect(
      boundingBox([
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0.3, 46.1] } },
        { type: 'Feature', properties: {}, geometry: null },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiPolygon', coordinates: [[[[0.4, 46.2], [0.5, 46.2], [0.5, 46.3], [0.4, 46.2]]]] },
        },
      ]),
    ).toEqual({ west: 0.3, south: 46.1, east: 0.5, north: 46.3 });
  });

  it('is undefined when there is nothing to frame', () => {
    expect(boundingBox([])).toBeUndefined();
    expect(boundingBox([{ type: 'Feature', properties: {}, geometry: null }])).toBeUndefined();
  });
});
