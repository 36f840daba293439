import { loadMigrations } from '../db/migrate';
import { SYNC_WRITE_LOCK } from '../sync/store/records';

/**
 * How far the sync sequence jumps at a restore. It must exceed the number of changes the
 * lost database made after the backup was taken (a few hundred a day for a territory;
 * the server bench's push load is ~2,600 a second): any cursor a device got from it is
 * then below the new horizon. Cursors carry at most 15 digits (sync/pullCursor.ts), so a
 * database can be restored about a million times.
 */
export const REBASE_MARGIN = 1_000_000_000;

/** Raised by the SQL below; the tools turn it into a French and English refusal. */
export const NEWER_THAN_CODE = 'escale_backup_newer_than_code';

/** The highest migration this code knows: a backup made by a newer Escale is refused. */
export function codeSchemaVersion(): number {
  return Math.max(...loadMigrations().map((m) => m.version));
}

/**
 * SQL run in the same transaction as a restore, on PGlite and PostgreSQL alike.
 *
 * 1. A backup whose schema is newer than this code is refused (the server would run on
 *    tables it does not know). An older one is fine: the server migrates it at start.
 *
 * 2. The sync sequence starts a new era. Devices that synced after the backup hold
 *    cursors (and the staff replica rows) the restored database never issued; new
 *    changes would get those same sequence numbers again and such a device, pulling
 *    "after" its cursor, would skip them for good. So every row gets a new server_seq,
 *    in the same order, above the old maximum plus REBASE_MARGIN, and the tombstone
 *    horizon moves to that base: every cursor held anywhere is now below the horizon and
 *    its next pull answers `reset`; the device clears its replica (never its outbox) and
 *    pulls from zero, getting cursors above the horizon, so it resets once, not in a loop.
 *    Pushes need nothing here: a device whose mutation ids run ahead of the restored
 *    `last_mutation_id` gets a 409 gap and renumbers what it still holds
 *    (src/app/sync/outboxRules.ts, planGap).
 *
 * Written for `search_path = ''` (what pg_restore's script sets), hence the qualified
 * names; the search path is put back for the directory-stamp trigger, whose body names
 * its table unqualified (migration 005).
 */
export function afterRestoreSql(codeVersion = codeSchemaVersion()): string {
  return `
SELECT pg_catalog.set_config('search_path', 'public', false);
DO $escale_restore$
DECLARE
  backup_version integer;
  base bigint;
  moved bigint;
BEGIN
  SELECT max(version) INTO backup_version FROM public.schema_migrations;
  IF backup_version IS NULL THEN
    RAISE EXCEPTION 'escale: schema_migrations is empty: not an Escale database';
  END IF;
  IF backup_version > ${codeVersion} THEN
    RAISE EXCEPTION '${NEWER_THAN_CODE} %', backup_version;
  END IF;
  PERFORM pg_advisory_xact_lock(${SYNC_WRITE_LOCK});
  SELECT greatest(s.last_value, coalesce((SELECT max(server_seq) FROM public.record), 0)) + ${REBASE_MARGIN}
    INTO base FROM public.sync_seq s;
  UPDATE public.record r SET server_seq = base + o.rn
    FROM (SELECT collection, id, row_number() OVER (ORDER BY server_seq) AS rn FROM public.record) o
   WHERE r.collection = o.collection AND r.id = o.id;
  GET DIAGNOSTICS moved = ROW_COUNT;
  PERFORM setval('public.sync_seq', base + moved);
  UPDATE public.tombstone_horizon SET seq = base WHERE id = 1;
END
$escale_restore$;
`;
}

/** The refusal for a backup newer than the code, from the version the SQL reported. */
export function newerThanCodeMessage(text: string): { fr: string; en: string } | undefined {
  const m = new RegExp(`${NEWER_THAN_CODE} (\\d+)`).exec(text);
  if (!m) return undefined;
  const code = codeSchemaVersion();
  return {
    fr: `Cette sauvegarde vient d’une version plus récente d’Escale (schéma ${m[1]}, ce code connaît ${code}) : mettez d’abord le code à jour. Rien n’a été restauré.`,
    en: `This backup comes from a newer Escale (schema ${m[1]}, this code knows ${code}): upgrade the code first. Nothing was restored.`,
  };
}
