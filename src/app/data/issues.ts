import type { EditableCollection } from '../../shared/sync/collections';
import { declarationOf } from '../../shared/sync/mutations';
import type { ConflictRow, EscaleDb, QuarantineRow, RejectionRow } from './db';
import { InvalidInputError, RecordNotFoundError } from './errors';
import type { LocalWrites } from './localWrites';

/**
 * Conflicts and rejections, kept for a person to look at: they are marked resolved or
 * dismissed, never deleted (the edit a person made stays readable).
 */
export interface Issues {
  conflicts(options?: { includeResolved?: boolean }): Promise<ConflictRow[]>;
  rejections(options?: { includeDismissed?: boolean }): Promise<RejectionRow[]>;
  /** Mark a conflict as dealt with (keeping the server's version). */
  resolveConflict(mutationId: number): Promise<void>;
  /**
   * Keep this device's change after all: the same edit (or deletion) again, based on the
   * version the device now holds, as a new mutation; the conflict is marked resolved in the
   * same step. Returns the new mutation id.
   */
  reapply(mutationId: number): Promise<number>;
  dismissRejection(mutationId: number): Promise<void>;
  quarantined(): Promise<QuarantineRow[]>;
}

export function createIssues(
  db: EscaleDb, now: () => Date, changed: () => void,
  writes: LocalWrites, versionOf: (collection: EditableCollection, id: string) => Promise<number | undefined>,
): Issues {
  return {
    async reapply(mutationId) {
      const conflict = await db.conflicts.get(mutationId);
      if (!conflict) throw new RecordNotFoundError('conflict', String(mutationId));
      // Only a directory edit based on a version can be made again on the current version.
      const effect = declarationOf(conflict.name)?.effect;
      if (effect?.kind !== 'update' && effect?.kind !== 'delete') {
        throw new InvalidInputError({ problem: 'cannot_redo', name: conflict.name });
      }
      const { collection } = effect;
      const args = conflict.args as { id: string; patch?: Record<string, unknown> };
      const version = await versionOf(collection, args.id);
      if (version === undefined) throw new RecordNotFoundError(collection, args.id);
      const id = effect.kind === 'update'
        ? await writes.editRecord(collection, args.id, version, args.patch ?? {})
        : await writes.deleteRecord(collection, args.id, version);
      await db.conflicts.update(mutationId, { resolvedAt: now().toISOString() });
      changed();
      return id;
    },
    async conflicts(options) {
      const all = await db.conflicts.orderBy('mutationId').toArray();
      return options?.includeResolved ? all : all.filter((c) => !c.resolvedAt);
    },
    async rejections(options) {
      const all = await db.rejections.orderBy('mutationId').toArray();
      return options?.includeDismissed ? all : all.filter((r) => !r.dismissedAt);
    },
    async resolveConflict(mutationId) {
      await db.conflicts.update(mutationId, { resolvedAt: now().toISOString() });
      changed();
    },
    async dismissRejection(mutationId) {
      await db.rejections.update(mutationId, { dismissedAt: now().toISOString() });
      changed();
    },
    quarantined: () => db.quarantine.toArray(),
  };
}
