import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TerritorySeed } from '../../shared/domain/territorySeed';

const TERRITORIES_DIR = fileURLToPath(new URL('../../territories/', import.meta.url));

/**
 * Finds the seed of a territory in src/territories: `index.ts` exporting
 * `territories: Record<slug, TerritorySeed>`, or else `<slug>/seed.ts` exporting `seed`.
 * Loaded by path at run time so the server does not fail to build while a territory's
 * data is still being written; the seed is validated by the shared schema when applied.
 */
export async function loadTerritorySeed(territoryId: string): Promise<TerritorySeed | undefined> {
  const index = `${TERRITORIES_DIR}index.ts`;
  if (existsSync(index)) {
    const mod = (await import(pathToFileURL(index).href)) as { territories?: Record<string, TerritorySeed> };
    const found = mod.territories && Object.hasOwn(mod.territories, territoryId) ? mod.territories[territoryId] : undefined;
    if (found) return found;
  }
  const single = `${TERRITORIES_DIR}${territoryId}/seed.ts`;
  if (existsSync(single)) {
    const mod = (await import(pathToFileURL(single).href)) as { seed?: TerritorySeed };
    return mod.seed;
  }
  return undefined;
}
