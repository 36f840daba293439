// Every territory Escale ships with, keyed by territory id. See README.md to add one.

import type { TerritorySeed } from '../shared/domain/territorySeed';
import { civraisienEnPoitouSeed } from './civraisien-en-poitou/seed';
import { coutancesMerEtBocageSeed } from './coutances-mer-et-bocage/seed';

export const territories: Record<string, TerritorySeed> = {
  'civraisien-en-poitou': civraisienEnPoitouSeed,
  'coutances-mer-et-bocage': coutancesMerEtBocageSeed,
};

/** The seed of a territory, or undefined for an unknown id. */
export function getTerritorySeed(id: string): TerritorySeed | undefined {
  return Object.hasOwn(territories, id) ? territories[id] : undefined;
}
