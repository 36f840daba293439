import type { Collection } from '../../shared/sync/collections';
import type { SealedMutation } from '../../shared/sync/sealedMutation';

// The device's rows as plain data: what the replica rules (overlayPending, planPage,
// outboxRules) take and return. The tables that hold them, and their versioned schema, are
// in ../data/db.ts (which re-exports these types).

/** A server row as replicated; a tombstone keeps its version so a late `put` stays ignored. */
export interface ReplicaRow {
  collection: Collection;
  id: string;
  version: number;
  seq: number;
  /** Unparsed: a row is a stored record only after the repository parses it (docs/style.md #8). */
  record?: unknown;
  deleted?: true;
}

/**
 * A local change not yet reflected by a pull, laid over the server rows. One per mutation;
 * the most recent (highest mutationId) of a record wins.
 */
export interface PendingEdit {
  mutationId: number;
  collection: Collection;
  id: string;
  op: 'put' | 'delete';
  /** The whole record as the device now sees it (for `put`). */
  record?: unknown;
  /** Version the edit was based on; 0 for a creation. The server will be at base + 1. */
  baseVersion: number;
  /** `applied` once the server said so; the edit stays until the pull shows it. */
  status: 'pending' | 'applied';
}

export interface OutboxEntry {
  /** Per-client sequential mutation id, from 1, allocated in the write's transaction. */
  id: number;
  name: string;
  /** Absent once the entry is `sealed`. */
  args?: unknown;
  /**
   * Set when another aidant opened a shared tablet while this entry waited: its arguments
   * sealed for the server (src/shared/sync/sealedMutation.ts, bound to this id, its name
   * and `authorId`), so no one at the tablet reads them back; it is pushed so, once.
   * Kept as it is when the outbox is renumbered (the box keeps the id it was sealed under).
   */
  sealed?: SealedMutation;
  /** ISO instant. */
  createdAt: string;
  status?: 'pending';
  /**
   * Set by the sync engine, in the transaction that reads the batch, before the request is
   * sent: from then on the server may have applied the entry, so it must never change
   * (a queued visit is corrected in place only while this is absent). Never cleared.
   */
  takenAt?: string;
  /**
   * The account that made the change on a shared tablet (absent: the device's account).
   * The engine pushes each author's entries with that author's session token.
   */
  authorId?: string;
}
