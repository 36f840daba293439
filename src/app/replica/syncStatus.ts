/** What the calm network line shows (docs/interface.md); screens read it from data/contracts.ts. */
export type SyncStatus =
  | { kind: 'offline'; pending: number; lastSyncedAt?: Date }
  | { kind: 'syncing'; pending: number }
  | { kind: 'upToDate'; at: Date }
  | { kind: 'pending'; pending: number; lastSyncedAt?: Date }
  | { kind: 'actionNeeded'; reason: 'conflict' | 'rejected' | 'sessionExpired' | 'storageFull' | 'deviceRevoked'; count: number };
