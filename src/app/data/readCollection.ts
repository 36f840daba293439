import { COLLECTION_SCHEMAS, type Collection, type RecordOf } from '../../shared/sync/collections';
import { describeIssues } from '../../shared/domain/formatIssues';
import { overlayPending, type VisibleRecord } from '../sync/overlayPending';
import { rowKey } from '../sync/rowKey';
import type { EscaleDb, PendingEdit, ReplicaRow } from './db';

export interface ParsedRecord<C extends Collection> {
  record: RecordOf<C>;
  version: number;
  pending: boolean;
}

/**
 * Parses rows read back from IndexedDB with the shared schemas (they may predate an
 * upgrade). A row that fails is quarantined once and skipped: a screen shows one record
 * fewer, it never crashes. Parsed values are cached per (record, version).
 */
export class RecordParser {
  private cache = new Map<string, { stamp: string; value: unknown }>();
  private reported = new Set<string>();

  constructor(private readonly db: EscaleDb, private readonly now: () => Date) {}

  parse<C extends Collection>(collection: C, visible: VisibleRecord): ParsedRecord<C> | undefined {
    const key = rowKey(collection, visible.id);
    const stamp = `${visible.version}/${visible.pending ? 'p' : 's'}`;
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp && !visible.pending) return { record: hit.value as RecordOf<C>, version: visible.version, pending: visible.pending };
    const result = COLLECTION_SCHEMAS[collection].safeParse(visible.record);
    if (!result.success) {
      this.quarantine(collection, visible, describeIssues(result.error.issues), `${key}@${stamp}`);
      return undefined;
    }
    if (!visible.pending) this.cache.set(key, { stamp, value: result.data });
    return { record: result.data as RecordOf<C>, version: visible.version, pending: visible.pending };
  }

  private quarantine(collection: string, visible: VisibleRecord, problem: string, once: string): void {
    if (this.reported.has(once)) return;
    this.reported.add(once);
    console.warn(`[data] ${collection} ${visible.id} does not match its schema, set aside: ${problem}`);
    this.db.quarantine
      .add({ collection, id: visible.id, raw: visible.record, problem, at: this.now().toISOString() })
      .catch((err: unknown) => console.warn('[data] could not store the quarantined row', err));
  }
}

/** Every visible record of a collection (server rows with pending edits laid over), parsed. */
export async function readCollection<C extends Collection>(db: EscaleDb, parser: RecordParser, collection: C): Promise<ParsedRecord<C>[]> {
  const [rows, pending] = await db.transaction('r', [db.rows, db.pendingEdits], () =>
    Promise.all([db.rows.where('collection').equals(collection).toArray(), db.pendingEdits.where('collection').equals(collection).toArray()]),
  );
  const out: ParsedRecord<C>[] = [];
  for (const v of overlayPending(rows, pending)) {
    const parsed = parser.parse(collection, v);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** The visible record of one id, unparsed, read inside the caller's transaction. */
export async function readVisibleRaw(db: EscaleDb, collection: Collection, id: string): Promise<VisibleRecord | undefined> {
  const row: ReplicaRow | undefined = await db.rows.get([collection, id]);
  const pending: PendingEdit[] = await db.pendingEdits.where('[collection+id]').equals([collection, id]).toArray();
  return overlayPending(row ? [row] : [], pending)[0];
}

export async function readOne<C extends Collection>(db: EscaleDb, parser: RecordParser, collection: C, id: string): Promise<ParsedRecord<C> | undefined> {
  const visible = await db.transaction('r', [db.rows, db.pendingEdits], () => readVisibleRaw(db, collection, id));
  return visible ? parser.parse(collection, visible) : undefined;
}
