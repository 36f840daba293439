import type { Collection } from '../../shared/sync/collections';
import { overlayPending, type VisibleRecord } from '../replica/overlayPending';
import type { EscaleDb, PendingEdit } from './db';
import { heldCollection, heldRow } from './heldRows';
import type { ParsedRecord, RecordParser } from './recordParser';

// RecordParser and ParsedRecord live in recordParser.ts (no Dexie, no schema of its own:
// the first-paint reader uses them too); re-exported for existing imports.
export { RecordParser, type ParsedRecord } from './recordParser';

/** Every visible record of a collection (server rows with pending edits laid over), parsed. */
export async function readCollection<C extends Collection>(db: EscaleDb, parser: RecordParser, collection: C): Promise<ParsedRecord<C>[]> {
  const [rows, pending] = await db.transaction('r', [...db.replicaTables, db.pendingEdits], () =>
    Promise.all([heldCollection(db, collection), db.pendingEdits.where('collection').equals(collection).toArray()]),
  );
  const out: ParsedRecord<C>[] = [];
  for (const v of overlayPending(rows, pending)) {
    const parsed = parser.parse(collection, v);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** The visible record of one id, unparsed, read inside the caller's transaction (which holds `db.replicaTables`). */
export async function readVisibleRaw(db: EscaleDb, collection: Collection, id: string): Promise<VisibleRecord | undefined> {
  const row = await heldRow(db, collection, id);
  const pending: PendingEdit[] = await db.pendingEdits.where('[collection+id]').equals([collection, id]).toArray();
  return overlayPending(row ? [row] : [], pending)[0];
}

export async function readOne<C extends Collection>(db: EscaleDb, parser: RecordParser, collection: C, id: string): Promise<ParsedRecord<C> | undefined> {
  const visible = await db.transaction('r', [...db.replicaTables, db.pendingEdits], () => readVisibleRaw(db, collection, id));
  return visible ? parser.parse(collection, visible) : undefined;
}
