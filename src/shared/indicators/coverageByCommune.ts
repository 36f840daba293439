import type { CoverageObservation } from '../domain/coverageObservation';
import type { Commune } from '../domain/territory';
import { EFFECTIVE_TYPES } from '../domain/vocabularies';

export type EffectiveType = (typeof EFFECTIVE_TYPES)[number];

export interface CommuneCoverage {
  insee: string;
  name: string;
  observations: number;
  online: number;
  offline: number;
  /** online / observations, from 0 to 1. */
  shareOnline: number;
  /** The best network quality seen online, where the browser reported one. */
  bestEffectiveType?: EffectiveType;
  /** Observed and never online: a white zone for the map. */
  whiteZone: boolean;
}

/**
 * Coverage per commune, for the white-zone map. Only communes with observations are
 * listed: a commune nobody has measured is "no data", which the map must not paint as
 * covered nor as white. Sorted by INSEE code.
 */
export function coverageByCommune(observations: readonly CoverageObservation[], communes: readonly Commune[]): CommuneCoverage[] {
  const names = new Map(communes.map((c) => [c.insee, c.name]));
  const rows = new Map<string, CommuneCoverage>();
  for (const o of observations) {
    const row = rows.get(o.insee) ?? {
      insee: o.insee, name: names.get(o.insee) ?? o.insee, observations: 0, online: 0, offline: 0, shareOnline: 0, whiteZone: false,
    };
    row.observations += 1;
    if (o.online) {
      row.online += 1;
      const rank = (t: EffectiveType | undefined) => (t === undefined ? -1 : EFFECTIVE_TYPES.indexOf(t));
      if (o.effectiveType !== undefined && rank(o.effectiveType) > rank(row.bestEffectiveType)) row.bestEffectiveType = o.effectiveType;
    } else {
      row.offline += 1;
    }
    rows.set(o.insee, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, shareOnline: row.online / row.observations, whiteZone: row.online === 0 }))
    .sort((a, b) => a.insee.localeCompare(b.insee));
}
