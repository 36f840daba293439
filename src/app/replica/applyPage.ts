import { COLLECTION_SCHEMAS } from '../../shared/sync/collections';
import type { Change } from '../../shared/sync/protocol';
import { describeIssues } from '../../shared/domain/formatIssues';
import type { ReplicaRow } from './rows';
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

type Upsert = Extract<Change, { op: 'put' }>;
const checkOne = (change: Upsert) => COLLECTION_SCHEMAS[change.collection].safeParse(change.record);

/** Each upsert's schema check, done ahead of planPage (checkChanges). */
export type CheckedChanges = ReadonlyMap<Change, ReturnType<typeof checkOne>>;

/**
 * The schema check of every upsert of a page, a slice at a time (`sliceMs` of the device's
 * own time), yielding to the browser between slices (scheduler.yield where there is one).
 * Checking the 74 records of the seed (64 KB of commune outlines among them) in one go was
 * a long task of 100+ ms at 4× CPU right after the home's first paint. It must run BEFORE
 * the page's transaction: yielding to the event loop inside an IndexedDB transaction would
 * let it commit half-way. The result only saves planPage the same checks.
 */
export async function checkChanges(changes: readonly Change[], sliceMs = 8): Promise<CheckedChanges> {
  const checked = new Map<Change, ReturnType<typeof checkOne>>();
  let sliceStart = clock();
  for (const change of changes) {
    if (change.op === 'delete') continue;
    if (clock() - sliceStart >= sliceMs && (await yieldToBrowser())) sliceStart = clock();
    checked.set(change, checkOne(change));
  }
  return checked;
}

// The browser's clock and scheduler, looked up on globalThis: this folder is built without
// the DOM's types (pure rules, see README.md), and in Node there may be no scheduler.
interface BrowserGlobals {
  performance?: { now(): number };
  scheduler?: { yield?: () => Promise<void> };
  document?: unknown;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}
const browser = globalThis as BrowserGlobals;
const clock = (): number => browser.performance?.now() ?? Date.now();

/** Lets the browser paint and answer input; false (and no wait) where there is no way to. */
async function yieldToBrowser(): Promise<boolean> {
  const scheduler = browser.scheduler;
  if (typeof scheduler?.yield === 'function') {
    await scheduler.yield();
    return true;
  }
  if (typeof browser.document === 'undefined' || !browser.setTimeout) return false;
  await new Promise<void>((resolve) => browser.setTimeout!(resolve, 0));
  return true;
}

/**
 * Decide what a pull page changes, given the rows already stored for the records it
 * touches. Pure, so it is tested with fixtures: applying the same page twice, or an older
 * page after a newer one, yields nothing to write (idempotent, docs/sync.md I7). `checked`
 * holds schema checks already done (checkChanges); any change missing from it is checked here.
 */
export function planPage(existing: ReadonlyMap<string, ReplicaRow>, changes: readonly Change[], checked?: CheckedChanges): PagePlan {
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
    const parsed = checked?.get(change) ?? checkOne(change);
    if (!parsed.success) {
      quarantine.push({ collection: change.collection, id: change.id, raw: change.record, problem: describeIssues(parsed.error.issues) });
      continue;
    }
    next.set(key, { collection: change.collection, id: change.id, version: change.version, seq: change.seq, record: parsed.data });
  }
  return { put: [...next.values()], quarantine, skipped };
}
