import { COLLECTION_SCHEMAS, type Collection, type RecordOf } from '../../shared/sync/collections';
import type { EditDeleteArgs, EditUpdateArgs } from '../../shared/sync/mutations';
import type { ReplicaEffect } from '../../shared/sync/replicaEffect';
import type { EscaleDb, PendingEdit } from './db';
import { InvalidInputError, RecordNotFoundError } from './errors';
import { readVisibleRaw } from './readCollection';

/** A pending edit before its mutation id is allocated. */
export type LocalChange = Omit<PendingEdit, 'mutationId' | 'status'>;

/** A record as the schema of its collection accepts it, or InvalidInputError (nothing stored). */
export function checkRecord<C extends Collection>(collection: C, record: unknown): RecordOf<C> {
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(record);
  if (!parsed.success) throw new InvalidInputError({ problem: 'issues', issues: parsed.error.issues });
  return parsed.data as RecordOf<C>;
}

/** JSON has no `undefined`: what the server receives is what we store. */
export function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The local change a mutation's declared effect makes (src/shared/sync/replicaEffect.ts),
 * one rule per kind, from arguments already checked against the registry. Runs inside the
 * write's transaction: it reads the record shown now, and a throw aborts the whole write.
 * undefined: no local change (a `set` on a record this device does not hold).
 */
export async function localChange(db: EscaleDb, effect: ReplicaEffect<never>, args: unknown): Promise<LocalChange | undefined> {
  const { collection } = effect;
  switch (effect.kind) {
    case 'own': {
      const record = checkRecord(collection, effect.record(args as never));
      return { collection, id: record.id, op: 'put', record: jsonClone(record), baseVersion: 0 };
    }
    case 'set': {
      const id = effect.id(args as never);
      const visible = await readVisibleRaw(db, collection, id);
      if (!visible) return undefined;
      const record = checkRecord(collection, effect.apply(visible.record as Record<string, unknown>, args as never));
      return { collection, id, op: 'put', record, baseVersion: visible.version };
    }
    case 'create': {
      const { record } = args as { record: { id: string } };
      if (await readVisibleRaw(db, collection, record.id)) throw new InvalidInputError({ problem: 'duplicate_id', id: record.id });
      return { collection, id: record.id, op: 'put', record: jsonClone(record), baseVersion: 0 };
    }
    case 'update': {
      const { id, baseVersion, patch } = args as EditUpdateArgs;
      const visible = await readVisibleRaw(db, collection, id);
      if (!visible) throw new RecordNotFoundError(collection, id);
      // Merge-patch, as the server applies it: null removes an optional field.
      const merged: Record<string, unknown> = { ...(visible.record as Record<string, unknown>) };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      merged.id = id;
      return { collection, id, op: 'put', record: checkRecord(collection, merged), baseVersion };
    }
    case 'delete': {
      const { id, baseVersion } = args as EditDeleteArgs;
      if (!(await readVisibleRaw(db, collection, id))) throw new RecordNotFoundError(collection, id);
      return { collection, id, op: 'delete', baseVersion };
    }
  }
}
