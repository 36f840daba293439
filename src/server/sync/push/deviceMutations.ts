import type { Correction } from '../../../shared/domain/correction';
import type { CoverageObservation } from '../../../shared/domain/coverageObservation';
import type { ItinerantSession } from '../../../shared/domain/session';
import { visitLogSchema, type VisitLog } from '../../../shared/domain/visitLog';
import type { VisitCreateV2Args } from '../../../shared/sync/mutations';
import { findUnstorableText } from '../../../shared/text/findUnstorableText';
import { getRecord, insertRecord, replaceRecord } from '../store/records';
import { storeVisitNotes } from '../store/visitNotes';
import { APPLIED, reject, type MutationContext, type Outcome } from './MutationContext';
import { notePrivateKey } from './noteKey';
import { openSealedNote } from './openSealedNote';
import type { OwnedRecord } from './OwnedInserts';

// Mutations of the records made on devices (visits, sessions, coverage, corrections).
// They are created once by their author and keyed by a device UUID.

function wrongTerritory(ctx: MutationContext, territoryId: string): Outcome | undefined {
  return territoryId === ctx.user.territoryId
    ? undefined
    : reject('forbidden', 'Ce territoire n’est pas celui de votre compte.');
}

async function insertOwned(ctx: MutationContext, { collection, record, note }: OwnedRecord): Promise<Outcome> {
  const inserted = await insertRecord(ctx.tx, {
    collection, id: record.id, territoryId: record.territoryId, ownerId: ctx.user.id,
    clientId: ctx.clientId, mutationId: ctx.mutationId, data: record, now: ctx.now,
  });
  if (inserted) {
    if (note !== undefined) {
      await storeVisitNotes(ctx.tx, ctx.notes, [{ visitId: record.id, territoryId: record.territoryId, ownerId: ctx.user.id, text: note }], ctx.now);
    }
    return APPLIED;
  }
  // Same UUID already stored: the effect already exists when it is the same author's
  // (a device re-sending after losing its client id); anyone else's is a clash.
  const existing = await getRecord(ctx.tx, collection, record.id);
  return existing?.ownerId === ctx.user.id ? APPLIED : reject('already_exists', 'Un enregistrement avec cet identifiant existe déjà.');
}

/**
 * What a create mutation decides before writing: an outcome (refused), or the record to
 * insert. Plans read no record, so applyPush may gather a run of them into one INSERT
 * (OwnedInserts); applied alone, the record is inserted at once.
 */
export type OwnedPlan = { outcome: Outcome } | { insert: OwnedRecord };

const refuse = (outcome: Outcome | undefined): OwnedPlan | undefined => (outcome ? { outcome } : undefined);

/**
 * The note leaves the visit here: the row stored and replicated says only
 * `noteState: 'server'`, the note itself rests sealed in visit_note (store/visitNotes.ts).
 * A `noteState` sent by a device is dropped: only the server says it.
 */
export function planVisitCreate(ctx: MutationContext, visit: VisitLog): OwnedPlan {
  if (visit.aidantId !== ctx.user.id) return { outcome: reject('forbidden', 'Une visite doit être enregistrée au nom du compte connecté.') };
  const { notes, noteState: _said, ...rest } = visit;
  const note = notes?.trim() ? notes : undefined;
  const record = note === undefined ? rest : { ...rest, noteState: 'server' as const };
  return refuse(wrongTerritory(ctx, visit.territoryId)) ?? { insert: { collection: 'visit', record, ...(note === undefined ? {} : { note }) } };
}

/**
 * visit.create@2: the note arrives sealed for this server (sealedNote.ts) and is opened
 * here, then stored like a @1 visit's. A box that does not open (altered, moved to another
 * visit, sealed under a key this database does not hold) loses its note, never the visit.
 */
export async function planVisitCreateSealed(ctx: MutationContext, args: VisitCreateV2Args): Promise<OwnedPlan> {
  const { sealedNotes, ...visit } = args;
  if (!sealedNotes) return planVisitCreate(ctx, visit);
  const key = await notePrivateKey(ctx.tx, sealedNotes.kid, ctx.notes);
  const notes = key ? await openSealedNote(key, sealedNotes, visit.id).catch(() => undefined) : undefined;
  const full = notes !== undefined && findUnstorableText(notes) === undefined ? visitLogSchema.safeParse({ ...visit, notes }) : undefined;
  return planVisitCreate(ctx, full?.success ? full.data : visit);
}

export function planSessionOpen(ctx: MutationContext, session: ItinerantSession): OwnedPlan {
  if (!session.aidantIds.includes(ctx.user.id)) return { outcome: reject('forbidden', 'Le compte connecté doit faire partie des aidants de la session.') };
  return refuse(wrongTerritory(ctx, session.territoryId)) ?? { insert: { collection: 'session', record: session } };
}

export function planCoverageRecord(ctx: MutationContext, observation: CoverageObservation): OwnedPlan {
  return refuse(wrongTerritory(ctx, observation.territoryId)) ?? { insert: { collection: 'coverage', record: observation } };
}

export function planCorrectionPropose(ctx: MutationContext, correction: Correction): OwnedPlan {
  if (correction.proposedBy !== ctx.user.id) return { outcome: reject('forbidden', 'Une correction doit être proposée au nom du compte connecté.') };
  if (correction.status !== 'pending') return { outcome: reject('invalid_args', 'Une correction proposée doit être « en attente ».') };
  return refuse(wrongTerritory(ctx, correction.territoryId)) ?? { insert: { collection: 'correction', record: correction } };
}

/** Carries out a plan alone: the refusal, or the insert now. */
export async function applyOwnedPlan(ctx: MutationContext, plan: OwnedPlan): Promise<Outcome> {
  return 'outcome' in plan ? plan.outcome : insertOwned(ctx, plan.insert);
}

export async function sessionClose(ctx: MutationContext, args: { id: string; endedAt: string }): Promise<Outcome> {
  const current = await getRecord(ctx.tx, 'session', args.id);
  if (!current || current.deleted || current.territoryId !== ctx.user.territoryId) return reject('not_found', 'Session introuvable.');
  const session = current.data as ItinerantSession;
  const isStaff = ctx.user.role !== 'aidant';
  if (!isStaff && !session.aidantIds.includes(ctx.user.id)) return reject('forbidden', 'Seuls les aidants de la session peuvent la fermer.');
  if (Date.parse(args.endedAt) < Date.parse(session.startedAt)) return reject('invalid_args', 'La fin de session est antérieure à son début.');
  await replaceRecord(ctx.tx, 'session', args.id, { ...session, endedAt: args.endedAt }, ctx.now);
  return APPLIED;
}

export async function correctionResolve(ctx: MutationContext, args: { id: string; status: 'accepted' | 'refused' }): Promise<Outcome> {
  const current = await getRecord(ctx.tx, 'correction', args.id);
  if (!current || current.deleted || current.territoryId !== ctx.user.territoryId) return reject('not_found', 'Correction introuvable.');
  await replaceRecord(ctx.tx, 'correction', args.id, { ...current.data, status: args.status }, ctx.now);
  return APPLIED;
}
