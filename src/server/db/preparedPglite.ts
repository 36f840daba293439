import type { PGlite, Transaction } from '@electric-sql/pglite';
import { PLAN_EACH_TIME, type QueryResult } from './Database';

/**
 * Statements PGlite plans once. PGlite parses and plans every query anew (it sends an
 * unnamed statement each time), and in WebAssembly planning costs more than running
 * the short indexed queries of a pull: measured on the pull's statements, 1.0–2.0 ms
 * plain against 0.4–0.5 ms prepared. The wire protocol's named statements are out of
 * reach of PGlite's API, so this uses SQL: `PREPARE escale_n AS <sql>` once per text,
 * then `EXECUTE escale_n('…', …)` with each value written as a quoted literal, which
 * PostgreSQL converts with the parameter's input function exactly as it reads a text
 * parameter. Only values that have one exact text form are written so (strings without
 * NUL, finite numbers, bigints, booleans, valid dates, null); a query with any other
 * value, or whose text PREPARE refuses, takes PGlite's usual path. With
 * standard_conforming_strings on (checked once), doubling quotes is the whole escaping.
 * Statements that start with PLAN_EACH_TIME take the usual path (see Database.ts).
 * Prepared statements belong to the session, not to a transaction: one made inside a
 * transaction outlives its rollback (checked) and serves the statements of every later
 * transaction. At most MAX_STATEMENTS are kept (least recently used ones deallocated).
 */
const MAX_STATEMENTS = 200;
/** Process-wide, so two wrappers of one PGlite never pick the same name. */
let counter = 0;

type Conn = PGlite | Transaction;
type Run = <Row>(sql: string, params: readonly unknown[], conn?: Conn) => Promise<QueryResult<Row>>;

export function preparedPglite(pg: PGlite): { query: Run } {
  const names = new Map<string, string | null>();
  let usable: Promise<boolean> | undefined;
  const plain = async <Row>(sql: string, params: readonly unknown[], conn: Conn) => {
    const r = await conn.query<Row>(sql, params as unknown[]);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };

  async function nameFor(sql: string, conn: Conn): Promise<string | null> {
    const known = names.get(sql);
    if (known !== undefined) {
      names.delete(sql);
      names.set(sql, known);
      return known;
    }
    let name: string | null = `escale_${++counter}`;
    try {
      await conn.exec(`PREPARE ${name} AS ${sql}`);
    } catch {
      // Inside a transaction the failure may be the transaction's (already aborted):
      // try again next time. Outside, the text itself is refused: the usual path for good.
      if (conn !== pg) return null;
      name = null;
    }
    names.set(sql, name);
    for (const [text, old] of names) {
      if (names.size <= MAX_STATEMENTS) break;
      names.delete(text);
      if (old) await conn.exec(`DEALLOCATE ${old}`).catch(() => undefined);
    }
    return name;
  }

  return {
    async query<Row>(sql: string, params: readonly unknown[], conn: Conn = pg): Promise<QueryResult<Row>> {
      const literals = params.length > 0 && !sql.startsWith(PLAN_EACH_TIME) ? params.map(literal) : undefined;
      if (!literals || literals.includes(undefined)) return plain<Row>(sql, params, conn);
      usable ??= conn.query<{ standard_conforming_strings: string }>('SHOW standard_conforming_strings')
        .then((r) => r.rows[0]?.standard_conforming_strings === 'on', () => false);
      if (!(await usable)) return plain<Row>(sql, params, conn);
      const name = await nameFor(sql, conn);
      if (!name) return plain<Row>(sql, params, conn);
      const results = await conn.exec(`EXECUTE ${name}(${literals.join(', ')})`);
      const r = results[results.length - 1]!;
      return { rows: r.rows as Row[], rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}

/** The value as an SQL literal of unknown type, or undefined when it has no single text form. */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'bigint') text = String(value);
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    text = value.toISOString();
  } else return undefined;
  if (text.includes('\0')) return undefined;
  return `'${text.replace(/'/g, "''")}'`;
}
