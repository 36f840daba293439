import type { Change } from '../../shared/sync/protocol';
import { checkChanges, planPage, type CheckedChanges } from '../replica/applyPage';
import { settledPendingEdits } from '../replica/overlayPending';
import { packRows } from '../replica/packs';
import { rowKey } from '../replica/rowKey';
import { META, type EscaleDb, type PendingEdit, type ReplicaRow } from './db';
import { clearHeldRows, heldRowsOf, putPacks } from './heldRows';

// The pull's writes to the device database, each in ONE Dexie transaction (the push's are
// in outboxStore.ts).

export interface StoredCursor {
  /** Which scope the cursor belongs to, as the device knows it (public:<territory> or account). */
  scope: string;
  cursor: string;
}

export async function readCursor(db: EscaleDb): Promise<StoredCursor | undefined> {
  const row = await db.meta.get(META.cursor);
  const v = row?.value as Partial<StoredCursor> | undefined;
  return v && typeof v.scope === 'string' && typeof v.cursor === 'string' ? { scope: v.scope, cursor: v.cursor } : undefined;
}

export interface PageToStore {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
  lastMutationId: number | null;
  /** The page's JSON as the server sent it, which `changes` were read from (syncHttp.ts). */
  text?: string;
}

/**
 * Store one pull page and its cursor together: a cut connection resumes from the last page
 * stored, and storing a page twice changes nothing (docs/sync.md I6, I7). On the last page,
 * pending edits the snapshot covers are dropped.
 */
export async function storePulledPage(
  db: EscaleDb, scope: string, page: PageToStore, now: Date, checks?: Promise<CheckedChanges>, options: StorePageOptions = {},
): Promise<{ written: number; rows: ReplicaRow[] }> {
  // Schema checks first, in slices between which the page stays responsive; never inside
  // the transaction (a yield there would let IndexedDB commit it half-way). `checks`: the
  // same checks started earlier by the caller (the engine starts them as soon as a page
  // asked for ahead arrives, while the page before it is still being written).
  const checked = await (checks ?? checkChanges(page.changes));
  // Reading the rows a page touches (to skip versions not newer, I7) costs one IndexedDB
  // read per record, as much as writing it. On the server a record's seq and version grow
  // together, so a change can be "not newer" only than a row held at the same or a higher
  // seq: when the newest row held is older than the whole page, as on every page of a
  // first sync and of a pull that follows its cursor, there is nothing to read. (Hazard: a
  // record re-created under the same id after its tombstone was purged restarts at version
  // 1; this path stores it, the read path keeps the tombstone; the server holds the new
  // record.)
  let minSeq = Infinity;
  let maxSeq = -Infinity;
  for (const c of page.changes) {
    if (c.seq < minSeq) minSeq = c.seq;
    if (c.seq > maxSeq) maxSeq = c.seq;
  }
  // First try: assume the page is newer than every row held and write it at once, in the
  // same round trip as the reads that check the assumption (the newest seq held, the pending
  // edits). Wrong (a page stored twice, out of order, an unknown newest seq): the
  // transaction is aborted, nothing of it stays, and the page is stored the careful way.
  // A round trip to IndexedDB before the writes was 20-80 ms per page of a first sync.
  try {
    return await db.transaction('rw', [...db.replicaTables, db.meta, db.pendingEdits, db.quarantine], async () => {
      const heldRead = db.meta.get(META.newestSeq);
      const pendingRead = db.pendingEdits.toArray();
      const cursorRead = options.after !== undefined ? readCursor(db) : undefined;
      cursorRead?.catch(() => undefined);
      const plan = planPage(new Map(), page.changes, checked);
      // The page's places as packs of many rows per value (../replica/packs.ts): only here,
      // where the page is newer than everything held, so a pack never holds an older copy.
      // The page's own text when its rows are exactly its changes (nothing quarantined,
      // nothing skipped): packs then hold that string (../replica/packs.ts).
      const exact = page.text !== undefined && !plan.quarantine.length && !plan.skipped;
      const packed = packRows(plan.put, exact ? page.text : undefined);
      const putRows = packed.rows.length ? db.rows.bulkPut(packed.rows) : undefined;
      const put = packed.packs.length ? putPacks(db, packed) : putRows;
      // Awaited below; when the transaction is aborted its failure is that abort, not news.
      put?.catch(() => undefined);
      putRows?.catch(() => undefined);
      pendingRead.catch(() => undefined);
      if (cursorRead) checkAfter(await cursorRead, scope, options.after);
      const heldSeq = (await heldRead)?.value;
      if (page.changes.length && !(typeof heldSeq === 'number' && heldSeq < minSeq)) throw new NotNewer();
      await finishPage(db, scope, page, now, plan, new Map(), await pendingRead);
      if (page.changes.length && typeof heldSeq === 'number' && maxSeq > heldSeq) await db.meta.put({ key: META.newestSeq, value: maxSeq });
      await putRows;
      await put;
      return { written: plan.put.length, rows: plan.put };
    });
  } catch (error) {
    if (!(error instanceof NotNewer)) throw error;
  }
  return db.transaction('rw', [...db.replicaTables, db.meta, db.pendingEdits, db.quarantine], async () => {
    if (options.after !== undefined) checkAfter(await readCursor(db), scope, options.after);
    let existing = new Map<string, ReplicaRow>();
    // The newest seq held is kept in meta (no index on rows, db.ts v2); absent: unknown, read.
    const heldSeq = page.changes.length ? (await db.meta.get(META.newestSeq))?.value : undefined;
    const newestHeld = typeof heldSeq === 'number' ? heldSeq : Infinity;
    if (page.changes.length && newestHeld >= minSeq) {
      const keys = [...new Map(page.changes.map((c) => [rowKey(c.collection, c.id), [c.collection, c.id] as const])).values()];
      // Packed or not: a copy in a pack counts as much as one in `rows` (heldRows.ts).
      existing = await heldRowsOf(db, keys);
    }
    // Written one value per record: this page may be older than rows held, and a pack
    // holds only rows newer than everything held when it was written.
    const plan = planPage(existing, page.changes, checked);
    if (plan.put.length) await db.rows.bulkPut(plan.put);
    await finishPage(db, scope, page, now, plan, existing, await db.pendingEdits.toArray());
    if (typeof heldSeq === 'number' && maxSeq > heldSeq) await db.meta.put({ key: META.newestSeq, value: maxSeq });
    return { written: plan.put.length, rows: plan.put };
  });
}

/** The first try's assumption (the page is newer than every row held) did not hold. */
class NotNewer extends Error {}

export interface StorePageOptions {
  /**
   * The cursor that must be stored (in the same scope) for this page to be written: the
   * one it was pulled after; null: no cursor stored (a first pull, after a reset). Lets the
   * engine open a page's transaction before the previous page's has committed (IndexedDB
   * runs them in order): if that one failed, this one is aborted too, whole, and the cursor
   * never steps over a page that is not stored. Absent: not checked.
   */
  after?: string | null;
}

/** The page before this one (`StorePageOptions.after`) is not stored: nothing of this one was. */
export class PreviousPageNotStored extends Error {
  constructor() {
    super('the previous pull page is not stored');
    this.name = 'PreviousPageNotStored';
  }
}

function checkAfter(held: StoredCursor | undefined, scope: string, after: string | null | undefined): void {
  const ok = after === null ? held === undefined : held !== undefined && held.scope === scope && held.cursor === after;
  if (!ok) throw new PreviousPageNotStored();
}

/** The rest of a page's transaction: quarantine, cursor, settled pending edits, last sync. */
async function finishPage(
  db: EscaleDb, scope: string, page: PageToStore, now: Date, plan: ReturnType<typeof planPage>, existing: ReadonlyMap<string, ReplicaRow>, pending: PendingEdit[],
): Promise<void> {
  for (const q of plan.quarantine) {
    console.warn(`[sync] ${q.collection} ${q.id} from the server does not match its schema, set aside: ${q.problem}`);
    await db.quarantine.add({ ...q, at: now.toISOString() });
  }
  await db.meta.put({ key: META.cursor, value: { scope, cursor: page.cursor } satisfies StoredCursor });
  if (pending.length) {
    const versions = new Map<string, number>();
    for (const row of plan.put) versions.set(rowKey(row.collection, row.id), row.version);
    for (const [k, row] of existing) if (!versions.has(k)) versions.set(k, row.version);
    const covered = !page.hasMore && page.lastMutationId !== null ? page.lastMutationId : undefined;
    const drop = settledPendingEdits(pending, (e) => versions.get(rowKey(e.collection, e.id)), covered);
    if (drop.length) await db.pendingEdits.bulkDelete(drop);
  }
  if (!page.hasMore) await db.meta.put({ key: META.lastSyncedAt, value: now.toISOString() });
}

/** `{reset: true}` or a scope change: clear the replicated rows and the cursor, NEVER the outbox. */
export async function resetReplica(db: EscaleDb): Promise<void> {
  await db.transaction('rw', [...db.replicaTables, db.meta], async () => {
    await clearHeldRows(db);
    await db.meta.delete(META.cursor);
    await db.meta.put({ key: META.newestSeq, value: 0 });
  });
}
