// Constants of the device database that code outside Dexie needs too: the first-paint
// reader (bootReader.ts) opens the same database with plain IndexedDB, so it must not
// import db.ts (that would bring Dexie, ~30 KB gzipped, into the entry chunk). The schema
// itself, its versions and their history stay in db.ts (docs/style.md #3).

/**
 * Bump when a release's shared schemas accept records an older release refused (they sat
 * in `quarantine` while the cursor moved past them) or read rows differently: at the next
 * open the replicated rows and the cursor are cleared and pulled again from zero. The
 * outbox, pending edits, conflicts and rejections are kept.
 * History: 1 (2026-11-22) first format.
 */
export const REPLICA_FORMAT = 1;

/** Meta keys; one place so a typo cannot fork a value. */
export const META = {
  clientId: 'clientId',
  nextMutationId: 'nextMutationId',
  cursor: 'cursor',
  lastMutationId: 'lastMutationId',
  lastSyncedAt: 'lastSyncedAt',
  /** The signed-in account and its token (accountSession.ts). */
  session: 'session',
  replicaFormat: 'replicaFormat',
  /**
   * A number ≥ the seq of every row held (0: no row). Absent: unknown, every page reads the
   * rows it touches. Moves with each pull page, in its transaction (replicaStore.ts).
   */
  newestSeq: 'newestSeq',
  /** The server's public key for sealing visit notes (aidant space; see sealedNote.ts). */
  noteServerKey: 'noteServerKey',
  /**
   * Set when the server said this device was revoked and the device wiped what it held
   * (wipeRevokedDevice.ts): `{ at, dropped }`, shown until someone signs in again.
   */
  wiped: 'wiped',
} as const;

/** The database's name in the app (tests pass their own). */
export const DEFAULT_DB_NAME = 'escale';
