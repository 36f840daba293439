import { readFileSync } from 'node:fs';
import type { CommuneOutlines } from '../../../shared/domain/territory';
import type { FranceCommune, FranceData } from './loadFranceData';
import { TerritoryInputError } from './TerritoryInputError';

// Commune outlines from a GeoJSON file (IGN Admin Express, france-geojson, an export from
// a GIS…), matched to the territory's communes by INSEE code. The file may hold more than
// the territory (a whole department): the other features are left out. An outline given
// under a former code (a file older than a merger) goes to the commune it merged into,
// as one more polygon of a MultiPolygon: the old inner limits stay visible, which is
// acceptable for a display outline (these outlines are never legal limits).

/** Property names that hold the INSEE code in the common sources, tried in this order. */
export const CODE_PROPERTIES = ['code', 'insee', 'INSEE_COM', 'insee_com', 'code_insee', 'codeInsee', 'codgeo', 'CODGEO', 'com_code', 'INSEE'];

type Ring = [number, number][];
type Polygon = Ring[];

export function readOutlines(file: string, communes: readonly FranceCommune[], data: FranceData): CommuneOutlines {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TerritoryInputError(`The outline file cannot be read (nothing was written):`, [`${file}: ${(error as Error).message}`]);
  }
  const features = (json as { type?: unknown; features?: unknown }).features;
  if ((json as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new TerritoryInputError(`The outline file is not a GeoJSON FeatureCollection (nothing was written):`, [file]);
  }

  const wanted = new Set(communes.map((c) => c.insee));
  const codeProperty = CODE_PROPERTIES.find((name) =>
    features.some((f: { properties?: Record<string, unknown> }) => typeof f?.properties?.[name] === 'string' && wanted.has(f.properties[name] as string)),
  );
  if (!codeProperty) {
    const seen = new Set(features.flatMap((f: { properties?: object }) => Object.keys(f?.properties ?? {})));
    throw new TerritoryInputError(`No feature of the outline file carries the INSEE code of a commune of the territory (nothing was written):`, [
      `looked for the properties ${CODE_PROPERTIES.join(', ')}; the file has: ${[...seen].join(', ') || 'no properties'}`,
    ]);
  }

  const problems: string[] = [];
  const own = new Map<string, Polygon[]>();
  const fromFormer = new Map<string, Polygon[]>();
  for (const [i, f] of features.entries()) {
    const raw = f?.properties?.[codeProperty];
    const code = typeof raw === 'string' ? raw : undefined;
    if (!code) continue;
    const target = wanted.has(code) ? code : data.former.get(code)?.current.find((c) => wanted.has(c));
    if (!target) continue;
    const polygons = polygonsOf(f.geometry, `${file}, feature ${i} (${codeProperty} ${code})`, problems);
    const into = target === code ? own : fromFormer;
    into.set(target, [...(into.get(target) ?? []), ...polygons]);
  }

  const missing = communes.filter((c) => !own.has(c.insee) && !fromFormer.has(c.insee));
  for (const c of missing) problems.push(`${c.insee} ${c.name}: no outline in the file`);
  if (problems.length) {
    throw new TerritoryInputError(`The outline file does not give a usable outline for every commune (nothing was written):`, problems);
  }

  return {
    type: 'FeatureCollection',
    features: communes.map((c) => {
      // The commune's own outline wins over the pieces of its former communes.
      const polygons = own.get(c.insee) ?? fromFormer.get(c.insee)!;
      return {
        type: 'Feature' as const,
        properties: { code: c.insee, nom: c.name },
        geometry: polygons.length === 1 ? { type: 'Polygon' as const, coordinates: polygons[0]! } : { type: 'MultiPolygon' as const, coordinates: polygons },
      };
    }),
  };
}

/** The polygons of a Polygon or MultiPolygon, longitude/latitude to 5 decimals (about 1 m). */
function polygonsOf(geometry: unknown, where: string, problems: string[]): Polygon[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  const raw = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : undefined;
  if (!Array.isArray(raw)) {
    problems.push(`${where}: geometry ${String(g?.type ?? 'missing')}, not a Polygon or MultiPolygon`);
    return [];
  }
  const polygons: Polygon[] = [];
  for (const polygon of raw) {
    if (!Array.isArray(polygon)) continue;
    const rings: Ring[] = [];
    for (const [r, ring] of polygon.entries()) {
      const cleaned = cleanRing(ring);
      if (typeof cleaned === 'string') {
        problems.push(`${where}: ${cleaned}`);
        return [];
      }
      // A hole that collapsed to nothing at 1 m is dropped; an outer ring must survive.
      if (cleaned.length >= 4) rings.push(cleaned);
      else if (r === 0) {
        problems.push(`${where}: an outer ring has fewer than 4 distinct positions`);
        return [];
      }
    }
    if (rings.length) polygons.push(rings);
  }
  if (!polygons.length) problems.push(`${where}: empty geometry`);
  return polygons;
}

function cleanRing(ring: unknown): Ring | string {
  if (!Array.isArray(ring)) return 'a ring is not an array of positions';
  const out: Ring = [];
  for (const position of ring) {
    const [lon, lat] = Array.isArray(position) ? position : [];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return 'a position is not [longitude, latitude]';
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return `position ${lon},${lat} is not longitude/latitude in degrees: reproject the file to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326`;
    }
    const p: [number, number] = [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  // RFC 7946 rings are closed; close one that is not.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}
