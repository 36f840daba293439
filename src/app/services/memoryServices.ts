import { signal } from '@preact/signals';
import type { Checklist } from '../../shared/domain/checklist';
import type { MobilityOffer } from '../../shared/domain/mobilityOffer';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { Tour } from '../../shared/domain/tour';
import type { DirectoryReader, Preferences, SyncStatus } from '../data/contracts';
import type { Services } from './services';

// In-memory twins of the repository contracts: for screen tests, and for a page that
// runs without the data layer. Same promises, same change notifications.

export interface MemoryDirectoryData {
  territory?: Territory;
  places?: Place[];
  tours?: Tour[];
  mobilityOffers?: MobilityOffer[];
  checklists?: Checklist[];
}

export interface MemoryDirectory extends DirectoryReader {
  /** Replaces some collections and notifies listeners, as a pulled page would. */
  replace(data: MemoryDirectoryData): void;
}

export function createMemoryDirectory(initial: MemoryDirectoryData = {}): MemoryDirectory {
  let data: Required<Omit<MemoryDirectoryData, 'territory'>> & { territory?: Territory } = {
    places: [], tours: [], mobilityOffers: [], checklists: [], ...initial,
  };
  const listeners = new Set<() => void>();
  return {
    territory: async () => data.territory,
    places: async () => [...data.places],
    place: async (id) => data.places.find((p) => p.id === id),
    tours: async () => [...data.tours],
    mobilityOffers: async () => [...data.mobilityOffers],
    checklists: async () => [...data.checklists],
    checklist: async (id) => data.checklists.find((c) => c.id === id),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replace(next) {
      data = { ...data, ...next };
      for (const listener of listeners) listener();
    },
  };
}

export function createMemoryPreferences(): Preferences {
  let commune: string | undefined;
  let language: 'fr' | 'en' | undefined;
  const ticked = new Map<string, string[]>();
  return {
    getCommune: async () => commune,
    setCommune: async (insee) => void (commune = insee),
    getLanguage: async () => language,
    setLanguage: async (lang) => void (language = lang),
    getTickedDocuments: async (id) => [...(ticked.get(id) ?? [])],
    setTickedDocuments: async (id, docs) => void ticked.set(id, [...docs]),
  };
}

export function createMemoryServices(
  data: MemoryDirectoryData = {},
  options: { status?: SyncStatus; now?: () => Date } = {},
): Services & { directory: MemoryDirectory } {
  return {
    now: options.now ?? (() => new Date()),
    directory: createMemoryDirectory(data),
    preferences: createMemoryPreferences(),
    syncStatus: signal<SyncStatus | undefined>(options.status),
  };
}
