/**
 * The one narrow interface the server uses to talk to its database, so that the same
 * code runs on the embedded PGlite (npm start, tests) and on PostgreSQL (deployments).
 * Both speak the same SQL dialect; only connection handling differs.
 */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/**
 * Put first in a statement's text to have it planned at every call with its values
 * (the wrappers otherwise prepare statements with parameters once and let PostgreSQL
 * reuse a generic plan). For statements whose best index depends on the values: a pull
 * page after a cursor can use the directory's or the owner's index, or step through
 * record_server_seq over every visit log after the cursor; a generic plan chose the
 * latter (measured: 7 ms for a caught-up page after 10,000 visit logs).
 */
export const PLAN_EACH_TIME = '/* plan each time */ ';

export interface QueryOptions {
  /**
   * The caller's promise that this statement changes nothing a pull page holds: a read,
   * or a write of bookkeeping no page shows (a device's `last_seen`). On PGlite it leaves
   * `writeCount` as it is, so the pages kept for devices stay valid across it. A statement
   * without it counts as a write (the safe side: a kept page is read again).
   */
  pagesUnchanged?: boolean;
}

export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read';

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Hazard: inside `fn`, use only `tx`; calling `db.query` there waits for the
   * transaction to end on PGlite's single connection, and deadlocks.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: { isolation?: Isolation }): Promise<T>;
  /**
   * PGlite only (one process holds the database, every statement goes through this
   * object): how many operations that may have changed a pull page have ended. Equal
   * counts, read before two reads, mean both saw the same rows, at no statement's cost
   * (PullCaches, DevicePages). Absent where another process may write (PostgreSQL).
   */
  writeCount?(): number;
  close(): Promise<void>;
}

/** int8 comes back as a string from `pg` and as number or bigint from PGlite. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new TypeError(`not a number: ${String(value)}`);
}
