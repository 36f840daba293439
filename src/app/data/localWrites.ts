import { describeIssues } from '../../shared/domain/formatIssues';
import type { Correction } from '../../shared/domain/correction';
import type { CoverageObservation } from '../../shared/domain/coverageObservation';
import type { ItinerantSession } from '../../shared/domain/session';
import type { SealedNote } from '../../shared/domain/sealedNote';
import type { VisitLog } from '../../shared/domain/visitLog';
import { COLLECTION_SCHEMAS, EDITABLE_COLLECTIONS, type Collection, type EditableCollection, type RecordOf } from '../../shared/sync/collections';
import { MUTATION_ARGS } from '../../shared/sync/mutations';
import { type EscaleDb, type PendingEdit, META } from './db';
import { DataLayerError, InvalidInputError, RecordNotFoundError, VisitAlreadySentError } from './errors';
import { readVisibleRaw } from './readCollection';

/**
 * The only way screens write. Each write stores the local change (a pending edit laid over
 * the replica) AND its outbox entry in ONE Dexie transaction, with the mutation id
 * allocated inside it: a crash leaves both or neither (SYNC.md, Push).
 */
export interface LocalWrites {
  /**
   * With `sealedNotes` (the note sealed for the server), the entry is a `visit.create@2`
   * whose args carry the sealed box and no `notes`; otherwise a `visit.create@1`.
   */
  createVisit(visit: VisitLog, sealedNotes?: SealedNote): Promise<number>;
  /**
   * Correct a visit still queued: rewrites its record and its SAME outbox entry (same
   * mutation id) in one transaction. Refused with VisitAlreadySentError once a push has
   * taken the entry (`takenAt`), or when it is no longer in the outbox.
   */
  updateQueuedVisit(visit: VisitLog, sealedNotes?: SealedNote): Promise<number>;
  openSession(session: ItinerantSession): Promise<number>;
  closeSession(id: string, endedAt: string): Promise<number>;
  recordCoverage(observation: CoverageObservation): Promise<number>;
  proposeCorrection(correction: Correction): Promise<number>;
  resolveCorrection(id: string, status: 'accepted' | 'refused'): Promise<number>;
  createRecord<C extends EditableCollection>(collection: C, record: RecordOf<C>): Promise<number>;
  /** `patch` replaces whole fields; a field set to undefined is removed. */
  editRecord<C extends EditableCollection>(collection: C, id: string, baseVersion: number, patch: Partial<RecordOf<C>>): Promise<number>;
  deleteRecord(collection: EditableCollection, id: string, baseVersion: number): Promise<number>;
  /**
   * Several creates and edits as ONE transaction (a data·inclusion import): every record
   * and its outbox entry, or none of them. Resolves to the mutation ids in order; on a
   * failure rejects with a BatchWriteError naming the change that failed (when one did).
   */
  writeRecords(changes: readonly RecordChange[]): Promise<number[]>;
}

export type RecordChange =
  | { op: 'create'; collection: EditableCollection; record: RecordOf<EditableCollection> }
  | { op: 'edit'; collection: EditableCollection; id: string; baseVersion: number; patch: Record<string, unknown> };

/** A batch was refused as a whole; `index` is the change that failed (undefined: at commit). */
export class BatchWriteError extends DataLayerError {
  constructor(readonly index: number | undefined, cause: unknown) {
    super((cause as { code?: string }).code ?? 'batch_failed', cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export interface LocalWritesDeps {
  db: EscaleDb;
  now: () => Date;
  /** Wraps each transaction (quota errors → StorageFullError). */
  guardWrite: <T>(write: () => Promise<T>) => Promise<T>;
  /** Told after each committed write: refresh screens and the status, schedule a push. */
  afterWrite: () => Promise<void>;
  /** The account acting on a shared tablet, stamped on each outbox entry (`authorId`). */
  actingAs?: () => string | undefined;
}

type LocalChange = Omit<PendingEdit, 'mutationId' | 'status'>;
type Prepare = () => Promise<{ args: unknown; change?: LocalChange }>;

const VISIT_CREATE: readonly string[] = ['visit.create@1', 'visit.create@2'];

function checkArgs(name: string, args: unknown): unknown {
  const schema = MUTATION_ARGS[name];
  if (!schema) throw new InvalidInputError(`action inconnue (${name})`);
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new InvalidInputError(describeIssues(parsed.error.issues));
  return parsed.data;
}

function checkRecord<C extends Collection>(collection: C, record: unknown): RecordOf<C> {
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(record);
  if (!parsed.success) throw new InvalidInputError(describeIssues(parsed.error.issues));
  return parsed.data as RecordOf<C>;
}

function isEditable(c: string): c is EditableCollection {
  return (EDITABLE_COLLECTIONS as readonly string[]).includes(c);
}

/** JSON has no `undefined`: what the server receives is what we store. */
function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createLocalWrites({ db, now, guardWrite, afterWrite, actingAs }: LocalWritesDeps): LocalWrites {
  /**
   * Inside the caller's transaction: allocate the next mutation id and store the outbox
   * entry and the local change. `prepare` runs inside it (reads the current record for an
   * edit). A throw aborts the whole transaction, ids included.
   */
  async function stage(name: string, prepare: Prepare): Promise<number> {
    const { args, change } = await prepare();
    const stored = checkArgs(name, jsonClone(args));
    const counter = await db.meta.get(META.nextMutationId);
    const mutationId = typeof counter?.value === 'number' ? counter.value : 1;
    await db.meta.put({ key: META.nextMutationId, value: mutationId + 1 });
    const authorId = actingAs?.();
    await db.outbox.add({ id: mutationId, name, args: stored, createdAt: now().toISOString(), ...(authorId !== undefined ? { authorId } : {}) });
    if (change) await db.pendingEdits.add({ ...change, mutationId, status: 'pending' });
    return mutationId;
  }

  /**
   * One change, one transaction. The scope stays an `async` function: Dexie keeps its
   * transaction across native awaits only for those (a plain arrow commits too early).
   */
  async function write(name: string, prepare: Prepare): Promise<number> {
    const id = await guardWrite(() => db.transaction('rw', [db.outbox, db.pendingEdits, db.meta, db.rows], async () => await stage(name, prepare)));
    await afterWrite();
    return id;
  }

  const own = <C extends Collection>(collection: C, record: RecordOf<C> & { id: string }): LocalChange => ({
    collection, id: record.id, op: 'put', record: jsonClone(record), baseVersion: 0,
  });

  return {
    createVisit: (visit, sealedNotes) => sealedNotes
      ? write('visit.create@2', async () => {
        const { notes: _never, ...record } = visit;
        return { args: { ...record, sealedNotes }, change: own('visit', checkRecord('visit', record)) };
      })
      : write('visit.create@1', async () => ({ args: visit, change: own('visit', checkRecord('visit', visit)) })),
    async updateQueuedVisit(visit, sealedNotes) {
      const id = await guardWrite(() =>
        db.transaction('rw', [db.outbox, db.pendingEdits], async () => {
          const checked = checkRecord('visit', jsonClone(sealedNotes ? { ...visit, notes: undefined } : visit));
          const entry = (await db.outbox.toArray()).find((e) =>
            VISIT_CREATE.includes(e.name) && typeof e.args === 'object' && e.args !== null && (e.args as { id?: unknown }).id === visit.id);
          if (!entry || entry.takenAt !== undefined) throw new VisitAlreadySentError();
          // Not taken: no request holds it, so its version may change with its content.
          const name = sealedNotes ? 'visit.create@2' : 'visit.create@1';
          const args = checkArgs(name, jsonClone(sealedNotes ? { ...checked, sealedNotes } : checked));
          await db.outbox.update(entry.id, { name, args });
          await db.pendingEdits.update(entry.id, { record: jsonClone(checked) });
          return entry.id;
        }),
      );
      await afterWrite();
      return id;
    },
    openSession: (session) => write('session.open@1', async () => ({ args: session, change: own('session', checkRecord('session', session)) })),
    closeSession: (id, endedAt) =>
      write('session.close@1', async () => {
        const visible = await readVisibleRaw(db, 'session', id);
        const args = { id, endedAt };
        if (!visible) return { args };
        const record = checkRecord('session', { ...(visible.record as object), endedAt });
        return { args, change: { collection: 'session', id, op: 'put', record, baseVersion: visible.version } };
      }),
    recordCoverage: (o) => write('coverage.record@1', async () => ({ args: o, change: own('coverage', checkRecord('coverage', o)) })),
    proposeCorrection: (c) => write('correction.propose@1', async () => ({ args: c, change: own('correction', checkRecord('correction', c)) })),
    resolveCorrection: (id, status) =>
      write('correction.resolve@1', async () => {
        const visible = await readVisibleRaw(db, 'correction', id);
        const args = { id, status };
        if (!visible) return { args };
        const record = checkRecord('correction', { ...(visible.record as object), status });
        return { args, change: { collection: 'correction', id, op: 'put', record, baseVersion: visible.version } };
      }),
    createRecord: (collection, record) => write(...create(collection, record)),
    editRecord: (collection, id, baseVersion, patch) => write(...edit(collection, id, baseVersion, patch as Record<string, unknown>)),
    deleteRecord: (collection, id, baseVersion) => {
      if (!isEditable(collection)) throw new InvalidInputError(`collection non modifiable (${String(collection)})`);
      return write(`${collection}.delete@1`, async () => {
        const visible = await readVisibleRaw(db, collection, id);
        if (!visible) throw new RecordNotFoundError(collection, id);
        return { args: { id, baseVersion }, change: { collection, id, op: 'delete', baseVersion } };
      });
    },
    async writeRecords(changes) {
      let failed: number | undefined;
      let ids: number[];
      try {
        ids = await guardWrite(() => db.transaction('rw', [db.outbox, db.pendingEdits, db.meta, db.rows], async () => {
          const out: number[] = [];
          for (const [i, c] of changes.entries()) {
            failed = i;
            out.push(await stage(...(c.op === 'create' ? create(c.collection, c.record) : edit(c.collection, c.id, c.baseVersion, c.patch))));
          }
          failed = undefined;
          return out;
        }));
      } catch (error) {
        throw new BatchWriteError(failed, error);
      }
      await afterWrite();
      return ids;
    },
  };

  function create(collection: EditableCollection, record: unknown): [string, Prepare] {
    if (!isEditable(collection)) throw new InvalidInputError(`collection non modifiable (${String(collection)})`);
    return [`${collection}.create@1`, async () => {
      const checked = checkRecord(collection, record);
      if (await readVisibleRaw(db, collection, checked.id)) throw new InvalidInputError(`une fiche porte déjà l'identifiant ${checked.id}`);
      return { args: { record: checked }, change: own(collection, checked) };
    }];
  }

  function edit(collection: EditableCollection, id: string, baseVersion: number, patch: Record<string, unknown>): [string, Prepare] {
    if (!isEditable(collection)) throw new InvalidInputError(`collection non modifiable (${String(collection)})`);
    return [`${collection}.update@1`, async () => {
      const visible = await readVisibleRaw(db, collection, id);
      if (!visible) throw new RecordNotFoundError(collection, id);
      // The wire uses merge-patch: `null` removes an optional field (JSON has no undefined).
      const wirePatch: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) wirePatch[key] = value === undefined ? null : value;
      const merged: Record<string, unknown> = { ...(visible.record as Record<string, unknown>), ...patch, id };
      for (const k of Object.keys(merged)) if (merged[k] === undefined || merged[k] === null) delete merged[k];
      const record = checkRecord(collection, merged);
      return {
        args: { id, baseVersion, patch: wirePatch },
        change: { collection, id, op: 'put', record, baseVersion },
      };
    }];
  }
}
