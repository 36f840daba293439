import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, QueryResult, Queryable } from './Database';

function wrap(conn: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const r = await conn.query<Row>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/**
 * PGlite is one Postgres backend in-process: a single connection. It already runs every
 * query and transaction exclusively (its own mutex), so transactions are serialized and
 * the isolation level makes no difference; `pg_advisory_xact_lock` still works.
 * `dataDir` is a folder, or `memory://` for a throw-away database.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir));
}

/** Wraps an already open PGlite (tests open theirs from a pre-migrated data-dir dump). */
export function wrapPglite(pg: PGlite): Database {
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
