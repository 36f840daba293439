import type { Database, Queryable } from '../../db/Database';
import { NoteCipher, UnknownNotesKeyError, type NoteBoxRow } from './NoteCipher';
import { lockSyncWrites } from './records';

// Visit notes at rest on the server (migration 006): one encrypted row per visit in
// `visit_note`, never in the replicated `record` row, whose body says only `noteState`.

export interface NoteToStore {
  visitId: string;
  territoryId: string;
  ownerId: string;
  text: string;
}

/** Seals and stores notes of visits just inserted (same transaction). A note already there stays. */
export async function storeVisitNotes(tx: Queryable, cipher: NoteCipher, notes: readonly NoteToStore[], now: Date): Promise<void> {
  if (!notes.length) return;
  const boxes = notes.map((n) => cipher.seal(n.visitId, n.text));
  await tx.query(
    `INSERT INTO visit_note (visit_id, territory_id, owner_id, kid, iv, ct, created_at)
     SELECT * , $7::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (visit_id) DO NOTHING`,
    [notes.map((n) => n.visitId), notes.map((n) => n.territoryId), notes.map((n) => n.ownerId),
      boxes.map((b) => b.kid), boxes.map((b) => b.iv), boxes.map((b) => b.ct), now],
  );
}

export interface StoredNote {
  visitId: string;
  ownerId: string;
  createdAt: string;
  text: string;
}

/** The note of a visit of `territoryId` in clear, or undefined when there is none. */
export async function readVisitNote(db: Queryable, cipher: NoteCipher, visitId: string, territoryId: string): Promise<StoredNote | undefined> {
  const { rows } = await db.query<NoteBoxRow & { owner_id: string; created_at: Date }>(
    'SELECT kid, iv, ct, owner_id, created_at FROM visit_note WHERE visit_id = $1 AND territory_id = $2', [visitId, territoryId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { visitId, ownerId: row.owner_id, createdAt: new Date(row.created_at).toISOString(), text: cipher.open(visitId, row) };
}

/**
 * Marks visits' notes removed in their replicated rows (version + 1, new seq): every
 * device in scope pulls the change, and the author's tablet drops its own copy.
 */
async function markRemoved(tx: Queryable, visitIds: readonly string[], now: Date): Promise<void> {
  if (!visitIds.length) return;
  await tx.query(
    `UPDATE record SET data = (data - 'notes') || '{"noteState":"removed"}'::jsonb,
            version = version + 1, server_seq = nextval('sync_seq'), updated_at = $2
      WHERE collection = 'visit' AND id = ANY($1::text[])`,
    [visitIds, now],
  );
}

/** Erases one visit's note (a person's request), `alsoInTx` (its audit line) in the same transaction; false when there is none. */
export async function eraseVisitNote(
  db: Database, visitId: string, territoryId: string, now: Date, alsoInTx?: (tx: Queryable) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const { rows } = await tx.query('DELETE FROM visit_note WHERE visit_id = $1 AND territory_id = $2 RETURNING 1', [visitId, territoryId]);
    if (!rows.length) return false;
    await markRemoved(tx, [visitId], now);
    await alsoInTx?.(tx);
    return true;
  });
}

/**
 * The retention (ESCALE_NOTES_RETENTION_DAYS): notes of visits received more than
 * `retentionDays` ago are deleted, and their visits marked removed so that every replica
 * drops its copy. A clear note of an older version still in a row goes the same way.
 * Returns the number of visits changed.
 */
export async function purgeVisitNotes(db: Database, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const deleted = await tx.query<{ visit_id: string }>('DELETE FROM visit_note WHERE created_at < $1 RETURNING visit_id', [before]);
    const clear = await tx.query<{ id: string }>(
      "SELECT id FROM record WHERE collection = 'visit' AND deleted_at IS NULL AND data ? 'notes' AND created_at < $1", [before],
    );
    const ids = [...new Set([...deleted.rows.map((r) => r.visit_id), ...clear.rows.map((r) => r.id)])];
    await markRemoved(tx, ids, now);
    return ids.length;
  });
}

/**
 * Notes an older version left in clear in `record` (before migration 006) move into
 * `visit_note`, encrypted, and their rows get a new version without them, so the office
 * replicas that pulled them replace their copy. Run at every start; a no-op afterwards.
 */
export async function moveClearNotes(db: Database, cipher: NoteCipher, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const { rows } = await tx.query<{ id: string; territory_id: string; owner_id: string | null; created_at: Date; notes: string }>(
      "SELECT id, territory_id, owner_id, created_at, data->>'notes' AS notes FROM record WHERE collection = 'visit' AND data ? 'notes'",
    );
    if (!rows.length) return 0;
    for (const r of rows) {
      if (r.notes.trim() === '') continue;
      const box = cipher.seal(r.id, r.notes);
      await tx.query(
        `INSERT INTO visit_note (visit_id, territory_id, owner_id, kid, iv, ct, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (visit_id) DO NOTHING`,
        [r.id, r.territory_id, r.owner_id ?? '', box.kid, box.iv, box.ct, r.created_at],
      );
    }
    await tx.query(
      `UPDATE record SET data = (data - 'notes') || CASE WHEN btrim(data->>'notes') = '' THEN '{}'::jsonb ELSE '{"noteState":"server"}'::jsonb END,
              version = version + 1, server_seq = nextval('sync_seq'), updated_at = $2
        WHERE collection = 'visit' AND id = ANY($1::text[])`,
      [rows.map((r) => r.id), now],
    );
    return rows.length;
  });
}

export interface RotationReport {
  rotated: number;
  /** Notes under a key the cipher does not hold: left as they are. */
  unopened: number;
}

/**
 * Re-encrypts every note not under the current key (`npm run notes:rotate-key`), 200 rows
 * per transaction, each row checked against the kid it was read with (a concurrent
 * rotation or erasure wins). After it, the previous keys may be dropped from the
 * configuration.
 */
export async function rotateVisitNotes(db: Database, cipher: NoteCipher): Promise<RotationReport> {
  const report: RotationReport = { rotated: 0, unopened: 0 };
  let after = '';
  for (;;) {
    const { rows } = await db.query<NoteBoxRow & { visit_id: string }>(
      'SELECT visit_id, kid, iv, ct FROM visit_note WHERE kid <> $1 AND visit_id > $2 ORDER BY visit_id LIMIT 200', [cipher.currentKid, after],
    );
    if (!rows.length) return report;
    after = rows[rows.length - 1]!.visit_id;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        let text: string;
        try {
          text = cipher.open(row.visit_id, row);
        } catch (error) {
          if (!(error instanceof UnknownNotesKeyError)) throw error;
          report.unopened++;
          continue;
        }
        const box = cipher.seal(row.visit_id, text);
        const done = await tx.query('UPDATE visit_note SET kid = $2, iv = $3, ct = $4 WHERE visit_id = $1 AND kid = $5 RETURNING 1', [
          row.visit_id, box.kid, box.iv, box.ct, row.kid,
        ]);
        report.rotated += done.rows.length;
      }
    });
  }
}

/** How many notes rest under each key (the rotation command's report). */
export async function notesByKey(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ kid: string; n: unknown }>('SELECT kid, count(*) AS n FROM visit_note GROUP BY kid');
  return new Map(rows.map((r) => [r.kid, Number(r.n)]));
}
