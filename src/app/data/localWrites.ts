import type { Correction } from '../../shared/domain/correction';
import type { CoverageObservation } from '../../shared/domain/coverageObservation';
import type { ItinerantSession } from '../../shared/domain/session';
import type { SealedNote } from '../../shared/domain/sealedNote';
import type { VisitLog } from '../../shared/domain/visitLog';
import { EDITABLE_COLLECTIONS, type EditableCollection, type RecordOf } from '../../shared/sync/collections';
import {
  declarationOf, directoryEditName, makesVisit, targetOf, type ArgsOf, type MutationName,
} from '../../shared/sync/mutations';
import type { ReplicaEffect } from '../../shared/sync/replicaEffect';
import { type EscaleDb, META } from './db';
import { DataLayerError, InvalidInputError, VisitAlreadySentError } from './errors';
import { checkRecord, jsonClone, localChange } from './localEffect';

/**
 * The only way screens write. Each write stores the local change (a pending edit laid over
 * the replica) AND its outbox entry in ONE Dexie transaction, with the mutation id
 * allocated inside it: a crash leaves both or neither (docs/sync.md, Push).
 */
export interface LocalWrites {
  /**
   * Any mutation of the registry (src/shared/sync/mutations.ts): its arguments checked, its
   * declared effect laid over the replica and its outbox entry stored, in one transaction.
   * The methods below are the same, named for the screens that use them.
   */
  mutate<K extends MutationName>(name: K, args: ArgsOf<K>): Promise<number>;
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
  /** Told after each committed write, with the collections it touched: refresh screens and the status, schedule a push. */
  afterWrite: (collections: ReadonlySet<string>) => Promise<void>;
  /** The account acting on a shared tablet, stamped on each outbox entry (`authorId`). */
  actingAs?: () => string | undefined;
}

/** A change as the registry names it, before its arguments are checked. */
interface Staged {
  name: MutationName;
  args: unknown;
}

/** The arguments as the registry's schema accepts them, or InvalidInputError (nothing stored). */
function checkArgs(name: string, args: unknown): { args: unknown; effect: ReplicaEffect<never> } {
  const declaration = declarationOf(name);
  if (!declaration) throw new InvalidInputError({ problem: 'unknown_mutation', name });
  const parsed = declaration.args.safeParse(args);
  if (!parsed.success) throw new InvalidInputError({ problem: 'issues', issues: parsed.error.issues });
  return { args: parsed.data, effect: declaration.effect as ReplicaEffect<never> };
}

function isEditable(c: string): c is EditableCollection {
  return (EDITABLE_COLLECTIONS as readonly string[]).includes(c);
}

function editable(collection: EditableCollection): EditableCollection {
  if (!isEditable(collection)) throw new InvalidInputError({ problem: 'not_editable', collection: String(collection) });
  return collection;
}

/** The directory edit of a record change, as the registry names it (JSON has no undefined: null removes). */
function stagedOf(change: RecordChange): Staged {
  const collection = editable(change.collection);
  if (change.op === 'create') return { name: directoryEditName(collection, 'create'), args: { record: change.record } };
  return { name: directoryEditName(collection, 'update'), args: { id: change.id, baseVersion: change.baseVersion, patch: wirePatch(change.patch) } };
}

function wirePatch(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) out[key] = value === undefined ? null : value;
  return out;
}

export function createLocalWrites({ db, now, guardWrite, afterWrite, actingAs }: LocalWritesDeps): LocalWrites {
  /**
   * Inside the caller's transaction: check the arguments, make the declared local change
   * (it may read the record shown now), allocate the next mutation id and store the outbox
   * entry with the change. A throw aborts the whole transaction, ids included.
   */
  async function stage({ name, args }: Staged, touched: Set<string>): Promise<number> {
    const checked = checkArgs(name, jsonClone(args));
    touched.add(checked.effect.collection);
    const change = await localChange(db, checked.effect, checked.args);
    const counter = await db.meta.get(META.nextMutationId);
    const mutationId = typeof counter?.value === 'number' ? counter.value : 1;
    await db.meta.put({ key: META.nextMutationId, value: mutationId + 1 });
    const authorId = actingAs?.();
    await db.outbox.add({ id: mutationId, name, args: checked.args, createdAt: now().toISOString(), ...(authorId !== undefined ? { authorId } : {}) });
    if (change) await db.pendingEdits.add({ ...change, mutationId, status: 'pending' });
    return mutationId;
  }

  /**
   * Changes in ONE transaction. The scope stays an `async` function: Dexie keeps its
   * transaction across native awaits only for those (a plain arrow commits too early).
   */
  async function write(changes: ReadonlyArray<() => Staged>, onFailure?: (index: number | undefined, error: unknown) => never): Promise<number[]> {
    let at: number | undefined;
    let ids: number[];
    const touched = new Set<string>();
    try {
      ids = await guardWrite(() => db.transaction('rw', [db.outbox, db.pendingEdits, db.meta, ...db.replicaTables], async () => {
        const out: number[] = [];
        for (const [i, change] of changes.entries()) {
          at = i;
          out.push(await stage(change(), touched));
        }
        at = undefined;
        return out;
      }));
    } catch (error) {
      if (onFailure) onFailure(at, error);
      throw error;
    }
    await afterWrite(touched);
    return ids;
  }

  const one = async (name: MutationName, args: unknown): Promise<number> => (await write([() => ({ name, args })]))[0]!;

  /** Rewrites a queued visit's outbox entry in place (same mutation id), before any push took it. */
  async function updateQueuedVisit(visit: VisitLog, sealedNotes?: SealedNote): Promise<number> {
    const id = await guardWrite(() =>
      db.transaction('rw', [db.outbox, db.pendingEdits], async () => {
        const checked = checkRecord('visit', jsonClone(sealedNotes ? { ...visit, notes: undefined } : visit));
        const entry = (await db.outbox.toArray()).find((e) => makesVisit(e.name) && targetOf(e.name, e.args)?.id === visit.id);
        if (!entry || entry.takenAt !== undefined) throw new VisitAlreadySentError();
        // Not taken: no request holds it, so its version may change with its content.
        const name: MutationName = sealedNotes ? 'visit.create@2' : 'visit.create@1';
        const { args } = checkArgs(name, jsonClone(sealedNotes ? { ...checked, sealedNotes } : checked));
        await db.outbox.update(entry.id, { name, args });
        await db.pendingEdits.update(entry.id, { record: jsonClone(checked) });
        return entry.id;
      }),
    );
    await afterWrite(new Set(['visit']));
    return id;
  }

  return {
    mutate: (name, args) => one(name, args),
    createVisit: (visit, sealedNotes) =>
      sealedNotes ? one('visit.create@2', { ...visit, notes: undefined, sealedNotes }) : one('visit.create@1', visit),
    updateQueuedVisit,
    openSession: (session) => one('session.open@1', session),
    closeSession: (id, endedAt) => one('session.close@1', { id, endedAt }),
    recordCoverage: (observation) => one('coverage.record@1', observation),
    proposeCorrection: (correction) => one('correction.propose@1', correction),
    resolveCorrection: (id, status) => one('correction.resolve@1', { id, status }),
    createRecord: (collection, record) => one(...named(stagedOf({ op: 'create', collection, record }))),
    editRecord: (collection, id, baseVersion, patch) =>
      one(...named(stagedOf({ op: 'edit', collection, id, baseVersion, patch: patch as Record<string, unknown> }))),
    deleteRecord: (collection, id, baseVersion) => one(directoryEditName(editable(collection), 'delete'), { id, baseVersion }),
    // Each change is named inside the transaction, so a bad one is a BatchWriteError with its index.
    writeRecords: (changes) => write(changes.map((change) => () => stagedOf(change)), (index, error) => {
      throw new BatchWriteError(index, error);
    }),
  };
}

const named = (staged: Staged): [MutationName, unknown] => [staged.name, staged.args];
