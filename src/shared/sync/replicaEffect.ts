import type { Collection, EditableCollection } from './collections';

/**
 * What a mutation does to a device's replica while it waits in the outbox: the pending
 * edit laid over the server rows until a pull shows the server's own version. Declared
 * with each mutation (mutations.ts) and carried out by the app's local store, one
 * implementation per kind, so a new mutation of an existing kind needs no app code.
 *
 * Two families, which the server also treats apart (see docs/sync.md):
 * - records made on a device (visits, sessions, coverage, corrections), keyed by a UUID,
 *   created once by their author (`own`), and the few later changes their author or the
 *   office makes to them (`set`);
 * - the directory, edited by the office with optimistic concurrency (`create`, `update`,
 *   `delete`, with a fixed argument shape: `{record}`, `{id, baseVersion, patch}`,
 *   `{id, baseVersion}`).
 */
export type ReplicaEffect<Args> =
  | {
    kind: 'own';
    collection: Collection;
    /** The record as the device shows it at once (version 0, laid over nothing). */
    record(args: Args): { id: string };
  }
  | {
    kind: 'set';
    collection: Collection;
    id(args: Args): string;
    /**
     * The record as shown once the change is made, from the record shown now. A record the
     * device does not hold gets no local change: the outbox entry alone carries it.
     */
    apply(current: Record<string, unknown>, args: Args): Record<string, unknown>;
  }
  | { kind: 'create'; collection: EditableCollection }
  | { kind: 'update'; collection: EditableCollection }
  | { kind: 'delete'; collection: EditableCollection };

export type EffectKind = ReplicaEffect<unknown>['kind'];

/** The collection and record a mutation's arguments name (an outbox entry's target). */
export interface MutationTarget {
  collection: Collection;
  id: string;
}

/**
 * Which record these (already checked) arguments concern. Pure: reads the arguments the
 * way the effect does, and never throws on arguments of an older shape.
 */
export function targetOfEffect(effect: ReplicaEffect<never>, args: unknown): MutationTarget | undefined {
  const a = args as { id?: unknown; record?: { id?: unknown } } | null | undefined;
  let id: unknown;
  try {
    switch (effect.kind) {
      case 'own': id = effect.record(args as never).id; break;
      case 'set': id = effect.id(args as never); break;
      case 'create': id = a?.record?.id; break;
      case 'update':
      case 'delete': id = a?.id; break;
    }
  } catch {
    return undefined;
  }
  return typeof id === 'string' ? { collection: effect.collection, id } : undefined;
}
