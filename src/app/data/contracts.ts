import type { Checklist } from '../../shared/domain/checklist';
import type { MobilityOffer } from '../../shared/domain/mobilityOffer';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { Tour } from '../../shared/domain/tour';

// What screens may ask of the data layer. Screens never touch Dexie or fetch: they call
// these repositories (DESIGN.md, "Architecture"). The Dexie implementation lives beside
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
  /** Called after any change to the replica (a pulled page, a local edit). Returns unsubscribe. */
  onChange(listener: () => void): () => void;
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

export type SyncStatus =
  | { kind: 'offline'; pending: number; lastSyncedAt?: Date }
  | { kind: 'syncing'; pending: number }
  | { kind: 'upToDate'; at: Date }
  | { kind: 'pending'; pending: number; lastSyncedAt?: Date }
  | { kind: 'actionNeeded'; reason: 'conflict' | 'rejected' | 'sessionExpired' | 'storageFull' | 'deviceRevoked'; count: number };
