import { COLLECTION_SCHEMAS } from '../../shared/sync/collections';
import type { Change } from '../../shared/sync/protocol';
import { describeIssues } from '../../shared/domain/formatIssues';
import type { ReplicaRow } from '../data/db';
import { rowKey } from './rowKey';

export interface QuarantinedChange {
  collection: string;
  id: string;
  raw: unknown;
  problem: string;
}

export interface PagePlan {
  /** Rows to write (new versions and tombstones), at most one per record. */
  put: ReplicaRow[];
  /** Records that failed their schema: logged aside, the stored row is left as it was. */
  quarantine: QuarantinedChange[];
  /** Changes ignored because their version was not newer than what we hold (I7). */
  skipped: number;
}

/**
 * Decide what a pull page changes, given the rows already stored for the records it
 * touches. Pure, so it is tested with fixtures: applying the same page twice, or an older
 * page after a newer one, yields nothing to write (idempotent, SYNC.md I7).
 */
export function planPage(existing: ReadonlyMap<string, ReplicaRow>, changes: readonly Change[]): PagePlan {
  const next = new Map<string, ReplicaRow>();
  const quarantine: QuarantinedChange[] = [];
  let skipped = 0;
  for (const change of changes) {
    const key = rowKey(change.collection, change.id);
    const held = next.get(key) ?? existing.get(key);
    if (held && held.version >= change.version) {
      skipped++;
      continue;
    }
    if (change.op === 'delete') {
      next.set(key, { collection: change.collection, id: change.id, version: change.version, seq: change.seq, deleted: true });
      continue;
    }
    const parsed = COLLECTION_SCHEMAS[change.collection].safeParse(change.record);
    if (!parsed.success) {
      quarantine.push({ collection: change.collection, id: change.id, raw: change.record, problem: describeIssues(parsed.error.issues) });
      continue;
    }
    next.set(key, { collection: change.collection, id: change.id, version: change.version, seq: change.seq, record: parsed.data });
  }
  return { put: [...next.values()], quarantine, skipped };
}
