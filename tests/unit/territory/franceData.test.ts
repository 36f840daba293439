import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inseeSchema } from '../../../src/shared/domain/common';
import { FRANCE_DATA_DIR, loadFranceData } from '../../../src/server/cli/territory/loadFranceData';
import { parseCsv } from '../../../src/server/cli/territory/parseCsv';

// The official lists copied into data/france/ (see its README.md): complete, coherent,
// and in agreement with the project's hand-checked facts about the Civraisien.

const data = loadFranceData();

describe('data/france', () => {
  it('holds every current commune of metropolitan France and the overseas departments, and every EPCI of 2026', () => {
    expect(data.communes.size).toBe(34_875);
    expect(data.epci.size).toBe(1_255);
    expect(data.departments.size).toBe(101);
    for (const c of data.communes.values()) {
      expect(inseeSchema.safeParse(c.insee).success, c.insee).toBe(true);
      expect(c.postcodes.length, c.insee).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(c.population) && c.population >= 0, c.insee).toBe(true);
      expect(data.departments.has(c.department), c.insee).toBe(true);
    }
  });

  it('puts each commune in at most one EPCI, each member being a current commune; four island communes are in none', () => {
    const memberships = [...data.epci.values()].flatMap((e) => e.members);
    expect(new Set(memberships).size).toBe(memberships.length);
    for (const code of memberships) expect(data.communes.has(code), code).toBe(true);
    expect([...data.communes.keys()].filter((code) => !data.epciOf.has(code))).toEqual(['22016', '29083', '29155', '85113']);
    for (const e of data.epci.values()) expect(e.population, e.siren).toBe(e.members.reduce((s, code) => s + data.communes.get(code)!.population, 0));
  });

  it('has a centre point for every commune but the eight created or restored after 2024', () => {
    const without = [...data.communes.values()].filter((c) => c.lat === undefined).map((c) => c.insee);
    expect(without).toEqual(['15031', '15035', '15047', '15171', '27676', '60694', '85165', '85212']);
    for (const c of data.communes.values()) {
      if (c.lat === undefined || c.lon === undefined) {
        expect(c.point).toBe('inconnu');
        continue;
      }
      expect(c.point, c.insee).toMatch(/^(?:|ancienne:\d{5}|arrondissements)$/);
      // Metropolitan France, Corsica and the five overseas departments.
      const inside = (c.lat > 41 && c.lat < 51.2 && c.lon > -5.3 && c.lon < 9.7) || c.insee.startsWith('97');
      expect(inside, `${c.insee} ${c.lat},${c.lon}`).toBe(true);
    }
  });

  it('says where merged and delegated codes went', () => {
    for (const f of data.former.values()) {
      expect(data.communes.has(f.insee), f.insee).toBe(false);
      for (const code of f.current) expect(data.communes.has(code), `${f.insee} → ${code}`).toBe(true);
    }
    // Châtillon has been a commune déléguée of Valence-en-Poitou (Civraisien) since 2019.
    expect(data.former.get('86067')).toMatchObject({ name: 'Châtillon', kind: 'deleguee', current: ['86082'] });
  });

  const sharedCommunes = resolve(import.meta.dirname, '../../../../shared/data/communes.json');
  it.skipIf(!existsSync(sharedCommunes))("agrees with the shared, hand-checked Civraisien facts (when the shared data is beside the repo)", () => {
    const shared = JSON.parse(readFileSync(sharedCommunes, 'utf8')) as {
      epci: { siren: string; members_count: number; populationMunicipale: number };
      communes: { insee: string; name: string; postal_codes: string[]; population_municipale: number }[];
    };
    const epci = data.epci.get(shared.epci.siren)!;
    expect(epci.members).toHaveLength(shared.epci.members_count);
    expect(epci.population).toBe(shared.epci.populationMunicipale);
    expect(epci.members.map((code) => data.communes.get(code)!).map((c) => [c.insee, c.name, c.postcodes, c.population])).toEqual(
      shared.communes.map((c) => [c.insee, c.name, c.postal_codes, c.population_municipale]),
    );
  });

  it('stays small: about 2 MB in all', () => {
    const total = ['communes.csv', 'epci.csv', 'former-communes.csv', 'departements.csv'].reduce((s, f) => s + statSync(join(FRANCE_DATA_DIR, f)).size, 0);
    expect(total).toBeLessThan(2_200_000);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a last line without a break', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n1,\n2,3')).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: '1', b: '' },
      { a: '2', b: '3' },
    ]);
  });

  it('refuses a row with the wrong number of fields, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\n3', 'f.csv')).toThrow('f.csv, line 3: 1 fields where the header has 2');
  });
});
