// Seed data of the CC du Civraisien en Poitou (EPCI 200070035), checked against the shared
// domain schemas when the module loads. The facts, their sources and how sure each one is
// are described in ../README.md; a record with `verifiedAt: ''` is shown as "à confirmer".

import type { TerritorySeed } from '../../shared/domain/territorySeed';
import { parseSeedFiles } from '../parseSeedFiles';
import checklists from './checklists.json';
import mobility from './mobility.json';
import places from './places.json';
import territory from './territory.json';
import tours from './tours.json';

/** Record by record first (for a readable error), then the whole seed in one go. */
export function parseCivraisienSeed(): TerritorySeed {
  return parseSeedFiles('civraisien-en-poitou', { territory, places, tours, mobility, checklists });
}

export const civraisienEnPoitouSeed: TerritorySeed = parseCivraisienSeed();
