import { toNumber } from '../../db/Database';
import { EncodedPage } from './EncodedPage';
import type { PageRows } from './PageRows';
import type { PageSqlRow } from './PageSqlRow';
import { encodeCursor } from './pullCursor';

/** What the text of a page needs of its PullRequest. */
interface PageRequest {
  limit: number;
  clientId?: string;
}

/**
 * A page is `pageHead(changes) + pageTail(…)`: the head is the same for every device
 * given the same rows (see PagePrefix), the tail is the device's (cursor, lastMutationId).
 */
export function pageHead(changes: string[]): string {
  return `{"changes":[${changes.join(',')}`;
}

/** `found` holds up to limit + 1 rows: the extra one only says there is more. */
export function pageTail(req: PageRequest, key: string, after: number, found: PageRows, head: PageSqlRow): string {
  const count = Math.min(found.seqs.length, req.limit);
  const lastSeq = count > 0 ? found.seqs[count - 1]! : after;
  const cursor = encodeCursor({ scopeKey: key, seq: lastSeq });
  return `],"cursor":${JSON.stringify(cursor)},"hasMore":${found.seqs.length > req.limit},"lastMutationId":${req.clientId ? toNumber(head.last_mutation_id ?? 0) : null}}`;
}

export function encodePage(req: PageRequest, key: string, after: number, found: PageRows, head: PageSqlRow): EncodedPage {
  const count = Math.min(found.seqs.length, req.limit);
  return new EncodedPage(pageHead(count === found.parts.length ? found.parts : found.parts.slice(0, count)) + pageTail(req, key, after, found, head));
}
