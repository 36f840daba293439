import type { Checklist } from '../../../shared/domain/checklist';
import type { Commune, CommuneOutlines, Territory } from '../../../shared/domain/territory';
import type { TerritorySeed } from '../../../shared/domain/territorySeed';
import { pointInPolygon } from '../../../shared/geo/pointInPolygon';
import { parseSeedFiles } from '../../../territories/parseSeedFiles';
import { interiorPoint } from './interiorPoint';
import type { FranceCommune, FranceData } from './loadFranceData';
import { schoolHolidaysFor } from './schoolHolidaysFor';
import { territoryBbox } from './territoryBbox';
import { territoryReadme } from './territoryReadme';
import { TerritoryInputError } from './TerritoryInputError';

// Everything a territory folder holds, computed in memory and checked against the shared
// schemas before a single file is written (writeFolderAtomically.ts writes it).

export interface TerritoryRequest {
  slug: string;
  name: string;
  /** SIREN written as the territory's epciCode. */
  siren: string;
  communes: readonly FranceCommune[];
  /** Matched outlines (readOutlines.ts), or undefined: the map then has commune centres only. */
  outlines?: CommuneOutlines;
  /** File name of the outlines, for the provenance notes. */
  outlineFile?: string;
  poles: readonly string[];
  checklists: Checklist[];
  now: Date;
  /** The command as typed, for the folder's README. */
  commandLine: string;
  /** Import specifiers, from the new folder, of src/territories/parseSeedFiles and of src/shared/domain/territorySeed. */
  parseSeedImport: string;
  seedTypeImport: string;
  exportName: string;
}

export interface TerritoryFolder {
  seed: TerritorySeed;
  /** File name → content. */
  files: Record<string, string>;
  /** Things the user should know, printed by the command and kept in the README. */
  warnings: string[];
}

const CSV_SOURCE = 'communes-france-2024.csv (INSEE COG 2024 et base officielle des codes postaux, jeu datas.fun)';

function pointSource(c: FranceCommune): string {
  if (c.point === '') return `${CSV_SOURCE} : centre de la commune, pas la mairie`;
  if (c.point === 'arrondissements') return `Moyenne des centres des arrondissements municipaux, ${CSV_SOURCE} ; pas la mairie`;
  const former = /^ancienne:(.+)$/.exec(c.point);
  if (former) return `${CSV_SOURCE} : centre de l'ancienne commune ${former[1]} (avant fusion ou changement de code), pas la mairie`;
  return 'Aucun centre connu';
}

export function buildTerritoryFolder(data: FranceData, request: TerritoryRequest): TerritoryFolder {
  const warnings: string[] = [];
  const problems: string[] = [];
  const outlineOf = new Map((request.outlines?.features ?? []).map((f) => [f.properties.code, f.geometry]));

  const communes: Commune[] = [];
  for (const c of request.communes) {
    const outline = outlineOf.get(c.insee);
    let point: { lat: number; lon: number; pointSource: string } | undefined;
    if (c.lat !== undefined && c.lon !== undefined) {
      point = { lat: c.lat, lon: c.lon, pointSource: pointSource(c) };
    } else if (outline) {
      point = {
        ...interiorPoint(outline),
        pointSource: `Point à l'intérieur du contour donné (${request.outlineFile ?? 'fichier de contours'}) : aucune source ne donne le centre de cette commune ; pas la mairie`,
      };
      warnings.push(`${c.insee} ${c.name}: no source gives its centre; the point was taken inside its outline`);
    } else {
      problems.push(`${c.insee} ${c.name}: no source gives its centre (created or restored after 2024)`);
      continue;
    }
    if (outline && !pointInPolygon(point, outline)) {
      warnings.push(`${c.insee} ${c.name}: its centre (${point.lat}, ${point.lon}) falls outside its outline in the given file`);
    }
    communes.push({ insee: c.insee, name: c.name, postcodes: c.postcodes, population: c.population, ...point });
  }
  if (problems.length) {
    throw new TerritoryInputError(
      'No centre point is known for these communes (nothing was written). Give --outlines with their outlines: a point inside each is taken.',
      problems,
    );
  }

  const memberCodes = new Set(communes.map((c) => c.insee));
  const badPoles = request.poles.filter((code) => !memberCodes.has(code));
  if (badPoles.length) {
    throw new TerritoryInputError('--poles must name communes of the territory (nothing was written):', badPoles.map((code) => `${code} is not one of its communes`));
  }

  // One school calendar per territory: the region where most inhabitants live.
  const byRegion = new Map<string, { population: number; communes: number }>();
  for (const c of request.communes) {
    const region = data.departments.get(c.department)?.regionName;
    if (!region) throw new Error(`No region for department ${c.department}`);
    const r = byRegion.get(region) ?? { population: 0, communes: 0 };
    r.population += c.population;
    r.communes += 1;
    byRegion.set(region, r);
  }
  const regions = [...byRegion].sort((a, b) => b[1].population - a[1].population);
  const region = regions[0]![0];
  if (regions.length > 1) {
    warnings.push(
      `the communes are in ${regions.length} regions (${regions.map(([r, v]) => `${r}: ${v.communes}`).join(', ')}); the school holidays are those of ${region}, where most inhabitants live: check the others' zone`,
    );
  }
  const schoolHolidays = schoolHolidaysFor(region, request.now);
  if (!schoolHolidays.length) warnings.push(`the opening_hours library has no school holidays for ${region}: rules with SH will say "unknown" until staff add the calendar`);

  const outlines: CommuneOutlines = request.outlines ?? { type: 'FeatureCollection', features: [] };
  const territory: Territory = {
    id: request.slug,
    name: request.name,
    epciCode: request.siren,
    timeZone: 'Europe/Paris',
    region,
    poles: request.poles.map((code) => ({ name: communes.find((c) => c.insee === code)!.name, insee: code })),
    communes,
    bbox: territoryBbox(communes, outlines),
    schoolHolidays,
    outlines,
  };
  const files = { territory, places: [], tours: [], mobility: [], checklists: request.checklists };
  // The same check the folder's seed.ts makes when it loads: fail here, before writing.
  const seed = parseSeedFiles(request.slug, files);

  return {
    seed,
    warnings,
    files: {
      'territory.json': territoryJson(territory),
      'places.json': '[]\n',
      'tours.json': '[]\n',
      'mobility.json': '[]\n',
      'checklists.json': `${JSON.stringify(request.checklists, null, 1)}\n`,
      'seed.ts': seedModule(request),
      'README.md': territoryReadme({ ...request, territory, warnings }),
    },
  };
}

/** Pretty JSON with one line per outline feature: small, and diffs that read. */
function territoryJson(territory: Territory): string {
  const features = territory.outlines.features.map((f) => `   ${JSON.stringify(f)}`).join(',\n');
  const text = JSON.stringify({ ...territory, outlines: '@OUTLINES@' }, null, 1).replace(
    '"outlines": "@OUTLINES@"',
    features ? `"outlines": {\n  "type": "FeatureCollection",\n  "features": [\n${features}\n  ]\n }` : '"outlines": {\n  "type": "FeatureCollection",\n  "features": []\n }',
  );
  JSON.parse(text);
  return `${text}\n`;
}

/** The mark in seed.ts of a folder this command wrote (and so may replace with --force). */
export const WRITTEN_BY = 'Written by `npm run territory:create`';

function seedModule(request: TerritoryRequest): string {
  return `// Seed data of ${request.name} (SIREN ${request.siren}).
// ${WRITTEN_BY} from the official lists in data/france/; see
// README.md beside this file for the sources and what is still to fill. Checked against
// the shared domain schemas when it loads.

import type { TerritorySeed } from '${request.seedTypeImport}';
import { parseSeedFiles } from '${request.parseSeedImport}';
import checklists from './checklists.json';
import mobility from './mobility.json';
import places from './places.json';
import territory from './territory.json';
import tours from './tours.json';

export const ${request.exportName}: TerritorySeed = parseSeedFiles('${request.slug}', { territory, places, tours, mobility, checklists });
`;
}
