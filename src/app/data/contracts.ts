import type { Checklist } from '../../shared/domain/checklist';
import type { MobilityOffer } from '../../shared/domain/mobilityOffer';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { Tour } from '../../shared/domain/tour';
import type { ReadonlySignal } from '@preact/signals';
import type { NoteServerKey } from '../../shared/domain/sealedNote';
import type { ItinerantSession } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import type { VisitLog } from '../../shared/domain/visitLog';
import type { KeyValueStore } from './keyValueStore';
import type { LocalWrites } from './localWrites';
import type { WipeNotice } from './wipeRevokedDevice';
import type { ChangeListener } from './changeFeed';

export type { WipeNotice } from './wipeRevokedDevice';

// What screens may ask of the data layer. Screens never touch Dexie or fetch: they call
// these repositories (docs/architecture.md). The Dexie implementation lives beside
// this file; tests may use an in-memory twin.

/** The replicated directory, with pending local edits laid over the server rows. */
export interface DirectoryReader {
  territory(): Promise<Territory | undefined>;
  places(): Promise<Place[]>;
  place(id: string): Promise<Place | undefined>;
  tours(): Promise<Tour[]>;
  mobilityOffers(): Promise<MobilityOffer[]>;
  checklists(): Promise<Checklist[]>;
  checklist(id: string): Promise<Checklist | undefined>;
  /**
   * Called after any change to the replica (a pulled page, a local edit), with the
   * collections it touched when they are known (ChangedCollections). Returns unsubscribe.
   */
  onChange(listener: ChangeListener): () => void;
}

/** Small things a person chooses on their own device, kept across visits (idb-keyval). */
export interface Preferences {
  /** INSEE code of the commune the person chose, or undefined. */
  getCommune(): Promise<string | undefined>;
  setCommune(insee: string | undefined): Promise<void>;
  getLanguage(): Promise<'fr' | 'en' | undefined>;
  setLanguage(lang: 'fr' | 'en'): Promise<void>;
  /** Documents a person ticked as "I have it" in a checklist, per checklist id. */
  getTickedDocuments(checklistId: string): Promise<string[]>;
  setTickedDocuments(checklistId: string, documentIds: string[]): Promise<void>;
}

/** The network line's state (derived by ../replica/deriveStatus.ts from the engine's facts). */
export type { SyncStatus } from '../replica/syncStatus';

/** An outbox entry as the "what is waiting" screen shows it (no arguments beyond the ids). */
export interface PendingChange {
  mutationId: number;
  /** Mutation name, e.g. `visit.create@1`. */
  name: string;
  /** The record the change is about (a visit's or a session's id), when it has one. */
  recordId?: string;
  createdAt: string;
  /** A push has taken it: the server may already hold it (no correction in place). */
  taken: boolean;
  /** Another aidant's change, sealed for the server when this one opened the tablet: no record id, unreadable here. */
  sealed?: true;
}

/**
 * What the aidant space asks of the data layer (handed over by wiring.ts; an in-memory twin
 * in tests). The account and its token are the device's online sign-in; the tablet's
 * profiles and the PIN-sealed notes live in their own small stores (`KeyValueStore`).
 */
export interface AidantBackend {
  readonly account: ReadonlySignal<User | undefined>;
  /** Online sign-in; resolves with the session token for the tablet's profile of this aidant. */
  login(login: string, password: string): Promise<{ user: User; token: string }>;
  /** Refused (LogoutRefusedError) while changes wait. */
  logout(): Promise<void>;
  readonly writes: Pick<LocalWrites, 'mutate' | 'createVisit' | 'updateQueuedVisit' | 'openSession' | 'closeSession' | 'recordCoverage' | 'proposeCorrection'>;
  /** The aidant now at the tablet: their writes are stamped and pushed under their name. */
  setActingAccount?(userId: string | undefined): void;
  /** The server's key for sealing notes, kept on the device (undefined: notes stay local). */
  noteServerKey?(): Promise<NoteServerKey | undefined>;
  /** Fetch it again when online (after a sign-in or an unlock). */
  refreshNoteServerKey?(): Promise<NoteServerKey | undefined>;
  visits(): Promise<VisitLog[]>;
  sessions(): Promise<ItinerantSession[]>;
  pending(): Promise<PendingChange[]>;
  readonly profiles: KeyValueStore;
  readonly notes: KeyValueStore;
  /** Set once the office revoked this tablet and it wiped what it held (a lost tablet). */
  readonly wiped?: ReadonlySignal<WipeNotice | undefined>;
}
