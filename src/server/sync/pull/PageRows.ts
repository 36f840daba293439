import { toNumber } from '../../db/Database';
import type { PageSqlRow } from './PageSqlRow';

/** Rows of a page as JSON texts (one change each) with their seqs, in seq order. */
export interface PageRows {
  parts: string[];
  seqs: number[];
}

export function toPageRows(rows: PageSqlRow[]): PageRows {
  const parts = new Array<string>(rows.length);
  const seqs = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const seq = toNumber(r.server_seq);
    seqs[i] = seq;
    const head = `{"collection":${JSON.stringify(r.collection)},"op":"${r.deleted ? 'delete' : 'put'}","id":${JSON.stringify(r.id)},"version":${r.version},"seq":${seq}`;
    parts[i] = r.deleted ? `${head}}` : `${head},"record":${r.data}}`;
  }
  return { parts, seqs };
}

/** The first `max` rows of two seq-ordered lists, in seq order. */
export function mergeRows(a: PageRows, b: PageRows, max: number): PageRows {
  if (b.seqs.length === 0) return a.seqs.length <= max ? a : { parts: a.parts.slice(0, max), seqs: a.seqs.slice(0, max) };
  const out: PageRows = { parts: [], seqs: [] };
  let i = 0;
  let j = 0;
  while (out.seqs.length < max && (i < a.seqs.length || j < b.seqs.length)) {
    const fromA = j >= b.seqs.length || (i < a.seqs.length && a.seqs[i]! < b.seqs[j]!);
    const src = fromA ? a : b;
    const k = fromA ? i++ : j++;
    out.parts.push(src.parts[k]!);
    out.seqs.push(src.seqs[k]!);
  }
  return out;
}
