import type { Database } from '../../../src/server/db/Database';

const TABLES = ['record', 'visit_note', 'account', 'sync_client', 'mutation_result', 'session_token', 'audit_log', 'tombstone_horizon', 'schema_migrations'];

/** Every row of every table, in a stable order, as text: equal dumps = unchanged database. */
export async function dumpDatabase(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const { rows } = await db.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    parts.push(`${table}:${rows.map((r) => (r as { row: string }).row).join('\n')}`);
  }
  parts.push(`seq:${(await db.query("SELECT last_value FROM sync_seq")).rows.map((r) => JSON.stringify(r)).join()}`);
  return parts.join('\n---\n');
}
