import type { CommuneOutlines, Territory } from '../../../shared/domain/territory';

// The commune outlines as SVG paths, for the indicator maps: drawn in the page (no tiles,
// no Leaflet), so they print, work offline and carry their own labels. Equirectangular
// projection scaled by cos(latitude), which is faithful enough over 40 km. Pure.

export interface CommuneShape {
  insee: string;
  name: string;
  d: string;
  /** Where to write the label (the commune's centre point). */
  x: number;
  y: number;
}

export interface ShapeSet {
  width: number;
  height: number;
  shapes: CommuneShape[];
}

export function communeShapes(territory: Pick<Territory, 'bbox' | 'communes'> & { outlines: CommuneOutlines }, width = 600): ShapeSet {
  const [west, south, east, north] = territory.bbox;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * k);
  const height = Math.round((north - south) * scale);
  const px = (lon: number, lat: number): [number, number] => [
    Math.round((lon - west) * k * scale * 10) / 10,
    Math.round((north - lat) * scale * 10) / 10,
  ];
  const centre = new Map(territory.communes.map((c) => [c.insee, c]));
  const shapes = territory.outlines.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polygons
      .flatMap((rings) => rings.map((ring) => `M${ring.map(([lon, lat]) => px(lon, lat).join(',')).join('L')}Z`))
      .join('');
    const c = centre.get(f.properties.code);
    const [x, y] = c ? px(c.lon, c.lat) : px(...(polygons[0]![0]![0]!));
    return { insee: f.properties.code, name: f.properties.nom, d, x, y };
  });
  return { width, height, shapes };
}
