import * as z from 'zod/mini';
import { checklistSchema } from './checklist';
import { mobilityOfferSchema } from './mobilityOffer';
import { placeSchema } from './place';
import { territorySchema } from './territory';
import { tourSchema } from './tour';

/** Everything a territory starts with: loaded into an empty database by the server. */
export const territorySeedSchema = z.object({
  territory: territorySchema,
  places: z.array(placeSchema),
  tours: z.array(tourSchema),
  mobility: z.array(mobilityOfferSchema),
  checklists: z.array(checklistSchema),
});
export type TerritorySeed = z.infer<typeof territorySeedSchema>;
