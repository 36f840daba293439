import * as z from 'zod/mini';
import { idSchema, instantSchema, uuidSchema } from '../domain/common';
import { correctionSchema } from '../domain/correction';
import { coverageObservationSchema } from '../domain/coverageObservation';
import { sealedNoteSchema } from '../domain/sealedNote';
import { sessionSchema } from '../domain/session';
import { visitLogSchema } from '../domain/visitLog';
import type { Role } from '../domain/vocabularies';
import { COLLECTION_SCHEMAS, type EditableCollection } from './collections';
import { targetOfEffect, type MutationTarget, type ReplicaEffect } from './replicaEffect';

/**
 * The mutation registry: every change a device may send, declared ONCE, with
 * - its name, `entity.action@version`. A name never changes meaning: a new shape is a new
 *   `@n`, and the old one stays declared for as long as a device may still hold it after
 *   months offline (docs/sync.md);
 * - its arguments, checked on the device before the change is stored and again by the
 *   server before it is applied;
 * - the roles that may send it (the server refuses the others, as `forbidden`);
 * - its effect on the device's replica while it waits (replicaEffect.ts).
 *
 * The name type is derived from this object, and the server's table of effects is typed
 * `{ [K in MutationName]: … }`: a mutation declared here without a server effect, or an
 * effect under a misspelt name, does not compile. The app carries out the replica effects
 * by kind, so a new mutation of an existing kind needs no app code.
 */
export interface MutationDeclaration<S extends z.ZodMiniType = z.ZodMiniType> {
  args: S;
  roles: readonly Role[];
  effect: ReplicaEffect<z.infer<S>>;
}

/** Infers the declaration's argument type from its schema. */
const declare = <S extends z.ZodMiniType>(declaration: MutationDeclaration<S>): MutationDeclaration<S> => declaration;

/** Accounts that work on a device in the field or at the office. */
const ANY_ACCOUNT: readonly Role[] = ['aidant', 'staff', 'admin'];
/** The office: directory edits and the resolution of proposed corrections. */
const OFFICE: readonly Role[] = ['staff', 'admin'];

/** A visit whose note, if any, is sealed for the server: no `notes` field on the wire. */
export const visitCreateV2Schema = z.extend(z.omit(visitLogSchema, { notes: true }), { sealedNotes: z.optional(sealedNoteSchema) });
export type VisitCreateV2Args = z.infer<typeof visitCreateV2Schema>;

const editUpdateSchema = z.object({
  id: idSchema,
  baseVersion: z.int().check(z.gte(1)),
  /** Whole fields to replace, merge-patch style (null removes an optional field). */
  patch: z.record(z.string(), z.unknown()),
});
const editDeleteSchema = z.object({ id: idSchema, baseVersion: z.int().check(z.gte(1)) });
export type EditUpdateArgs = z.infer<typeof editUpdateSchema>;
export type EditDeleteArgs = z.infer<typeof editDeleteSchema>;

// The directory's edits have one shape per action, whatever the collection.
const directoryCreate = <C extends EditableCollection>(collection: C) =>
  declare({ args: z.object({ record: COLLECTION_SCHEMAS[collection] }), roles: OFFICE, effect: { kind: 'create', collection } });
const directoryUpdate = (collection: EditableCollection) =>
  declare({ args: editUpdateSchema, roles: OFFICE, effect: { kind: 'update', collection } });
const directoryDelete = (collection: EditableCollection) =>
  declare({ args: editDeleteSchema, roles: OFFICE, effect: { kind: 'delete', collection } });

export const MUTATIONS = {
  'visit.create@1': declare({
    args: visitLogSchema, roles: ANY_ACCOUNT,
    effect: { kind: 'own', collection: 'visit', record: (visit) => visit },
  }),
  // @2 (2026-11-22): the note travels sealed for the server (sealedNote.ts), never in clear
  // in the outbox; @1 stays declared for devices that queued it before. The device shows
  // the visit without its note (the aidant's copy rests PIN-sealed apart).
  'visit.create@2': declare({
    args: visitCreateV2Schema, roles: ANY_ACCOUNT,
    effect: { kind: 'own', collection: 'visit', record: ({ sealedNotes: _sealed, ...visit }) => visit },
  }),
  'session.open@1': declare({
    args: sessionSchema, roles: ANY_ACCOUNT,
    effect: { kind: 'own', collection: 'session', record: (session) => session },
  }),
  'session.close@1': declare({
    args: z.object({ id: uuidSchema, endedAt: instantSchema }), roles: ANY_ACCOUNT,
    effect: { kind: 'set', collection: 'session', id: (a) => a.id, apply: (session, a) => ({ ...session, endedAt: a.endedAt }) },
  }),
  'coverage.record@1': declare({
    args: coverageObservationSchema, roles: ANY_ACCOUNT,
    effect: { kind: 'own', collection: 'coverage', record: (observation) => observation },
  }),
  'correction.propose@1': declare({
    args: correctionSchema, roles: ANY_ACCOUNT,
    effect: { kind: 'own', collection: 'correction', record: (correction) => correction },
  }),
  'correction.resolve@1': declare({
    args: z.object({ id: uuidSchema, status: z.enum(['accepted', 'refused']) }), roles: OFFICE,
    effect: { kind: 'set', collection: 'correction', id: (a) => a.id, apply: (correction, a) => ({ ...correction, status: a.status }) },
  }),
  'place.create@1': directoryCreate('place'),
  'place.update@1': directoryUpdate('place'),
  'place.delete@1': directoryDelete('place'),
  'tour.create@1': directoryCreate('tour'),
  'tour.update@1': directoryUpdate('tour'),
  'tour.delete@1': directoryDelete('tour'),
  'mobility.create@1': directoryCreate('mobility'),
  'mobility.update@1': directoryUpdate('mobility'),
  'mobility.delete@1': directoryDelete('mobility'),
  'checklist.create@1': directoryCreate('checklist'),
  'checklist.update@1': directoryUpdate('checklist'),
  'checklist.delete@1': directoryDelete('checklist'),
} as const satisfies Record<string, MutationDeclaration>;

export type MutationName = keyof typeof MUTATIONS;
export type ArgsOf<K extends MutationName> = z.infer<(typeof MUTATIONS)[K]['args']>;
export type VisitCreateArgs = ArgsOf<'visit.create@1'>;

/** The mutation names whose effect is of one kind (e.g. the directory's updates). */
export type NamesOfKind<Kind extends ReplicaEffect<never>['kind']> = {
  [K in MutationName]: (typeof MUTATIONS)[K]['effect']['kind'] extends Kind ? K : never;
}[MutationName];

/** A name read from the wire or from an old outbox entry is a known mutation. */
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATIONS, name);
}

/** The declaration of a name, undefined for a name this build does not know. */
export function declarationOf(name: string): MutationDeclaration | undefined {
  return isMutationName(name) ? (MUTATIONS[name] as MutationDeclaration) : undefined;
}

/** Whether an account of this role may send this mutation. */
export function mayRun(role: Role, name: string): boolean {
  return declarationOf(name)?.roles.includes(role) ?? false;
}

/** The record an outbox entry concerns, from its name and (checked) arguments. */
export function targetOf(name: string, args: unknown): MutationTarget | undefined {
  const declaration = declarationOf(name);
  return declaration ? targetOfEffect(declaration.effect as ReplicaEffect<never>, args) : undefined;
}

/** Whether this entry makes a visit on the device (any version of `visit.create`). */
export function makesVisit(name: string): boolean {
  const effect = declarationOf(name)?.effect;
  return effect?.kind === 'own' && effect.collection === 'visit';
}

/** The name of the directory edit of `action` on `collection`, e.g. `place.update@1`. */
export function directoryEditName<C extends EditableCollection, A extends 'create' | 'update' | 'delete'>(collection: C, action: A): `${C}.${A}@1` {
  return `${collection}.${action}@1`;
}
