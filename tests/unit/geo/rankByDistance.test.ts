import { describe, expect, it } from 'vitest';
import { rankByDistance } from '../../../src/shared/geo/rankByDistance';

interface Place {
  id: string;
  lat: number;
  lon: number;
}
const at = (place: Place) => place;
const origin = { lat: 46.141223, lon: 0.300987 }; // Civray

const places: Place[] = [
  { id: 'gencay', lat: 46.370527, lon: 0.413253 },
  { id: 'civray', lat: 46.141223, lon: 0.300987 },
  { id: 'charroux', lat: 46.1436, lon: 0.4061 },
  { id: 'charroux-twin', lat: 46.1436, lon: 0.4061 },
  { id: 'nowhere', lat: Number.NaN, lon: 0.3 },
];

describe('rankByDistance', () => {
  it('orders nearest first, equal distances in original order, and skips invalid positions', () => {
    expect(rankByDistance(places, origin, at).map((r) => r.item.id)).toEqual(['civray', 'charroux', 'charroux-twin', 'gencay']);
  });

  it('applies limit, filter and maxDistanceKm', () => {
    expect(rankByDistance(places, origin, at, { limit: 2 }).map((r) => r.item.id)).toEqual(['civray', 'charroux']);
    expect(rankByDistance(places, origin, at, { filter: (p) => p.id !== 'civray', limit: 1 }).map((r) => r.item.id)).toEqual(['charroux']);
    expect(rankByDistance(places, origin, at, { maxDistanceKm: 10 }).map((r) => r.item.id)).toEqual(['civray', 'charroux', 'charroux-twin']);
    expect(rankByDistance(places, origin, at, { limit: 0 })).toEqual([]);
  });

  it('includes a place exactly at maxDistanceKm', () => {
    const [, charroux] = rankByDistance(places, origin, at);
    expect(rankByDistance(places, origin, at, { maxDistanceKm: charroux!.distanceKm }).map((r) => r.item.id)).toEqual([
      'civray',
      'charroux',
      'charroux-twin',
    ]);
  });
});
