import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { csvLine, parseCsv } from './territory/parseCsv';

// Rebuilds data/france/ (what `npm run territory:create` reads) from the two official
// sources, so the command itself needs neither the npm package nor the network:
//   npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-decoupage-administratif-6.0.0.tgz
//   node --import tsx src/server/cli/deriveFranceData.ts --decoupage package --csv ../shared/data/communes-france-2024.csv
// Only the fields the command uses are kept (see data/france/README.md), metropolitan
// France and the five overseas departments only: the overseas collectivities (975, 977,
// 978, 98x) are outside the EPCI system and have no centre point in the 2024 file.

interface DecoupageCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone: 'metro' | 'drom' | 'com';
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
  commune?: string;
}
interface DecoupageEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale: number;
  membres: { code: string; populationMunicipale: number }[];
}
interface Named {
  code: string;
  nom: string;
  region?: string;
}

const { values } = parseArgs({ options: { decoupage: { type: 'string' }, csv: { type: 'string' }, out: { type: 'string' } } });
if (!values.decoupage || !values.csv) {
  console.error('usage: deriveFranceData --decoupage <unpacked @etalab/decoupage-administratif> --csv <communes-france-2024.csv> [--out data/france]');
  process.exit(2);
}
const packageDir = resolve(values.decoupage);
const out = resolve(values.out ?? 'data/france');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(packageDir, 'data', name), 'utf8')) as T;
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
if (pkg.name !== '@etalab/decoupage-administratif') throw new Error(`${packageDir} is not @etalab/decoupage-administratif (${pkg.name})`);

const all = readJson<DecoupageCommune[]>('communes.json');
const epcis = readJson<DecoupageEpci[]>('epci.json');
const departements = readJson<Named[]>('departements.json');
const regions = new Map(readJson<Named[]>('regions.json').map((r) => [r.code, r.nom]));
const points = parseCsv(readFileSync(values.csv, 'utf8'), values.csv);

const current = all.filter((c) => c.type === 'commune-actuelle' && c.zone !== 'com').sort((a, b) => (a.code < b.code ? -1 : 1));
const currentCodes = new Set(current.map((c) => c.code));

// Population municipale as the DGCL table of EPCI members gives it: the figure the
// Civraisien seed uses (its total, 26,737, is the EPCI's). The communes file's own
// `population` is another count; it is used only for the few communes in no EPCI.
const municipale = new Map(epcis.flatMap((e) => e.membres.map((m) => [m.code, m.populationMunicipale] as const)));

// The 2024 file has one row per (commune, postcode), and delegated communes (COMD) and
// arrondissements (ARM) beside their commune; a COM row with a point is the commune's own.
type Row = Record<string, string>;
const own = new Map<string, Row>();
const arrondissements = new Map<string, Row[]>();
for (const row of points) {
  if (row.type === 'COM' && row.lat && row.lon && !own.has(row.insee!)) own.set(row.insee!, row);
  if (row.type === 'ARM' && row.lat && row.lon && row.parent_insee) {
    const list = arrondissements.get(row.parent_insee) ?? [];
    if (!list.some((r) => r.insee === row.insee)) list.push(row);
    arrondissements.set(row.parent_insee, list);
  }
}

/** The commune's centre and where it comes from (`point` column, see README.md). */
function centreOf(c: DecoupageCommune): { lat: string; lon: string; point: string } {
  const same = own.get(c.code);
  if (same) return { lat: same.lat!, lon: same.lon!, point: '' };
  const arms = arrondissements.get(c.code);
  if (arms?.length) {
    const mean = (key: 'lat' | 'lon') => (arms.reduce((s, r) => s + Number(r[key]), 0) / arms.length).toFixed(5);
    return { lat: mean('lat'), lon: mean('lon'), point: 'arrondissements' };
  }
  // Renumbered or merged since 2024: the point of the most populous former commune.
  const former = (c.anciensCodes ?? []).map((code) => own.get(code)).filter((r): r is Row => r !== undefined);
  former.sort((a, b) => Number(b.population_2021) - Number(a.population_2021));
  const best = former[0];
  if (best) return { lat: best.lat!, lon: best.lon!, point: `ancienne:${best.insee}` };
  return { lat: '', lon: '', point: 'inconnu' };
}

mkdirSync(out, { recursive: true });
const write = (name: string, header: string[], rows: (string | number)[][]) => {
  writeFileSync(join(out, name), [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
};

const communeRows = current.map((c) => {
  const { lat, lon, point } = centreOf(c);
  const population = municipale.get(c.code) ?? c.population;
  if (population === undefined) throw new Error(`${c.code} ${c.nom}: no population`);
  if (!c.codesPostaux?.length) throw new Error(`${c.code} ${c.nom}: no postcode`);
  return [c.code, c.nom, c.codesPostaux.join(' '), population, lat, lon, point];
});
write('communes.csv', ['insee', 'name', 'postcodes', 'population', 'lat', 'lon', 'point'], communeRows);

const epciRows = [...epcis].sort((a, b) => (a.code < b.code ? -1 : 1)).map((e) => {
  const members = e.membres.map((m) => m.code).sort();
  const outside = members.filter((code) => !currentCodes.has(code));
  if (outside.length) throw new Error(`EPCI ${e.code}: members ${outside.join(', ')} are not current communes`);
  return [e.code, e.type, e.nom, e.populationMunicipale, members.join(' ')];
});
write('epci.csv', ['siren', 'type', 'name', 'population', 'members'], epciRows);

// Codes that are no longer communes, to say where they went rather than just "unknown".
const former = new Map<string, { name: string; current: Set<string>; kind: string }>();
const addFormer = (code: string, name: string, to: string, kind: string) => {
  if (currentCodes.has(code) || !currentCodes.has(to)) return;
  const entry = former.get(code) ?? { name, current: new Set<string>(), kind };
  if (!entry.name) entry.name = name;
  entry.current.add(to);
  former.set(code, entry);
};
for (const c of all) {
  if (c.type === 'commune-deleguee' || c.type === 'commune-associee') addFormer(c.code, c.nom, c.chefLieu ?? '', c.type.replace('commune-', ''));
  if (c.type === 'arrondissement-municipal') addFormer(c.code, c.nom, c.commune ?? '', 'arrondissement');
}
for (const c of current) for (const code of c.anciensCodes ?? []) addFormer(code, '', c.code, 'ancienne');
const formerRows = [...former].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, f]) => [code, f.name, f.kind, [...f.current].sort().join(' ')]);
write('former-communes.csv', ['insee', 'name', 'kind', 'current'], formerRows);

// The department of a commune is its code's first two characters (three overseas).
const departmentOf = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
const usedDepartments = new Set(current.map((c) => departmentOf(c.code)));
const departmentRows = departements.filter((d) => usedDepartments.has(d.code) && d.region && regions.has(d.region)).map((d) => [d.code, d.nom, d.region!, regions.get(d.region!)!]);
if (departmentRows.length !== usedDepartments.size) throw new Error('a department of the communes has no region');
write('departements.csv', ['code', 'name', 'region', 'region_name'], departmentRows);

const unknown = communeRows.filter((r) => r[6] === 'inconnu').map((r) => `${r[0]} ${r[1]}`);
console.log(`${pkg.name} ${pkg.version}; communes without a centre point: ${unknown.length ? unknown.join(', ') : 'none'}`);
