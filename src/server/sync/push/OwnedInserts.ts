import type { Queryable } from '../../db/Database';
import type { NoteCipher } from '../store/NoteCipher';
import { storeVisitNotes } from '../store/visitNotes';
import { APPLIED, reject, type Outcome } from './MutationContext';

export type OwnedCollection = 'visit' | 'session' | 'coverage' | 'correction';

/** A device record its author creates once, keyed by a device UUID. */
export interface OwnedRecord {
  collection: OwnedCollection;
  record: { id: string; territoryId: string };
  /** A visit's note in clear (memory only): stored sealed in visit_note, never in `record`. */
  note?: string;
}

/** Whose device record it is: the session's user and device. */
export interface RecordOwner {
  userId: string;
  clientId: string;
}

interface Pending extends OwnedRecord, RecordOwner {
  mutationId: number;
}

/** Where applyMutation queues a device record's insert (one push's view of OwnedInserts). */
export interface InsertQueue {
  /** Inserts waiting, of every push sharing the queue. */
  readonly size: number;
  add(mutationId: number, insert: OwnedRecord): void;
}

/** A queued insert's outcome, by device and mutation id. */
export interface InsertOutcome {
  clientId: string;
  mutationId: number;
  outcome: Outcome;
}

/**
 * The inserts of a run of consecutive create mutations in one push (a tablet's visit logs),
 * written by ONE multi-row INSERT instead of one round trip each: a push of 1,000 visit
 * logs is then a handful of statements. Same rules as one insert at a time: version 1,
 * a fresh seq per row, `ON CONFLICT DO NOTHING` as the second guard behind the mutation id,
 * and a UUID already stored is `applied` when it is the same author's (a device re-sending
 * after losing its client id), `already_exists` otherwise.
 *
 * The caller holds the sync write lock and flushes before any mutation that reads or
 * writes records, so later mutations of the batch see these rows (session.close of a
 * session opened in the same push).
 *
 * Several pushes applied in one transaction (PushBatcher) share one OwnedInserts: each row
 * carries its own owner, so the visit logs of 30 tablets are still one INSERT.
 */
export class OwnedInserts {
  private pending: Pending[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly at: { now: Date; notes: NoteCipher },
  ) {}

  get size(): number {
    return this.pending.length;
  }

  /** The queue as one device's push sees it: what it adds is that device's. */
  forOwner(owner: RecordOwner): InsertQueue {
    const size = () => this.size;
    const add = (mutationId: number, insert: OwnedRecord) => {
      this.pending.push({ ...insert, ...owner, mutationId });
    };
    return {
      get size() {
        return size();
      },
      add,
    };
  }

  /** Writes what is waiting; returns each waiting mutation's outcome. */
  async flush(): Promise<InsertOutcome[]> {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return [];
    const { rows } = await this.tx.query<{ collection: string; id: string }>(
      `INSERT INTO record (collection, id, territory_id, owner_id, client_id, mutation_id, version, server_seq, created_at, updated_at, data)
       SELECT r.collection, r.id, r.territory_id, r.owner_id, r.client_id, r.mutation_id, 1, nextval('sync_seq'), $7, $7, r.data
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $8::jsonb[]) WITH ORDINALITY
              AS r(collection, id, territory_id, mutation_id, owner_id, client_id, data, ord)
        ORDER BY r.ord
       ON CONFLICT DO NOTHING RETURNING collection, id`,
      [
        batch.map((p) => p.collection), batch.map((p) => p.record.id), batch.map((p) => p.record.territoryId),
        batch.map((p) => p.mutationId), batch.map((p) => p.userId), batch.map((p) => p.clientId), this.at.now,
        batch.map((p) => JSON.stringify(p.record)),
      ],
    );
    const key = (collection: string, id: string) => `${collection}\u0000${id}`;
    const inserted = new Set(rows.map((r) => key(r.collection, r.id)));
    const outcomes: InsertOutcome[] = [];
    const missed: Pending[] = [];
    const notes: Pending[] = [];
    for (const p of batch) {
      const k = key(p.collection, p.record.id);
      // A UUID twice in one batch: the first one inserted it, the later ones are repeats.
      if (inserted.delete(k)) {
        outcomes.push({ clientId: p.clientId, mutationId: p.mutationId, outcome: APPLIED });
        if (p.note !== undefined) notes.push(p);
      } else missed.push(p);
    }
    await storeVisitNotes(this.tx, this.at.notes, notes.map((p) => ({
      visitId: p.record.id, territoryId: p.record.territoryId, ownerId: p.userId, text: p.note!,
    })), this.at.now);
    if (missed.length) {
      const existing = await this.tx.query<{ collection: string; id: string; owner_id: string | null }>(
        `SELECT r.collection, r.id, r.owner_id FROM record r
           JOIN unnest($1::text[], $2::text[]) AS m(collection, id) ON r.collection = m.collection AND r.id = m.id`,
        [missed.map((p) => p.collection), missed.map((p) => p.record.id)],
      );
      const owners = new Map(existing.rows.map((r) => [key(r.collection, r.id), r.owner_id]));
      for (const p of missed) {
        outcomes.push({
          clientId: p.clientId,
          mutationId: p.mutationId,
          outcome: owners.get(key(p.collection, p.record.id)) === p.userId
            ? APPLIED
            : reject('already_exists', 'Un enregistrement avec cet identifiant existe déjà.'),
        });
      }
    }
    return outcomes;
  }
}
