import * as z from 'zod/mini';
import { idSchema, uuidSchema } from '../domain/common';
import { collectionSchema } from './collections';

/**
 * Version of the sync wire format.
 * History:
 * - 1 (2026-11-22): first version. Push with per-client mutation ids, pull with an opaque
 *   cursor carrying the scope and the last row's server sequence.
 * - 2 (2026-12-07): a pushed mutation may carry `sealed` (sealedMutation.ts) instead of
 *   `args`: a change another aidant left waiting on a shared tablet, sealed for the server.
 *   A device sends `protocol: 2` only in a push that holds one, so a server of version 1
 *   refuses that push whole (400, retried later, nothing lost) instead of rejecting the
 *   change as invalid; a push without one is still sent as 1, and a server of version 2
 *   accepts both.
 */
export const PROTOCOL_VERSION = 2;

/** Largest push body the server reads, and the most mutations per push. */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const MAX_MUTATIONS_PER_PUSH = 1000;
export const DEFAULT_PULL_LIMIT = 2000;
export const MAX_PULL_LIMIT = 5000;

/** `name@version`, e.g. `visit.create@1`. Args are checked later, per name, by the server. */
export const mutationNameSchema = z.string().check(z.regex(/^[a-z]+\.[a-z]+@\d+$/), z.maxLength(60));

export const mutationSchema = z.object({
  id: z.int().check(z.gte(1)),
  name: mutationNameSchema,
  /** Absent when `sealed` holds them. */
  args: z.optional(z.unknown()),
  /**
   * Protocol 2: the arguments sealed for the server (a SealedMutation, sealedMutation.ts),
   * and then no `args`. Parsed by the server per mutation, like the arguments, so a box that
   * is malformed is that mutation's rejection, never the whole push's 400 (I12).
   */
  sealed: z.optional(z.unknown()),
});
export type Mutation = z.infer<typeof mutationSchema>;

/** The protocol a push of these mutations says: 2 only when one is sealed (see PROTOCOL_VERSION). */
export function pushProtocolOf(mutations: readonly Mutation[]): 1 | 2 {
  return mutations.some((m) => m.sealed !== undefined) ? 2 : 1;
}

export const pushRequestSchema = z.object({
  /** 1 or 2: a server of version 2 accepts both (pushProtocolOf: a device says 2 when a mutation is sealed). */
  protocol: z.union([z.literal(1), z.literal(PROTOCOL_VERSION)]),
  clientId: uuidSchema,
  mutations: z.array(mutationSchema).check(z.minLength(1), z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionSchema = z.object({ code: z.string(), message: z.string() });
export type Rejection = z.infer<typeof rejectionSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.int(), status: z.literal('applied') }),
  z.object({
    id: z.int(),
    status: z.literal('conflict'),
    /** The record as it is on the server now (absent when it was deleted). */
    current: z.optional(z.object({ version: z.int(), record: z.nullable(z.unknown()) })),
  }),
  z.object({ id: z.int(), status: z.literal('rejected'), reason: rejectionSchema }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.int().check(z.gte(0)),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** 409 answer when a push skips ids: the client resends from `expected`. */
export const pushGapSchema = z.object({ code: z.literal('mutation_gap'), message: z.string(), expected: z.int() });

export const changeSchema = z.discriminatedUnion('op', [
  z.object({
    collection: collectionSchema, op: z.literal('put'), id: idSchema,
    version: z.int().check(z.gte(1)), seq: z.int().check(z.gte(1)), record: z.unknown(),
  }),
  z.object({
    collection: collectionSchema, op: z.literal('delete'), id: idSchema,
    version: z.int().check(z.gte(1)), seq: z.int().check(z.gte(1)),
  }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.union([
  z.object({ reset: z.literal(true) }),
  z.object({
    changes: z.array(changeSchema),
    cursor: z.string().check(z.maxLength(200)),
    hasMore: z.boolean(),
    /** Read in the same snapshot as the changes; null for a public (account-less) pull. */
    lastMutationId: z.nullable(z.int()),
  }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Error body of every 4xx/5xx answer: a stable machine code and a French message. */
export const apiErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) });
export type ApiError = z.infer<typeof apiErrorSchema>;
