import type { Collection } from '../../../shared/sync/collections';

/**
 * A row of a page statement (pageSql.ts): the head columns (horizon, stamp,
 * lastMutationId, territory check) repeated on every row, then one record, or nulls when
 * the page has no row (the LEFT JOIN keeps the head).
 */
export interface PageSqlRow {
  horizon: unknown;
  max_seq: unknown;
  last_mutation_id: unknown;
  territory_known: boolean;
  /** Statement of a directory-part read: true for the directory's rows, false for own rows. */
  dir?: boolean | null;
  collection: Collection | null;
  id: string | null;
  version: number | null;
  server_seq: unknown;
  deleted: boolean | null;
  data: string | null;
}
