import type * as z from 'zod/mini';
import type { Collection, RecordOf } from '../../shared/sync/collections';
import { describeIssues } from '../../shared/domain/formatIssues';
import type { VisibleRecord } from '../replica/overlayPending';
import { rowKey } from '../replica/rowKey';
import type { QuarantineRow } from './db';

export interface ParsedRecord<C extends Collection> {
  record: RecordOf<C>;
  version: number;
  pending: boolean;
}

/** The schema of each collection a parser may meet (COLLECTION_SCHEMAS, or the directory's only). */
export type RecordSchemas = Partial<Record<Collection, z.ZodMiniType>>;
/** Where a row that does not parse is kept aside (the `quarantine` table). */
export type QuarantineSink = (row: Omit<QuarantineRow, 'key'>) => Promise<unknown>;

/**
 * Parses rows read back from IndexedDB with the shared schemas (they may predate an
 * upgrade). A row that fails is quarantined once and skipped: a screen shows one record
 * fewer, it never crashes. Parsed values are cached per (record, version).
 *
 * No Dexie here: the first-paint reader (bootReader.ts) parses with a parser that knows the
 * directory's schemas only and holds quarantined rows; the data layer then `connect()`s the
 * same parser (its cache kept, so the directory is not parsed twice at start-up).
 */
export class RecordParser {
  private cache = new Map<string, { stamp: string; value: unknown }>();
  private reported = new Set<string>();
  private held: Array<Omit<QuarantineRow, 'key'>> = [];
  private schemas: RecordSchemas;

  constructor(schemas: RecordSchemas, private readonly now: () => Date, private sink?: QuarantineSink) {
    this.schemas = { ...schemas };
  }

  /** Every collection's schema from now on, and quarantined rows into the database (those held until now too). */
  connect(schemas: RecordSchemas, sink: QuarantineSink): void {
    this.schemas = { ...this.schemas, ...schemas };
    this.sink = sink;
    const held = this.held;
    this.held = [];
    for (const row of held) this.store(row);
  }

  /**
   * Rows a pull page just stored, their records already checked with the shared schemas
   * (checkChanges): cached as parsed, so reading them back does not parse them again.
   * Tombstones are skipped (never read as records).
   */
  prime(rows: Iterable<{ collection: Collection; id: string; version: number; record?: unknown; deleted?: true }>): void {
    for (const row of rows) {
      if (row.deleted || row.record === undefined || !this.schemas[row.collection]) continue;
      this.cache.set(rowKey(row.collection, row.id), { stamp: `${row.version}/s`, value: row.record });
    }
  }

  parse<C extends Collection>(collection: C, visible: VisibleRecord): ParsedRecord<C> | undefined {
    const key = rowKey(collection, visible.id);
    const stamp = `${visible.version}/${visible.pending ? 'p' : 's'}`;
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp && !visible.pending) return { record: hit.value as RecordOf<C>, version: visible.version, pending: visible.pending };
    const schema = this.schemas[collection];
    if (!schema) throw new Error(`[data] no schema to read ${collection} with (RecordParser)`);
    const result = schema.safeParse(visible.record);
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
    const row = { collection, id: visible.id, raw: visible.record, problem, at: this.now().toISOString() };
    if (this.sink) this.store(row);
    else this.held.push(row);
  }

  private store(row: Omit<QuarantineRow, 'key'>): void {
    this.sink!(row).catch((err: unknown) => console.warn('[data] could not store the quarantined row', err));
  }
}
