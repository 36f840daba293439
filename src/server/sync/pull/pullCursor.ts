/**
 * The pull cursor, opaque to clients: `1.<scopeKey>.<seq>`, where seq is the server_seq
 * of the last row returned (never the global maximum, docs/sync.md) and scopeKey the digest
 * of the scope it was made under. The leading 1 is the cursor format version.
 */
export interface PullCursor {
  scopeKey: string;
  seq: number;
}

const PATTERN = /^1\.([A-Za-z0-9_-]{12})\.(\d{1,15})$/;

export function encodeCursor(cursor: PullCursor): string {
  return `1.${cursor.scopeKey}.${cursor.seq}`;
}

/** undefined when the text is not a cursor this server makes. */
export function decodeCursor(text: string): PullCursor | undefined {
  const m = PATTERN.exec(text);
  return m ? { scopeKey: m[1]!, seq: Number(m[2]) } : undefined;
}
