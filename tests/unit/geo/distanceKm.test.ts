import { describe, expect, it } from 'vitest';
import { distance as geokdbushDistance } from 'geokdbush';
import { distanceKm, EARTH_MEAN_RADIUS_KM } from '../../../src/shared/geo/distanceKm';

const civray = { lat: 46.141223, lon: 0.300987 };
const gencay = { lat: 46.370527, lon: 0.413253 };

/** Spherical law of cosines: a different formula for the same great-circle distance. */
function lawOfCosinesKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const cosAngle =
    Math.sin(a.lat * rad) * Math.sin(b.lat * rad) +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return EARTH_MEAN_RADIUS_KM * Math.acos(Math.min(1, cosAngle));
}

describe('distanceKm', () => {
  it('puts Gençay about 27 km from Civray', () => {
    const d = distanceKm(civray, gencay);
    expect(d).toBeCloseTo(26.9188, 3); // computed independently (law of cosines, Python)
    expect(d).toBeCloseTo(lawOfCosinesKm(civray, gencay), 6);
    // geokdbush uses R = 6371 km: same angle, other radius.
    expect(d).toBeCloseTo((geokdbushDistance(civray.lon, civray.lat, gencay.lon, gencay.lat) * EARTH_MEAN_RADIUS_KM) / 6371, 9);
  });

  it('is zero from a point to itself', () => {
    expect(distanceKm(civray, civray)).toBe(0);
    expect(distanceKm({ lat: -89.5, lon: 179.9 }, { lat: -89.5, lon: 179.9 })).toBe(0);
  });

  it('is symmetric', () => {
    expect(distanceKm(civray, gencay)).toBe(distanceKm(gencay, civray));
    const a = { lat: 48.8566, lon: 2.3522 };
    const b = { lat: -33.8688, lon: 151.2093 };
    expect(distanceKm(a, b)).toBe(distanceKm(b, a));
  });

  it('measures across the antimeridian and between antipodes', () => {
    expect(distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo((Math.PI * EARTH_MEAN_RADIUS_KM) / 180, 9);
    // Near antipodes asin(√h) amplifies rounding: half the circumference to within a metre.
    expect(distanceKm({ lat: 10, lon: 20 }, { lat: -10, lon: -160 })).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_KM, 3);
  });
});
