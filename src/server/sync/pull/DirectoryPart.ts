import { PagePrefix } from './PagePrefix';
import type { PageRows } from './PageRows';
import { pageHead } from './pageText';

/**
 * The first `limit + 1` directory rows after a cursor, read once for every aidant of the
 * territory (their full records; public devices get theirs as whole pages), with the
 * page text they start when the aidant has no own row among them (`prefix`, compressed
 * once for all). `bytes` sizes it for the cache: rows and prefix.
 */
export interface DirectoryPart extends PageRows {
  bytes: number;
  prefix: PagePrefix;
}

export function directoryPart(rows: PageRows, limit: number): DirectoryPart {
  const count = Math.min(rows.seqs.length, limit);
  const prefix = new PagePrefix(pageHead(count === rows.parts.length ? rows.parts : rows.parts.slice(0, count)));
  return { ...rows, prefix, bytes: rows.parts.reduce((n, p) => n + p.length, 0) + prefix.bytes };
}
