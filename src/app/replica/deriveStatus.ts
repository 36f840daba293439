import type { SyncStatus } from './syncStatus';

/** The facts the status line is made of. */
export interface StatusFacts {
  online: boolean;
  syncing: boolean;
  pending: number;
  conflicts: number;
  rejections: number;
  authProblem?: 'sessionExpired' | 'deviceRevoked';
  storageFull: boolean;
  lastSyncedAt?: Date;
  /** The last attempt failed (network down, server error): shown as offline. */
  failing: boolean;
}

/**
 * What the calm network line says (docs/interface.md). Something the user must do comes
 * first: a revoked device, an expired session, a full disk, then conflicts and rejections.
 */
export function deriveStatus(f: StatusFacts): SyncStatus {
  if (f.authProblem === 'deviceRevoked') return { kind: 'actionNeeded', reason: 'deviceRevoked', count: f.pending };
  if (f.authProblem === 'sessionExpired') return { kind: 'actionNeeded', reason: 'sessionExpired', count: f.pending };
  if (f.storageFull) return { kind: 'actionNeeded', reason: 'storageFull', count: f.pending };
  if (f.conflicts > 0) return { kind: 'actionNeeded', reason: 'conflict', count: f.conflicts };
  if (f.rejections > 0) return { kind: 'actionNeeded', reason: 'rejected', count: f.rejections };
  if (!f.online || (f.failing && !f.syncing)) return { kind: 'offline', pending: f.pending, ...(f.lastSyncedAt ? { lastSyncedAt: f.lastSyncedAt } : {}) };
  if (f.syncing) return { kind: 'syncing', pending: f.pending };
  if (f.pending > 0) return { kind: 'pending', pending: f.pending, ...(f.lastSyncedAt ? { lastSyncedAt: f.lastSyncedAt } : {}) };
  if (f.lastSyncedAt) return { kind: 'upToDate', at: f.lastSyncedAt };
  return { kind: 'pending', pending: 0 };
}
