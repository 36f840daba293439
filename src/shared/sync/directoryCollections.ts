import { checklistSchema } from '../domain/checklist';
import { mobilityOfferSchema } from '../domain/mobilityOffer';
import { placeSchema } from '../domain/place';
import { territorySchema } from '../domain/territory';
import { tourSchema } from '../domain/tour';

/**
 * The directory's collections and their schemas, apart from the account-only ones
 * (sessions, visits, coverage, corrections): what a public device reads, so the app's
 * first paint carries only these schemas (docs/quality.md, first-paint budget). `collections.ts`
 * builds the full list on top of this one; import from there unless you need the split.
 */
export const DIRECTORY_SCHEMAS = {
  territory: territorySchema,
  place: placeSchema,
  tour: tourSchema,
  mobility: mobilityOfferSchema,
  checklist: checklistSchema,
} as const;

/** The directory: what everyone, even without an account, may pull. */
export const DIRECTORY_COLLECTIONS = ['territory', 'place', 'tour', 'mobility', 'checklist'] as const satisfies ReadonlyArray<keyof typeof DIRECTORY_SCHEMAS>;
export type DirectoryCollection = (typeof DIRECTORY_COLLECTIONS)[number];
