import type { ConflictRow, EscaleDb, QuarantineRow, RejectionRow } from './db';

/**
 * Conflicts and rejections, kept for a person to look at: they are marked resolved or
 * dismissed, never deleted (the edit a person made stays readable).
 */
export interface Issues {
  conflicts(options?: { includeResolved?: boolean }): Promise<ConflictRow[]>;
  rejections(options?: { includeDismissed?: boolean }): Promise<RejectionRow[]>;
  resolveConflict(mutationId: number): Promise<void>;
  dismissRejection(mutationId: number): Promise<void>;
  quarantined(): Promise<QuarantineRow[]>;
}

export function createIssues(db: EscaleDb, now: () => Date, changed: () => void): Issues {
  return {
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
