import * as z from 'zod/mini';
import { describeIssues } from '../../../shared/domain/formatIssues';
import { COLLECTION_SCHEMAS, type EditableCollection } from '../../../shared/sync/collections';
import type { EditDeleteArgs, EditUpdateArgs } from '../../../shared/sync/mutations';
import { findUnstorableText } from '../../../shared/text/findUnstorableText';
import { writeAudit } from '../../admin/writeAudit';
import { getRecord, insertRecord, replaceRecord, tombstoneRecord, type StoredRecord } from '../store/records';
import { APPLIED, reject, type MutationContext, type Outcome } from './MutationContext';

// Staff edits of the directory, with optimistic concurrency: an update or delete names
// the version it was based on, and a stale one is a conflict carrying the current record,
// never a silent overwrite (I8).
//
// Each APPLIED edit also writes one audit_log line in the push's transaction (who, which
// record, the version it made), so a directory change is traceable to an account. A
// conflict or a rejection writes none, and a retried mutation never reaches these
// handlers (applyPush answers its stored result), so it cannot write a second line.

/** The audit line of an applied directory edit: `place.update` on the record, its new version. */
function audit(ctx: MutationContext, collection: EditableCollection, action: 'create' | 'update' | 'delete', id: string, version: number) {
  return writeAudit(ctx.tx, { actorId: ctx.user.id, action: `${collection}.${action}`, target: id, details: { version }, at: ctx.now });
}

const IMMUTABLE = new Set(['id', 'territoryId']);

export async function directoryCreate(ctx: MutationContext, collection: EditableCollection, args: { record: { id: string; territoryId: string } }): Promise<Outcome> {
  if (args.record.territoryId !== ctx.user.territoryId) return reject('forbidden', 'Ce territoire n’est pas celui de votre compte.');
  const inserted = await insertRecord(ctx.tx, {
    collection, id: args.record.id, territoryId: args.record.territoryId, data: args.record, now: ctx.now,
  });
  if (!inserted) return reject('already_exists', 'Un enregistrement avec cet identifiant existe déjà.');
  await audit(ctx, collection, 'create', args.record.id, 1);
  return APPLIED;
}

/** undefined when editable at this base version, else the outcome to answer. */
function checkBase(ctx: MutationContext, current: StoredRecord | undefined, baseVersion: number): Outcome | undefined {
  if (!current || current.territoryId !== ctx.user.territoryId) return reject('not_found', 'Enregistrement introuvable.');
  if (current.deleted) return { status: 'conflict', current: { version: current.version, record: null } };
  if (current.version !== baseVersion) return { status: 'conflict', current: { version: current.version, record: current.data } };
  return undefined;
}

export async function directoryUpdate(ctx: MutationContext, collection: EditableCollection, args: EditUpdateArgs): Promise<Outcome> {
  const current = await getRecord(ctx.tx, collection, args.id);
  const refused = checkBase(ctx, current, args.baseVersion);
  if (refused || !current) return refused ?? APPLIED;
  const schema = COLLECTION_SCHEMAS[collection];
  const known = new Set(Object.keys(schema.def.shape));
  // A null-prototype object: a `__proto__` key in the patch stays a plain (unknown) key.
  const merged: Record<string, unknown> = Object.assign(Object.create(null), current.data);
  for (const [key, value] of Object.entries(args.patch)) {
    if (!known.has(key)) return reject('invalid_args', `Champ inconnu dans la modification : ${key.slice(0, 60)}.`);
    if (IMMUTABLE.has(key) && value !== current.data[key]) return reject('immutable_field', `Le champ ${key} ne peut pas être modifié.`);
    // Merge-patch semantics: null removes an optional field.
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const parsed = z.safeParse(schema, { ...merged });
  if (!parsed.success) return reject('invalid_args', `Modification invalide : ${describeIssues(parsed.error.issues)}.`);
  if (findUnstorableText(parsed.data) !== undefined) return reject('invalid_text', 'Texte invalide (caractère nul ou non représentable).');
  await replaceRecord(ctx.tx, collection, args.id, parsed.data, ctx.now);
  await audit(ctx, collection, 'update', args.id, current.version + 1);
  return APPLIED;
}

export async function directoryDelete(ctx: MutationContext, collection: EditableCollection, args: EditDeleteArgs): Promise<Outcome> {
  const current = await getRecord(ctx.tx, collection, args.id);
  const refused = checkBase(ctx, current, args.baseVersion);
  if (refused || !current) return refused ?? APPLIED;
  await tombstoneRecord(ctx.tx, collection, args.id, ctx.now);
  await audit(ctx, collection, 'delete', args.id, current.version + 1);
  return APPLIED;
}
