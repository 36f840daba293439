import type { PendingEdit, ReplicaRow } from './rows';

/** A record as the device shows it: the server row with pending local edits laid over. */
export interface VisibleRecord {
  id: string;
  record: unknown;
  /** The version a new edit of this record must carry as its baseVersion. */
  version: number;
  /** True when a local edit not yet seen in a pull shapes what is shown. */
  pending: boolean;
}

/** The version the server will be at once this edit is applied. */
export function versionAfter(edit: PendingEdit): number {
  return edit.baseVersion + 1;
}

/**
 * Lay pending edits over the server rows of one collection. The most recent edit of a
 * record (highest mutationId) wins; a pending delete hides the row; tombstones are never
 * shown. Pure, tested with fixtures (docs/style.md #4). Order: server order by id, then new
 * local records in the order they were made.
 */
export function overlayPending(rows: readonly ReplicaRow[], pending: readonly PendingEdit[]): VisibleRecord[] {
  const latest = new Map<string, PendingEdit>();
  for (const edit of pending) {
    const held = latest.get(edit.id);
    if (!held || held.mutationId < edit.mutationId) latest.set(edit.id, edit);
  }
  const out: VisibleRecord[] = [];
  for (const row of rows) {
    const edit = latest.get(row.id);
    if (edit) {
      latest.delete(row.id);
      if (edit.op === 'put') out.push({ id: row.id, record: edit.record, version: versionAfter(edit), pending: true });
      continue;
    }
    if (!row.deleted) out.push({ id: row.id, record: row.record, version: row.version, pending: false });
  }
  const fresh = [...latest.values()].sort((a, b) => a.mutationId - b.mutationId);
  for (const edit of fresh) {
    if (edit.op === 'put') out.push({ id: edit.id, record: edit.record, version: versionAfter(edit), pending: true });
  }
  return out;
}

/**
 * Which pending edits a pull has made redundant:
 * - every edit whose mutation the pulled snapshot covers (`lastMutationId`, read by the
 *   server in the same snapshot as the changes; only trusted once the pull reached the
 *   end, `hasMore: false`), whatever its result: applied ones are now in the rows, the
 *   others went to conflicts/rejections when the push answered;
 * - an `applied` edit whose record the rows already show at (or past) the version it leads
 *   to ("the version caught up").
 */
export function settledPendingEdits(
  pending: readonly PendingEdit[],
  rowVersion: (edit: PendingEdit) => number | undefined,
  coveredUpTo: number | undefined,
): number[] {
  const drop: number[] = [];
  for (const edit of pending) {
    if (coveredUpTo !== undefined && edit.mutationId <= coveredUpTo) {
      drop.push(edit.mutationId);
      continue;
    }
    const v = rowVersion(edit);
    if (edit.status === 'applied' && v !== undefined && v >= versionAfter(edit)) drop.push(edit.mutationId);
  }
  return drop;
}
