import type { Collection } from '../../shared/sync/collections';

/** One string per (collection, id), for maps in the pure functions. */
export function rowKey(collection: Collection | string, id: string): string {
  return `${collection}/${id}`;
}
