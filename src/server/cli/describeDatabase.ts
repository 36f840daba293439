import { CliError } from './CliError';

export interface DatabaseSummary {
  /** Highest migration applied (schema_migrations). */
  schemaVersion: number;
  records: number;
  accounts: number;
}

interface Reader {
  query(sql: string): Promise<{ rows: unknown[] }>;
}

/**
 * What the tools print after a backup or a restore, and the proof that the database is an
 * Escale one: a folder or a database without `schema_migrations` is refused rather than
 * backed up or replaced by mistake.
 */
export async function describeDatabase(db: Reader): Promise<DatabaseSummary> {
  let row: { v: unknown; records: unknown; accounts: unknown } | undefined;
  try {
    const { rows } = await db.query(
      'SELECT (SELECT max(version) FROM schema_migrations) AS v, (SELECT count(*) FROM record) AS records, (SELECT count(*) FROM account) AS accounts',
    );
    row = rows[0] as typeof row;
  } catch {
    row = undefined;
  }
  if (!row || row.v === null) {
    throw new CliError('Ce n’est pas une base Escale (pas de table schema_migrations).', 'This is not an Escale database (no schema_migrations table).');
  }
  return { schemaVersion: Number(row.v), records: Number(row.records), accounts: Number(row.accounts) };
}

export function summaryText(s: DatabaseSummary): { fr: string; en: string } {
  return {
    fr: `schéma ${s.schemaVersion}, ${s.records} enregistrements, ${s.accounts} comptes`,
    en: `schema ${s.schemaVersion}, ${s.records} records, ${s.accounts} accounts`,
  };
}
