import type { AreaGeometry, LinearRing } from '../../../shared/geo/geoJson';
import { pointInPolygon } from '../../../shared/geo/pointInPolygon';

/**
 * A point inside a commune's outline, for the few communes no source gives a centre for.
 * The centroid of its largest polygon when that falls inside (the usual case), else the
 * middle of the widest inside stretch of the horizontal line through it, which is inside
 * by construction (a crescent-shaped commune has its centroid outside).
 */
export function interiorPoint(geometry: AreaGeometry): { lat: number; lon: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = [...polygons].sort((a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)))[0]!;
  const c = centroid(largest[0]!);
  if (pointInPolygon(c, { type: 'Polygon', coordinates: largest })) return round(c);

  const crossings: number[] = [];
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j]!;
      const [x2, y2] = ring[i]!;
      // Half-open test so a vertex exactly on the line counts once.
      if ((y1 > c.lat) !== (y2 > c.lat)) crossings.push(x1 + ((c.lat - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] | undefined;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const span: [number, number] = [crossings[i]!, crossings[i + 1]!];
    if (!best || span[1] - span[0] > best[1] - best[0]) best = span;
  }
  return round(best ? { lat: c.lat, lon: (best[0] + best[1]) / 2 } : { lat: largest[0]![0]![1], lon: largest[0]![0]![0] });
}

/** Signed area (shoelace), in square degrees: only compared, never shown. */
function ringArea(ring: LinearRing): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

function centroid(ring: LinearRing): { lat: number; lon: number } {
  const a = ringArea(ring);
  if (a === 0) return { lon: ring[0]![0], lat: ring[0]![1] };
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    cx += (ring[j]![0] + ring[i]![0]) * f;
    cy += (ring[j]![1] + ring[i]![1]) * f;
  }
  return { lon: cx / (6 * a), lat: cy / (6 * a) };
}

const round = (p: { lat: number; lon: number }) => ({ lat: Math.round(p.lat * 1e5) / 1e5, lon: Math.round(p.lon * 1e5) / 1e5 });
