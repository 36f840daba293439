/**
 * Pixel offsets that spread the markers sharing one point (the bus at a commune centre where
 * a mairie also stands) on a small circle, so each 44 px target can be seen and tapped
 * rather than hidden under the last one drawn (issue 22). The points stay true; only the
 * drawing moves, by a constant number of pixels at every zoom.
 */
export function fanOut(places: readonly { lat: number; lon: number }[]): Array<readonly [number, number]> {
  const at = new Map<string, number[]>();
  places.forEach((p, i) => {
    const key = `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;
    at.set(key, [...(at.get(key) ?? []), i]);
  });
  const out: Array<readonly [number, number]> = places.map(() => [0, 0] as const);
  for (const group of at.values()) {
    if (group.length < 2) continue;
    // Neighbours on the circle 44 px apart: chord 2r·sin(π/n) = 44.
    const radius = 22 / Math.sin(Math.PI / group.length);
    group.forEach((index, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      out[index] = [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
    });
  }
  return out;
}
