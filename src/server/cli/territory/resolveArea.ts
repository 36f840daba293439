import type { FranceCommune, FranceData, FranceEpci } from './loadFranceData';
import { TerritoryInputError } from './TerritoryInputError';

// Turns `--epci` or `--communes` into the list of current communes, checking every code
// against the official 2026 lists. All problems are reported together.

export interface Area {
  /** The EPCI given (one or more), in the order given. */
  epcis: FranceEpci[];
  /** Current communes, sorted by INSEE code, each once. */
  communes: FranceCommune[];
}

const SIREN = /^\d{9}$/;
const INSEE = /^(?:\d{5}|2[AB]\d{3})$/;

export function resolveArea(data: FranceData, input: { epci?: readonly string[]; communes?: readonly string[] }): Area {
  const problems: string[] = [];
  const epcis: FranceEpci[] = [];
  const codes = new Set<string>();

  for (const siren of input.epci ?? []) {
    if (!SIREN.test(siren)) {
      problems.push(`"${siren}" is not a SIREN (9 digits)`);
      continue;
    }
    const epci = data.epci.get(siren);
    if (!epci) {
      problems.push(
        `SIREN ${siren} is not an EPCI à fiscalité propre on 1 January 2026 (DGCL list): dissolved or merged, a syndicate, or a commune's SIREN?`,
      );
      continue;
    }
    epcis.push(epci);
    for (const code of epci.members) codes.add(code);
  }

  for (const raw of input.communes ?? []) {
    const code = raw.toUpperCase();
    if (!INSEE.test(code)) {
      problems.push(`"${raw}" is not an INSEE commune code (5 characters, e.g. 86078 or 2A004)`);
    } else if (data.communes.has(code)) {
      codes.add(code);
    } else {
      problems.push(notCurrent(data, code));
    }
  }

  if (!problems.length && !codes.size) problems.push('no commune: give --epci <SIREN> or --communes <INSEE,…>');
  if (problems.length) {
    throw new TerritoryInputError(`${problems.length} code${problems.length > 1 ? 's are' : ' is'} not usable (nothing was written):`, problems);
  }
  const communes = [...codes].sort().map((code) => data.communes.get(code)!);
  return { epcis, communes };
}

/** Why a well-formed code is not a current commune, with where it went when known. */
function notCurrent(data: FranceData, code: string): string {
  const former = data.former.get(code);
  if (former) {
    const what = former.name ? `${code} (${former.name})` : code;
    const into = former.current.map((c) => `${c} ${data.communes.get(c)?.name ?? ''}`.trim()).join(', ');
    switch (former.kind) {
      case 'arrondissement':
        return `${what} is a municipal arrondissement, not a commune: use ${into}`;
      case 'deleguee':
      case 'associee':
        return `${what} is no longer a commune: it is a commune ${former.kind === 'deleguee' ? 'déléguée' : 'associée'} of ${into}; use ${into}`;
      default:
        return `${what} is no longer a commune: merged or renumbered into ${into}; use ${into}`;
    }
  }
  if (/^(?:97[5-8]|98)/.test(code)) return `${code} is in an overseas collectivity, which the data does not cover (metropolitan France and the five overseas departments only)`;
  return `${code} is not a commune on 1 January 2026 (INSEE COG)`;
}
