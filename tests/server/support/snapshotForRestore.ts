import type { Database } from '../../../src/server/db/Database';

/** Tables a restore must bring back row for row (directory_stamp and the horizon move with the sequence). */
const TABLES = ['account', 'sync_client', 'mutation_result', 'session_token', 'audit_log', 'note_key', 'schema_migrations'];

export interface RestoreSnapshot {
  /** Every table above, and every record without its server_seq, as sorted JSON text. */
  rows: string;
  /** Records in server_seq order: a restore may renumber them, never reorder them. */
  order: string[];
  minSeq: number;
  maxSeq: number;
  horizon: number;
  visits: number;
}

export async function snapshotForRestore(db: Database): Promise<RestoreSnapshot> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const { rows } = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    parts.push(`${table}:\n${rows.map((r) => r.row).join('\n')}`);
  }
  const records = await db.query<{ row: string }>("SELECT (to_jsonb(t) - 'server_seq')::text AS row FROM record t ORDER BY collection, id");
  parts.push(`record:\n${records.rows.map((r) => r.row).join('\n')}`);
  const order = await db.query<{ k: string }>("SELECT collection || ':' || id AS k FROM record ORDER BY server_seq");
  const head = await db.query<{ min: unknown; max: unknown; horizon: unknown; visits: unknown }>(
    `SELECT min(server_seq) AS min, max(server_seq) AS max, (SELECT seq FROM tombstone_horizon WHERE id = 1) AS horizon,
            count(*) FILTER (WHERE collection = 'visit') AS visits FROM record`,
  );
  const h = head.rows[0]!;
  return {
    rows: parts.join('\n---\n'),
    order: order.rows.map((r) => r.k),
    minSeq: Number(h.min),
    maxSeq: Number(h.max),
    horizon: Number(h.horizon),
    visits: Number(h.visits),
  };
}
