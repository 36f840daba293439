import * as z from 'zod/mini';
import { idSchema, instantSchema, uuidSchema } from '../domain/common';
import { checklistSchema } from '../domain/checklist';
import { correctionSchema } from '../domain/correction';
import { coverageObservationSchema } from '../domain/coverageObservation';
import { mobilityOfferSchema } from '../domain/mobilityOffer';
import { placeSchema } from '../domain/place';
import { sessionSchema } from '../domain/session';
import { tourSchema } from '../domain/tour';
import { sealedNoteSchema } from '../domain/sealedNote';
import { visitLogSchema } from '../domain/visitLog';
import { EDITABLE_COLLECTIONS, type EditableCollection } from './collections';

/**
 * Arguments of every mutation name the server accepts. A name never changes meaning:
 * a new shape is a new `@n`, and the old one stays accepted for as long as a device may
 * still hold it after months offline (SYNC.md).
 */
const versionedEdit = <S extends z.ZodMiniType>(record: S) => ({
  create: z.object({ record }),
  update: z.object({
    id: idSchema,
    baseVersion: z.int().check(z.gte(1)),
    /** Whole fields to replace; validated by merging into the current record. */
    patch: z.record(z.string(), z.unknown()),
  }),
  delete: z.object({ id: idSchema, baseVersion: z.int().check(z.gte(1)) }),
});

const EDIT_SCHEMAS = {
  place: versionedEdit(placeSchema),
  tour: versionedEdit(tourSchema),
  mobility: versionedEdit(mobilityOfferSchema),
  checklist: versionedEdit(checklistSchema),
} satisfies Record<EditableCollection, unknown>;

/** A visit whose note, if any, is sealed for the server: no `notes` field on the wire. */
export const visitCreateV2Schema = z.extend(z.omit(visitLogSchema, { notes: true }), { sealedNotes: z.optional(sealedNoteSchema) });
export type VisitCreateV2Args = z.infer<typeof visitCreateV2Schema>;

export const MUTATION_ARGS = {
  'visit.create@1': visitLogSchema,
  // @2 (2026-11-22): the note travels sealed for the server (sealedNote.ts), never in clear
  // in the outbox; @1 stays accepted for devices that queued it before.
  'visit.create@2': visitCreateV2Schema,
  'session.open@1': sessionSchema,
  'session.close@1': z.object({ id: uuidSchema, endedAt: instantSchema }),
  'coverage.record@1': coverageObservationSchema,
  'correction.propose@1': correctionSchema,
  'correction.resolve@1': z.object({ id: uuidSchema, status: z.enum(['accepted', 'refused']) }),
  ...Object.fromEntries(
    EDITABLE_COLLECTIONS.flatMap((c) => [
      [`${c}.create@1`, EDIT_SCHEMAS[c].create],
      [`${c}.update@1`, EDIT_SCHEMAS[c].update],
      [`${c}.delete@1`, EDIT_SCHEMAS[c].delete],
    ]),
  ),
} as Record<string, z.ZodMiniType>;

export type MutationName = keyof typeof MUTATION_ARGS;

export type VisitCreateArgs = z.infer<typeof visitLogSchema>;
export type EditUpdateArgs = z.infer<(typeof EDIT_SCHEMAS)['place']['update']>;
export type EditDeleteArgs = z.infer<(typeof EDIT_SCHEMAS)['place']['delete']>;

/** Split `place.update@1` into its collection, action and version. */
export function parseMutationName(name: string): { entity: string; action: string; version: number } | undefined {
  const m = /^([a-z]+)\.([a-z]+)@(\d+)$/.exec(name);
  if (!m) return undefined;
  return { entity: m[1]!, action: m[2]!, version: Number(m[3]) };
}
