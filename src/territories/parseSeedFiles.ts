// Checks a territory's five seed files against the shared domain schemas: record by record
// first (for an error that names the file, the position and the id), then the whole seed
// in one go. Every territory's seed.ts calls it when it loads, so a bad record fails
// loudly at start, never later in a screen.

import type * as z from 'zod/mini';
import { checklistSchema } from '../shared/domain/checklist';
import { describeIssues } from '../shared/domain/formatIssues';
import { mobilityOfferSchema } from '../shared/domain/mobilityOffer';
import { placeSchema } from '../shared/domain/place';
import { territorySchema } from '../shared/domain/territory';
import { territorySeedSchema, type TerritorySeed } from '../shared/domain/territorySeed';
import { tourSchema } from '../shared/domain/tour';

export interface SeedFiles {
  territory: unknown;
  places: unknown;
  tours: unknown;
  mobility: unknown;
  checklists: unknown;
}

/** The parsed seed of territory folder `seed`, or an Error naming the bad record. */
export function parseSeedFiles(seed: string, files: SeedFiles): TerritorySeed {
  const parseRecord = <T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const id = typeof value === 'object' && value !== null && 'id' in value ? ` (id "${String(value.id)}")` : '';
    throw new Error(`Territory seed ${seed}: ${where}${id} is invalid: ${describeIssues(result.error.issues, 'en')}`);
  };
  const parseAll = <T>(schema: z.ZodMiniType<T>, values: unknown, file: string): T[] => {
    if (!Array.isArray(values)) throw new Error(`Territory seed ${seed}: ${file} must hold an array`);
    return values.map((value: unknown, i) => parseRecord(schema, value, `${file}[${i}]`));
  };
  const parsed = {
    territory: parseRecord(territorySchema, files.territory, 'territory.json'),
    places: parseAll(placeSchema, files.places, 'places.json'),
    tours: parseAll(tourSchema, files.tours, 'tours.json'),
    mobility: parseAll(mobilityOfferSchema, files.mobility, 'mobility.json'),
    checklists: parseAll(checklistSchema, files.checklists, 'checklists.json'),
  };
  return parseRecord(territorySeedSchema, parsed, 'seed');
}
