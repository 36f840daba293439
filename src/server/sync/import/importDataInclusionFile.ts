import { importDataInclusion } from '../../../shared/datainclusion/importDataInclusion';
import { planImport, UNAVAILABLE_REASON, type CurrentPlace, type ImportPlan } from '../../../shared/datainclusion/planImport';
import type { Place } from '../../../shared/domain/place';
import type { Territory } from '../../../shared/domain/territory';
import { writeAudit } from '../../admin/writeAudit';
import type { Database, Queryable } from '../../db/Database';
import { insertRecord, lockSyncWrites, replaceRecord } from '../store/records';

// A data·inclusion file imported on the server, for staff without a browser: the HTTP
// endpoint (http/importRoutes.ts) and `npm run import:datainclusion` (cli/importDataInclusion.ts).
// The checks and the report are the transfer screen's (shared/datainclusion/planImport.ts).
//
// - A refused record changes nothing; the file's other records are imported (as the
//   screen does), and the report names each refusal: record id, field, reason.
// - Everything the import writes is ONE transaction under the sync write lock, read and
//   planned inside it: every place is written, or none (a failure rolls all back).
// - Each created or updated place is a new version with a new server_seq (it reaches
//   every device at its next pull) and one audit line, like an office edit.
// - A place already equal to the file's record is `unchanged`: a second import of the
//   same file writes nothing.

export interface ImportFileRequest {
  territoryId: string;
  /** The parsed file (or the pages of the API, merged by the caller). */
  json: unknown;
  dryRun: boolean;
  now: Date;
  /** Who imports, for the audit log: an account id, or `cli:<user>` from the shell. */
  actorId: string;
}

export type ImportFileOutcome =
  | { kind: 'ok'; plan: ImportPlan; written: boolean }
  | { kind: 'unknown_territory' };

const parisToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);

interface Directory {
  territory: Territory;
  current: Map<string, CurrentPlace>;
  /** Ids a create cannot take: deleted places, and places of other territories met so far. */
  unavailable: Map<string, string>;
}

async function readDirectory(q: Queryable, territoryId: string): Promise<Directory | undefined> {
  const { rows: territories } = await q.query<{ data: Territory }>(
    "SELECT data FROM record WHERE collection = 'territory' AND id = $1 AND deleted_at IS NULL", [territoryId],
  );
  if (!territories[0]) return undefined;
  const { rows } = await q.query<{ id: string; version: number; deleted: boolean; data: Place }>(
    "SELECT id, version, deleted_at IS NOT NULL AS deleted, data FROM record WHERE collection = 'place' AND territory_id = $1", [territoryId],
  );
  const current = new Map<string, CurrentPlace>();
  const unavailable = new Map<string, string>();
  for (const row of rows) {
    if (row.deleted) unavailable.set(row.id, UNAVAILABLE_REASON.deleted);
    else current.set(row.id, { record: row.data, version: Number(row.version) });
  }
  return { territory: territories[0].data, current, unavailable };
}

/** The ids among `ids` that a place of another territory already has (the record key is global). */
async function takenElsewhere(q: Queryable, territoryId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM record WHERE collection = 'place' AND territory_id <> $1 AND id = ANY($2::text[])", [territoryId, ids],
  );
  return rows.map((r) => r.id);
}

async function plan(q: Queryable, directory: Directory, req: ImportFileRequest): Promise<{ plan: ImportPlan; places: Map<string, Place> }> {
  const result = importDataInclusion(req.json, {
    territoryId: req.territoryId, communes: directory.territory.communes,
    existingPlaces: [...directory.current.values()].map((p) => p.record), today: parisToday(req.now),
  });
  const places = new Map(result.records.flatMap((r) => (r.status === 'ok' && r.place ? [[r.place.id, r.place] as const] : [])));
  const creates = result.records.flatMap((r) => (r.place && !directory.current.has(r.place.id) ? [r.place.id] : []));
  for (const id of await takenElsewhere(q, req.territoryId, creates)) directory.unavailable.set(id, UNAVAILABLE_REASON.elsewhere);
  return { plan: planImport(result, directory.current, directory.unavailable), places };
}

export async function importDataInclusionFile(db: Database, req: ImportFileRequest): Promise<ImportFileOutcome> {
  if (req.dryRun) {
    const directory = await readDirectory(db, req.territoryId);
    return directory ? { kind: 'ok', plan: (await plan(db, directory, req)).plan, written: false } : { kind: 'unknown_territory' };
  }
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const directory = await readDirectory(tx, req.territoryId);
    if (!directory) return { kind: 'unknown_territory' } as const;
    const planned = await plan(tx, directory, req);
    for (const change of planned.plan.changes) {
      if (change.op === 'create') {
        const inserted = await insertRecord(tx, { collection: 'place', id: change.place.id, territoryId: req.territoryId, data: change.place, now: req.now });
        // Read under the lock just above: an id taken now is a bug, and rolls everything back.
        if (!inserted) throw new Error(`place ${change.place.id} exists already`);
        await writeAudit(tx, { actorId: req.actorId, action: 'place.create', target: change.place.id, details: { version: 1, via: 'datainclusion.import' }, at: req.now });
      } else {
        await replaceRecord(tx, 'place', change.id, planned.places.get(change.id), req.now);
        await writeAudit(tx, { actorId: req.actorId, action: 'place.update', target: change.id, details: { version: change.baseVersion + 1, via: 'datainclusion.import' }, at: req.now });
      }
    }
    return { kind: 'ok', plan: planned.plan, written: planned.plan.changes.length > 0 };
  });
}
