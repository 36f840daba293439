// Seed data of the CC du Civraisien en Poitou (EPCI 200070035), checked against the shared
// domain schemas when the module loads. The facts, their sources and how sure each one is
// are described in ../README.md; a record with `verifiedAt: ''` is shown as "à confirmer".

import type * as z from 'zod/mini';
import { describeIssues } from '../../shared/domain/formatIssues';
import { checklistSchema } from '../../shared/domain/checklist';
import { mobilityOfferSchema } from '../../shared/domain/mobilityOffer';
import { placeSchema } from '../../shared/domain/place';
import { territorySchema } from '../../shared/domain/territory';
import { territorySeedSchema, type TerritorySeed } from '../../shared/domain/territorySeed';
import { tourSchema } from '../../shared/domain/tour';
import checklistsJson from './checklists.json';
import mobilityJson from './mobility.json';
import placesJson from './places.json';
import territoryJson from './territory.json';
import toursJson from './tours.json';

const SEED = 'civraisien-en-poitou';

/** Parses one record, or throws an error that names the file, the position and the id. */
function parseRecord<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const id = typeof value === 'object' && value !== null && 'id' in value ? ` (id "${String(value.id)}")` : '';
  throw new Error(`Territory seed ${SEED}: ${where}${id} is invalid: ${describeIssues(result.error.issues, 'en')}`);
}

function parseAll<T>(schema: z.ZodMiniType<T>, values: unknown, file: string): T[] {
  if (!Array.isArray(values)) throw new Error(`Territory seed ${SEED}: ${file} must hold an array`);
  return values.map((value: unknown, i) => parseRecord(schema, value, `${file}[${i}]`));
}

/** Record by record first (for a readable error), then the whole seed in one go. */
export function parseCivraisienSeed(): TerritorySeed {
  const seed = {
    territory: parseRecord(territorySchema, territoryJson, 'territory.json'),
    places: parseAll(placeSchema, placesJson, 'places.json'),
    tours: parseAll(tourSchema, toursJson, 'tours.json'),
    mobility: parseAll(mobilityOfferSchema, mobilityJson, 'mobility.json'),
    checklists: parseAll(checklistSchema, checklistsJson, 'checklists.json'),
  };
  return parseRecord(territorySeedSchema, seed, 'seed');
}

export const civraisienEnPoitouSeed: TerritorySeed = parseCivraisienSeed();
