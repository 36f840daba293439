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

interface Pending extends OwnedRecord {
  mutationId: number;
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
 */
export class OwnedInserts {
  private pending: Pending[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly owner: { userId: string; clientId: string; now: Date; notes: NoteCipher },
  ) {}

  get size(): number {
    return this.pending.length;
  }

  add(mutationId: number, insert: OwnedRecord): void {
    this.pending.push({ ...insert, mutationId });
  }

  /** Writes what is waiting; returns each waiting mutation's outcome by id. */
  async flush(): Promise<Map<number, Outcome>> {
    const batch = this.pending;
    this.pending = [];
    const outcomes = new Map<number, Outcome>();
    if (!batch.length) return outcomes;
    const { rows } = await this.tx.query<{ collection: string; id: string }>(
      `INSERT INTO record (collection, id, territory_id, owner_id, client_id, mutation_id, version, server_seq, created_at, updated_at, data)
       SELECT r.collection, r.id, r.territory_id, $5, $6::uuid, r.mutation_id, 1, nextval('sync_seq'), $7, $7, r.data
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $8::jsonb[]) WITH ORDINALITY
              AS r(collection, id, territory_id, mutation_id, data, ord)
        ORDER BY r.ord
       ON CONFLICT DO NOTHING RETURNING collection, id`,
      [
        batch.map((p) => p.collection), batch.map((p) => p.record.id), batch.map((p) => p.record.territoryId),
        batch.map((p) => p.mutationId), this.owner.userId, this.owner.clientId, this.owner.now,
        batch.map((p) => JSON.stringify(p.record)),
      ],
    );
    const key = (collection: string, id: string) => `${collection}\u0000${id}`;
    const inserted = new Set(rows.map((r) => key(r.collection, r.id)));
    const missed: Pending[] = [];
    const notes: Pending[] = [];
    for (const p of batch) {
      const k = key(p.collection, p.record.id);
      // A UUID twice in one push: the first one inserted it, the later ones are repeats.
      if (inserted.delete(k)) {
        outcomes.set(p.mutationId, APPLIED);
        if (p.note !== undefined) notes.push(p);
      } else missed.push(p);
    }
    await storeVisitNotes(this.tx, this.owner.notes, notes.map((p) => ({
      visitId: p.record.id, territoryId: p.record.territoryId, ownerId: this.owner.userId, text: p.note!,
    })), this.owner.now);
    if (missed.length) {
      const existing = await this.tx.query<{ collection: string; id: string; owner_id: string | null }>(
        `SELECT r.collection, r.id, r.owner_id FROM record r
           JOIN unnest($1::text[], $2::text[]) AS m(collection, id) ON r.collection = m.collection AND r.id = m.id`,
        [missed.map((p) => p.collection), missed.map((p) => p.record.id)],
      );
      const owners = new Map(existing.rows.map((r) => [key(r.collection, r.id), r.owner_id]));
      for (const p of missed) {
        outcomes.set(p.mutationId, owners.get(key(p.collection, p.record.id)) === this.owner.userId
          ? APPLIED
          : reject('already_exists', 'Un enregistrement avec cet identifiant existe déjà.'));
      }
    }
    return outcomes;
  }
}
