// Rebuilds territory.json from the shared territory facts and the opening_hours library.
// Run from the repository root, with the shared data beside the repository:
//   node src/territories/civraisien-en-poitou/tools/build-territory.mjs [path/to/shared/data]
// It keeps the hand-written fields (name, poles, region…) below, takes the communes and
// outlines as given, checks that the bbox contains every outline, and copies the zone A
// school holidays (Nouvelle-Aquitaine, académie de Poitiers) that the library bundles.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpeningHours from 'opening_hours';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(process.argv[2] ?? join(here, '../../../../../shared/data'));
const out = join(here, '../territory.json');

const communesFile = JSON.parse(readFileSync(join(dataDir, 'communes.json'), 'utf8'));
const contours = JSON.parse(readFileSync(join(dataDir, 'communes-contours.geojson'), 'utf8'));

const POINT_SOURCE = 'La Poste, base officielle des codes postaux (2020), champ coordonnees_gps : centre géométrique de la commune, pas la mairie';

const communes = communesFile.communes.map((c) => ({
  insee: c.insee,
  name: c.name,
  postcodes: c.postal_codes,
  population: c.population_municipale,
  lat: c.latitude,
  lon: c.longitude,
  pointSource:
    c.coord_kind.startsWith('chief town')
      ? `${POINT_SOURCE}. Commune nouvelle : le point est celui de l'ancienne commune chef-lieu (${c.insee === '86082' ? 'Couhé' : 'Saint-Saviol'}).`
      : POINT_SOURCE,
}));

const outlines = {
  type: 'FeatureCollection',
  features: contours.features.map((f) => ({
    type: 'Feature',
    properties: { code: f.properties.code, nom: f.properties.nom },
    geometry: f.geometry,
  })),
};

// [west, south, east, north]. docs/interface.md quotes 0.108–0.550 / 46.048–46.412; the outlines
// reach 0.1077 and 0.5503, so the box is widened by 0.001° on both sides in longitude.
const bbox = [0.107, 46.048, 0.551, 46.412];
for (const f of outlines.features) {
  for (const ring of f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()) {
    for (const [lon, lat] of ring) {
      if (lon < bbox[0] || lat < bbox[1] || lon > bbox[2] || lat > bbox[3]) {
        throw new Error(`Outline of ${f.properties.nom} leaves the bbox at ${lon},${lat}`);
      }
    }
  }
}

// School holidays as the library knows them. Its intervals run from local midnight to
// local midnight: the last holiday day is the day before the interval's end.
const location = { lat: '46.23', lon: '0.33', address: { country_code: 'fr', state: 'Nouvelle-Aquitaine' } };
const parisDate = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
const dayBefore = (d) => parisDate(new Date(d.getTime() - 12 * 3600 * 1000));
// From the start of the 2025-2026 school year to the last date the library covers (it
// throws past July 2027 for Nouvelle-Aquitaine).
const intervals = new OpeningHours('SH', location).getOpenIntervals(new Date('2025-09-01T00:00:00+02:00'), new Date('2027-07-04T00:00:00+02:00'));
const schoolHolidays = intervals.filter(([from, to]) => to.getTime() - from.getTime() >= 12 * 3600 * 1000).map(([from, to, , comment]) => ({
  name: comment === 'Fin des cours' ? "Fin des cours (début des vacances d'été ; fin non donnée par la source)" : comment,
  from: parisDate(from),
  to: dayBefore(to),
}));

const territory = {
  id: 'civraisien-en-poitou',
  name: 'Communauté de communes du Civraisien en Poitou',
  epciCode: communesFile.epci.siren,
  timeZone: 'Europe/Paris',
  region: 'Nouvelle-Aquitaine',
  poles: [
    { name: 'Civray', insee: '86078' },
    { name: 'Couhé (Valence-en-Poitou)', insee: '86082' },
    { name: 'Gençay', insee: '86103' },
  ],
  communes,
  bbox,
  schoolHolidays,
  outlines,
  headquartersPlaceId: 'place-cdc-civraisien-en-poitou',
};

// One line per outline feature keeps the file small and the diffs readable.
const features = outlines.features.map((f) => `   ${JSON.stringify(f)}`).join(',\n');
const text = JSON.stringify({ ...territory, outlines: '@OUTLINES@' }, null, 1).replace(
  '"outlines": "@OUTLINES@"',
  `"outlines": {\n  "type": "FeatureCollection",\n  "features": [\n${features}\n  ]\n }`,
);
JSON.parse(text);
writeFileSync(out, `${text}\n`);
console.log(`territory.json: ${communes.length} communes, ${outlines.features.length} outlines, ${schoolHolidays.length} school-holiday periods`);
for (const h of schoolHolidays) console.log(`  ${h.from} → ${h.to}  ${h.name}`);
