import type { CommuneOutlines } from '../../../shared/domain/territory';

export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * About 5.5 km, in degrees of latitude. Commune centres are inside the communes, so a box
 * around them alone would cut the edge villages in half. For the Civraisien the outlines
 * reach 2.4 km north and south and 3.5 km west and east of the outermost centres; most
 * rural communes are smaller than 30 km². A large commune on the edge may still stick out.
 */
export const CENTRE_MARGIN_DEG = 0.05;

/**
 * [west, south, east, north], rounded outwards to 0.001°: the extent of the outlines when
 * there are some (every outline inside), else of the commune centres widened by
 * CENTRE_MARGIN_DEG (in km terms: the longitude margin is divided by cos(latitude)).
 */
export function territoryBbox(points: readonly { lat: number; lon: number }[], outlines: CommuneOutlines): Bbox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const extend = (lon: number, lat: number) => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  if (outlines.features.length) {
    for (const f of outlines.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) for (const [lon, lat] of ring) extend(lon, lat);
    }
  } else {
    for (const p of points) extend(p.lon, p.lat);
    const dLon = CENTRE_MARGIN_DEG / Math.cos((((south + north) / 2) * Math.PI) / 180);
    west -= dLon;
    east += dLon;
    south -= CENTRE_MARGIN_DEG;
    north += CENTRE_MARGIN_DEG;
  }
  // Rounded on a 0.001° grid, outwards; the tiny epsilon keeps 0.107 from becoming 0.106
  // through floating-point noise (0.107 * 1000 = 106.99999…).
  const down = (x: number) => Math.floor(x * 1000 + 1e-9) / 1000;
  const up = (x: number) => Math.ceil(x * 1000 - 1e-9) / 1000;
  return [down(west), down(south), up(east), up(north)];
}
