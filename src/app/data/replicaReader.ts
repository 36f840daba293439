import type { Collection, RecordOf } from '../../shared/sync/collections';
import type { VisitLog } from '../../shared/domain/visitLog';
import type { ItinerantSession } from '../../shared/domain/session';
import type { DirectoryReader } from './contracts';
import type { ChangeFeed } from './changeFeed';
import type { EscaleDb } from './db';
import { readCollection, readOne, type RecordParser } from './readCollection';

/** DirectoryReader, plus what staff and aidant screens need to edit (versions, own activity). */
export interface ReplicaReader extends DirectoryReader {
  /** The version an edit of this record must carry as baseVersion (pending edits included). */
  versionOf(collection: Collection, id: string): Promise<number | undefined>;
  /** Any collection, pending edits laid over, parsed. */
  list<C extends Collection>(collection: C): Promise<Array<{ record: RecordOf<C>; version: number; pending: boolean }>>;
  /** Visit logs in scope (own ones for an aidant, the territory's for staff) plus unsent ones. */
  visits(): Promise<VisitLog[]>;
  /** Sessions opened on this device and not yet seen back from the server, plus pulled ones. */
  sessions(): Promise<ItinerantSession[]>;
}

export function createReplicaReader(db: EscaleDb, parser: RecordParser, feed: ChangeFeed, territoryId: string | undefined): ReplicaReader {
  const records = async <C extends Collection>(c: C): Promise<RecordOf<C>[]> => (await readCollection(db, parser, c)).map((p) => p.record);
  return {
    async territory() {
      if (territoryId) {
        const one = await readOne(db, parser, 'territory', territoryId);
        if (one) return one.record;
      }
      return (await records('territory'))[0];
    },
    places: () => records('place'),
    async place(id) { return (await readOne(db, parser, 'place', id))?.record; },
    tours: () => records('tour'),
    mobilityOffers: () => records('mobility'),
    checklists: () => records('checklist'),
    async checklist(id) { return (await readOne(db, parser, 'checklist', id))?.record; },
    onChange: (listener) => feed.onChange(listener),
    async versionOf(collection, id) { return (await readOne(db, parser, collection, id))?.version; },
    list: (collection) => readCollection(db, parser, collection),
    visits: () => records('visit'),
    sessions: () => records('session'),
  };
}
