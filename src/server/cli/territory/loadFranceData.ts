import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './parseCsv';

// The official communes and EPCI of France, as derived into data/france/ (see its
// README.md for the sources, the vintage and what each column means).

export interface FranceCommune {
  insee: string;
  name: string;
  postcodes: string[];
  population: number;
  /** Undefined when no source gives a centre point (`point` is then 'inconnu'). */
  lat?: number;
  lon?: number;
  /** '' (2024 centre, same code), 'ancienne:<code>', 'arrondissements' or 'inconnu'. */
  point: string;
  department: string;
}

export interface FranceEpci {
  siren: string;
  /** CC, CA, CU, METRO, MET69. */
  type: string;
  name: string;
  population: number;
  members: string[];
}

export interface FormerCommune {
  insee: string;
  name: string;
  kind: 'ancienne' | 'deleguee' | 'associee' | 'arrondissement';
  current: string[];
}

export interface Department {
  code: string;
  name: string;
  region: string;
  regionName: string;
}

export interface FranceData {
  communes: Map<string, FranceCommune>;
  epci: Map<string, FranceEpci>;
  /** The EPCI of each member commune (a commune belongs to at most one). */
  epciOf: Map<string, FranceEpci>;
  former: Map<string, FormerCommune>;
  departments: Map<string, Department>;
}

/** Default location: data/france at the repository root. */
export const FRANCE_DATA_DIR = join(import.meta.dirname, '../../../../data/france');

export function departmentOf(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

export function loadFranceData(dir = FRANCE_DATA_DIR): FranceData {
  const read = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8'), name);
  const list = (value: string | undefined) => (value ? value.split(' ') : []);

  const communes = new Map<string, FranceCommune>();
  for (const r of read('communes.csv')) {
    communes.set(r.insee!, {
      insee: r.insee!,
      name: r.name!,
      postcodes: list(r.postcodes),
      population: Number(r.population),
      ...(r.lat && r.lon ? { lat: Number(r.lat), lon: Number(r.lon) } : {}),
      point: r.point!,
      department: departmentOf(r.insee!),
    });
  }
  const epci = new Map<string, FranceEpci>();
  const epciOf = new Map<string, FranceEpci>();
  for (const r of read('epci.csv')) {
    const e = { siren: r.siren!, type: r.type!, name: r.name!, population: Number(r.population), members: list(r.members) };
    epci.set(e.siren, e);
    for (const code of e.members) epciOf.set(code, e);
  }
  const former = new Map<string, FormerCommune>();
  for (const r of read('former-communes.csv')) {
    former.set(r.insee!, { insee: r.insee!, name: r.name!, kind: r.kind as FormerCommune['kind'], current: list(r.current) });
  }
  const departments = new Map<string, Department>();
  for (const r of read('departements.csv')) {
    departments.set(r.code!, { code: r.code!, name: r.name!, region: r.region!, regionName: r.region_name! });
  }
  return { communes, epci, epciOf, former, departments };
}
