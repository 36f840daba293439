import territory from '../../../src/territories/civraisien-en-poitou/territory.json';
import { describe, expect, it } from 'vitest';
import { communeAt } from '../../../src/shared/geo/communeAt';
import { pointInPolygon } from '../../../src/shared/geo/pointInPolygon';
import type { FeatureCollection, PolygonGeometry, AreaGeometry } from '../../../src/shared/geo/geoJson';

// The repository's own copy of the outlines and centre points (built from ../shared/data).
const contours = territory.outlines as unknown as FeatureCollection<
  AreaGeometry,
  { code: string; nom: string }
>;
const communes = territory.communes.map((c) => ({ insee: c.insee, name: c.name, latitude: c.lat, longitude: c.lon }));

describe('communeAt', () => {
  it.each(communes.map((c) => [c.name, c] as const))('puts the centre of %s in its own outline', (_, commune) => {
    const found = communeAt({ lat: commune.latitude, lon: commune.longitude }, contours.features);
    expect(found?.properties.code).toBe(commune.insee);
  });

  it('finds nothing far away or without features', () => {
    expect(communeAt({ lat: 48.8566, lon: 2.3522 }, contours.features)).toBeUndefined(); // Paris
    expect(communeAt({ lat: 46.2, lon: 0.3 }, [])).toBeUndefined();
  });
});

describe('pointInPolygon', () => {
  // A 10 × 10 square with a 2 × 2 hole in the middle, and a second square far east.
  const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] as const;
  const hole = [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]] as const;
  const far = [[20, 0], [22, 0], [22, 2], [20, 2], [20, 0]] as const;
  const polygon: PolygonGeometry = { type: 'Polygon', coordinates: [square, hole] };

  it('excludes holes', () => {
    expect(pointInPolygon({ lon: 1, lat: 1 }, polygon)).toBe(true);
    expect(pointInPolygon({ lon: 5, lat: 5 }, polygon)).toBe(false);
    expect(pointInPolygon({ lon: 11, lat: 5 }, polygon)).toBe(false);
  });

  it('looks in every part of a MultiPolygon', () => {
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square, hole], [far]] };
    expect(pointInPolygon({ lon: 21, lat: 1 }, multi)).toBe(true);
    expect(pointInPolygon({ lon: 5, lat: 5 }, multi)).toBe(false);
    expect(pointInPolygon({ lon: 15, lat: 1 }, multi)).toBe(false);
  });

  it('accepts rings that are not closed', () => {
    expect(pointInPolygon({ lon: 1, lat: 9 }, { type: 'Polygon', coordinates: [square.slice(0, 4)] })).toBe(true);
  });
});
