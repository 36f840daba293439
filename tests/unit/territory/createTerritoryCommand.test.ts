import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { territorySeedSchema, type TerritorySeed } from '../../../src/shared/domain/territorySeed';
import { pointInPolygon } from '../../../src/shared/geo/pointInPolygon';
import { loadFranceData } from '../../../src/server/cli/territory/loadFranceData';
import { getTerritorySeed } from '../../../src/territories';

// The real command (`npm run territory:create` = node --import tsx src/server/cli/
// createTerritory.ts), run on real EPCI into temporary folders, checked against the
// official member lists copied in data/france/epci.csv (DGCL 2026, via
// @etalab/decoupage-administratif 6.0.0) and against the shared seed schemas.

const ROOT = resolve(import.meta.dirname, '../../..');
const france = loadFranceData();
const civraisien = getTerritorySeed('civraisien-en-poitou')!;
const work = mkdtempSync(join(tmpdir(), 'escale-territory-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/createTerritory.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FILES = ['README.md', 'checklists.json', 'mobility.json', 'places.json', 'seed.ts', 'territory.json', 'tours.json'];

/** The folder's five JSON files, parsed with the schema the server seeds with. */
function readSeed(dir: string): TerritorySeed {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown;
  const parsed = territorySeedSchema.safeParse({
    territory: read('territory'), places: read('places'), tours: read('tours'), mobility: read('mobility'), checklists: read('checklists'),
  });
  expect(parsed.success, dir).toBe(true);
  return parsed.data!;
}

/** Nothing but the folders the test expects: no temporary `.x.new-…` or `.x.old-…` left over. */
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

// Member counts read from @etalab/decoupage-administratif 6.0.0's data/epci.json (the
// DGCL's epcicom2026): the copied epci.csv must agree, and the command must write them all.
const REAL_EPCI = [
  { siren: '200070035', slug: 'civraisien-en-poitou', communes: 35, region: 'Nouvelle-Aquitaine', name: 'Communauté de communes du Civraisien en Poitou' },
  { siren: '245701206', slug: 'saulnois', communes: 128, region: 'Grand Est', name: 'Communauté de communes du Saulnois' },
  { siren: '200067023', slug: 'coutances-mer-et-bocage', communes: 48, region: 'Normandie', name: 'Communauté de communes Coutances Mer et Bocage' },
  { siren: '200067106', slug: 'pays-basque', communes: 158, region: 'Nouvelle-Aquitaine', name: "Communauté d'agglomération du Pays Basque" },
];

describe('territory:create on real EPCI', () => {
  it.each(REAL_EPCI)('$siren: $communes communes, the official members, a folder that passes the seed schemas', (epci) => {
    const out = join(work, 'epci', epci.slug);
    const r = run('--epci', epci.siren, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${epci.communes} communes`);
    expect(entries(out)).toEqual(FILES);
    expect(entries(join(work, 'epci'))).toContain(epci.slug);
    expect(entries(join(work, 'epci')).filter((e) => e.startsWith('.'))).toEqual([]);

    const seed = readSeed(out);
    const { territory } = seed;
    const official = france.epci.get(epci.siren)!;
    expect(official.members).toHaveLength(epci.communes);
    expect(territory.communes.map((c) => c.insee)).toEqual(official.members);
    expect(territory).toMatchObject({ id: epci.slug, name: epci.name, epciCode: epci.siren, region: epci.region, poles: [] });
    expect(territory.communes.reduce((s, c) => s + c.population, 0)).toBe(official.population);
    for (const c of territory.communes) {
      const source = france.communes.get(c.insee)!;
      expect([c.name, c.postcodes, c.population, c.lat, c.lon]).toEqual([source.name, source.postcodes, source.population, source.lat, source.lon]);
      expect(c.pointSource).toMatch(/pas la mairie/);
    }

    // No outline file: none invented, and the box holds every centre with room around it.
    expect(territory.outlines.features).toEqual([]);
    const [west, south, east, north] = territory.bbox;
    for (const c of territory.communes) {
      expect(c.lat - south, c.name).toBeGreaterThanOrEqual(0.05);
      expect(north - c.lat, c.name).toBeGreaterThanOrEqual(0.05);
      expect(c.lon - west, c.name).toBeGreaterThan(0.05);
      expect(east - c.lon, c.name).toBeGreaterThan(0.05);
    }

    // Empty directory, tours and mobility; national checklists, unreviewed and placeless.
    expect([seed.places, seed.tours, seed.mobility]).toEqual([[], [], []]);
    expect(seed.checklists).toHaveLength(civraisien.checklists.length);
    for (const c of seed.checklists) {
      expect(c.territoryId).toBe(epci.slug);
      expect(c.id).toMatch(new RegExp(`^checklist-.+\\.${epci.slug}$`));
      expect(c.reviewedAt).toBe('');
      expect(c.whereToGo.placeIds).toEqual([]);
    }
    expect(territory.schoolHolidays.length).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(`npm run territory:create -- --epci ${epci.siren} --out ${out}`);
  });

  it('200070035 with the Civraisien outlines: the hand-written seed\'s communes, outlines and bbox, and a seed.ts that loads', () => {
    const outlineFile = join(work, 'civraisien-outlines.geojson');
    writeFileSync(outlineFile, JSON.stringify(civraisien.territory.outlines));
    const out = join(work, 'with-outlines', 'civraisien-en-poitou');
    const r = run('--epci', '200070035', '--outlines', outlineFile, '--poles', '86078,86082,86103', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('35 communes, 26737 inhabitants, 35 outlines, bbox [0.107, 46.048, 0.551, 46.412]');
    // Every 2024 centre falls inside its commune's outline: no warning.
    expect(r.stdout).not.toContain('warning');

    const { territory } = readSeed(out);
    const key = (c: { insee: string; name: string; postcodes: string[]; population: number }) => [c.insee, c.name, c.postcodes, c.population];
    expect(territory.communes.map(key)).toEqual(civraisien.territory.communes.map(key));
    expect(territory.outlines).toEqual(civraisien.territory.outlines);
    expect(territory.bbox).toEqual(civraisien.territory.bbox);
    expect(territory.poles.map((p) => p.insee)).toEqual(civraisien.territory.poles.map((p) => p.insee));
    for (const c of territory.communes) {
      expect(pointInPolygon(c, territory.outlines.features.find((f) => f.properties.code === c.insee)!.geometry), c.name).toBe(true);
      // The 2024 centre and the hand-written seed's 2020 La Poste point are the same place,
      // give or take 2 km, except for the communes nouvelles, where the hand-written seed
      // took the former chief town (Couhé, Saint-Saviol) and 2024 the new commune's centre.
      const old = civraisien.territory.communes.find((o) => o.insee === c.insee)!;
      if (old.pointSource?.includes('Commune nouvelle')) continue;
      expect(Math.hypot(c.lat - old.lat, (c.lon - old.lon) * Math.cos((c.lat * Math.PI) / 180)) * 111, c.name).toBeLessThan(2);
    }

    // The folder's own seed.ts, loaded the way the server loads seeds (node --import tsx).
    const loader = join(work, 'load-seed.mts');
    writeFileSync(loader, "const m = await import(process.argv[2]);\nconst s = m.civraisienEnPoitouSeed;\nconsole.log(JSON.stringify([s.territory.id, s.territory.communes.length, s.checklists.length]));\n");
    const loaded = spawnSync(process.execPath, ['--import', 'tsx', loader, join(out, 'seed.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    expect(JSON.parse(loaded.stdout)).toEqual(['civraisien-en-poitou', 35, 18]);
  });
});

describe('territory:create refuses bad input and writes nothing', () => {
  it('lists every unusable code at once: malformed, unknown or dissolved SIREN, merged, delegated, arrondissement, overseas, unknown INSEE', () => {
    const dir = join(work, 'refused');
    const bad = run('--epci', '123456789,12345', '--out', join(dir, 'a'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('2 codes are not usable (nothing was written)');
    expect(bad.stderr).toContain('SIREN 123456789 is not an EPCI à fiscalité propre on 1 January 2026');
    expect(bad.stderr).toContain('"12345" is not a SIREN (9 digits)');

    const communes = run('--communes', '86078,86146,86030,75101,98714,99999,abc', '--slug', 'essai', '--name', 'Essai', '--out', join(dir, 'b'));
    expect(communes.code).toBe(1);
    const lines = communes.stderr.trim().split('\n');
    expect(lines[0]).toBe('6 codes are not usable (nothing was written):');
    expect(lines.slice(1)).toEqual([
      '  - 86146 (Marigny-Brizay) is no longer a commune: it is a commune déléguée of 86115 Jaunay-Marigny; use 86115 Jaunay-Marigny',
      '  - 86030 (Blaslay) is no longer a commune: it is a commune déléguée of 86281 Saint-Martin-la-Pallu; use 86281 Saint-Martin-la-Pallu',
      '  - 75101 (Paris 1er Arrondissement) is a municipal arrondissement, not a commune: use 75056 Paris',
      '  - 98714 is in an overseas collectivity, which the data does not cover (metropolitan France and the five overseas departments only)',
      '  - 99999 is not a commune on 1 January 2026 (INSEE COG)',
      '  - "abc" is not an INSEE commune code (5 characters, e.g. 86078 or 2A004)',
    ]);
    // A code merged away with no delegated commune left: where it went.
    const merged = [...france.former.values()].find((f) => f.kind === 'ancienne' && f.current.length === 1)!;
    const m = run('--communes', merged.insee, '--slug', 'essai', '--name', 'Essai', '--out', join(dir, 'c'));
    expect(m.stderr).toContain(`${merged.insee} is no longer a commune: merged or renumbered into ${merged.current[0]}`);
    expect(entries(dir)).toEqual([]);
  });

  it('refuses a commune without a known centre unless its outline is given, then takes a point inside it', () => {
    // CC du Pays de Saint-Fulgent - Les Essarts: L'Oie and Sainte-Florence were restored in
    // 2024 and have no centre in either source.
    const out = join(work, 'no-centre', 'saint-fulgent');
    const r = run('--epci', '200071918', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No centre point is known for these communes (nothing was written)');
    expect(r.stderr).toContain("85165 L'Oie");
    expect(r.stderr).toContain('85212 Sainte-Florence');
    expect(entries(join(work, 'no-centre'))).toEqual([]);

    // SYNTHETIC outlines (no real outline data ships with the repository): a square around
    // each known centre, and a C-shaped commune for L'Oie whose centroid is outside it.
    const members = france.epci.get('200071918')!.members.map((code) => france.communes.get(code)!);
    const square = (lon: number, lat: number, d = 0.01) => [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
    const cShape = [[[-1.1, 46.7], [-1.0, 46.7], [-1.0, 46.72], [-1.08, 46.72], [-1.08, 46.78], [-1.0, 46.78], [-1.0, 46.8], [-1.1, 46.8], [-1.1, 46.7]]];
    const features = members.map((c, i) => ({
      type: 'Feature',
      properties: { INSEE_COM: c.insee, NOM: c.name },
      geometry: { type: 'Polygon', coordinates: c.lat === undefined ? (c.insee === '85165' ? cShape : square(-0.9, 46.6 + i * 0.01)) : square(c.lon!, c.lat) },
    }));
    const outlineFile = join(work, 'synthetic-saint-fulgent.geojson');
    writeFileSync(outlineFile, JSON.stringify({ type: 'FeatureCollection', features }));
    const ok = run('--epci', '200071918', '--outlines', outlineFile, '--out', out);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("warning: 85165 L'Oie: no source gives its centre; the point was taken inside its outline");
    const { territory } = readSeed(out);
    const oie = territory.communes.find((c) => c.insee === '85165')!;
    expect(pointInPolygon(oie, { type: 'Polygon', coordinates: cShape as never })).toBe(true);
    expect(oie.pointSource).toContain('synthetic-saint-fulgent.geojson');
  });

  it('refuses an outline file that misses communes, naming each, and writes nothing', () => {
    const partial = { ...civraisien.territory.outlines, features: civraisien.territory.outlines.features.slice(2) };
    const file = join(work, 'partial.geojson');
    writeFileSync(file, JSON.stringify(partial));
    const dir = join(work, 'partial');
    const r = run('--epci', '200070035', '--outlines', file, '--out', join(dir, 'civraisien'));
    expect(r.code).toBe(1);
    const missing = civraisien.territory.outlines.features.slice(0, 2).map((f) => `  - ${f.properties.code} ${f.properties.nom}: no outline in the file`);
    expect(r.stderr.trim().split('\n').slice(1)).toEqual(missing);
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '86078' }, geometry: { type: 'Polygon', coordinates: [[[470000, 6570000], [470100, 6570000], [470100, 6570100], [470000, 6570000]]] } }] }));
    const lambert = run('--communes', '86078', '--slug', 'civray', '--name', 'Civray', '--outlines', file, '--out', join(dir, 'civray'));
    expect(lambert.stderr).toContain('reproject the file to WGS 84 (EPSG:4326)');
    expect(entries(dir)).toEqual([]);
  });

  it('never overwrites a folder without --force, and a failed --force run leaves the old folder whole', () => {
    const parent = join(work, 'force');
    const out = join(parent, 'civray');
    expect(run('--communes', '86078', '--slug', 'civray', '--name', 'Civray', '--out', out).code).toBe(0);
    const before = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]));

    const again = run('--communes', '86078,86103', '--slug', 'civray', '--name', 'Civray', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The folder exists already (nothing was written)');
    const failed = run('--communes', '86078,99999', '--slug', 'civray', '--name', 'Civray', '--out', out, '--force');
    expect(failed.code).toBe(1);
    expect(Object.fromEntries(FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);

    const forced = run('--communes', '86078,86103', '--slug', 'civray', '--name', 'Civray', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readSeed(out).territory.communes.map((c) => c.insee)).toEqual(['86078', '86103']);
    expect(entries(parent)).toEqual(['civray']);
  });

  it('never replaces a hand-written seed, even with --force', () => {
    const out = join(work, 'hand-written', 'civraisien-en-poitou');
    mkdirSync(out, { recursive: true });
    const own = "// Written by hand.\nexport const seed = {};\n";
    writeFileSync(join(out, 'seed.ts'), own);
    const r = run('--epci', '200070035', '--out', out, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The folder exists and was not written by territory:create (nothing was written)');
    expect(entries(out)).toEqual(['seed.ts']);
    expect(readFileSync(join(out, 'seed.ts'), 'utf8')).toBe(own);
    expect(entries(join(work, 'hand-written'))).toEqual(['civraisien-en-poitou']);
  });

  it('a custom area: needs --slug and --name, and --siren when its communes span several EPCI', () => {
    const dir = join(work, 'custom');
    mkdirSync(dir);
    const unnamed = run('--communes', '86078,86103', '--out', join(dir, 'a'));
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toContain('give --name');
    expect(unnamed.stderr).toContain('give --slug');
    // Civray (Civraisien) and Adilly (79001, CA du Bocage Bressuirais).
    const twoEpci = run('--communes', '86078,79001', '--slug', 'essai', '--name', 'Essai', '--out', join(dir, 'b'));
    expect(twoEpci.stderr).toContain('the communes belong to 2 EPCI (200040244 CA du Bocage Bressuirais; 200070035 CC du Civraisien en Poitou)');
    const both = run('--epci', '200070035', '--communes', '86078', '--out', join(dir, 'c'));
    expect(both.stderr).toContain('Give either --epci or --communes');
    expect(entries(dir)).toEqual([]);

    const ok = run('--communes', '86078;79001', '--slug', 'essai', '--name', 'Essai', '--siren', '200070035', '--out', join(dir, 'd'));
    expect(ok.code).toBe(0);
    const { territory } = readSeed(join(dir, 'd'));
    expect(territory.communes.map((c) => c.insee)).toEqual(['79001', '86078']);
    expect(territory.epciCode).toBe('200070035');
  });
});
