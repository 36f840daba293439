import * as z from 'zod/mini';
import { correctionSchema } from '../domain/correction';
import { coverageObservationSchema } from '../domain/coverageObservation';
import { sessionSchema } from '../domain/session';
import { visitLogSchema } from '../domain/visitLog';
import { DIRECTORY_COLLECTIONS, DIRECTORY_SCHEMAS } from './directoryCollections';

/**
 * The replicated collections and the schema of their records. Every record crossing the
 * wire or read back from IndexedDB is parsed with the schema of its collection.
 */
export const COLLECTION_SCHEMAS = {
  // The directory first (territory, place, tour, mobility, checklist): directoryCollections.ts.
  ...DIRECTORY_SCHEMAS,
  session: sessionSchema,
  visit: visitLogSchema,
  coverage: coverageObservationSchema,
  correction: correctionSchema,
} as const;

export type Collection = keyof typeof COLLECTION_SCHEMAS;
export const COLLECTIONS = Object.keys(COLLECTION_SCHEMAS) as Collection[];
export const collectionSchema = z.enum(COLLECTIONS as [Collection, ...Collection[]]);

export type RecordOf<C extends Collection> = z.infer<(typeof COLLECTION_SCHEMAS)[C]>;

/** The directory: what everyone, even without an account, may pull (directoryCollections.ts). */
export { DIRECTORY_COLLECTIONS };
/** Edited by staff with optimistic concurrency (baseVersion). */
export const EDITABLE_COLLECTIONS = ['place', 'tour', 'mobility', 'checklist'] as const satisfies readonly Collection[];
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];
