import { createHash } from 'node:crypto';
import pg from 'pg';
import { PLAN_EACH_TIME, type Database, type QueryResult, type Queryable } from './Database';

/**
 * Statements with parameters are named after a digest of their text, so `pg` prepares
 * each once per pooled connection and PostgreSQL plans it from its plan cache instead of
 * parsing and planning it at every call (the pull's short indexed statements spent more
 * time planned than run). Texts are constants of the code, so the set stays small.
 */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `escale_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (names.size < 1000) names.set(sql, name);
  }
  return name;
}

type Client = pg.Pool | pg.PoolClient;

function wrap(conn: Client): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const r = params.length > 0 && !sql.startsWith(PLAN_EACH_TIME)
        ? await conn.query({ name: statementName(sql), text: sql, values: params as unknown[] })
        : await conn.query(sql, params as unknown[]);
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  };
}

/** PostgreSQL through a `pg` pool: each transaction holds one pooled connection. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${options?.isolation === 'repeatable read' ? 'REPEATABLE READ' : 'READ COMMITTED'}`);
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
