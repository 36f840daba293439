import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Checklist } from '../../shared/domain/checklist';
import type { MobilityOffer } from '../../shared/domain/mobilityOffer';
import type { Place } from '../../shared/domain/place';
import type { Commune, Territory } from '../../shared/domain/territory';
import type { Tour } from '../../shared/domain/tour';
import type { GeoPoint } from '../../shared/geo/geoPoint';
import type { DirectoryReader, Preferences } from '../data/contracts';
import { DIRECTORY_COLLECTIONS } from '../../shared/sync/directoryCollections';
import { touches } from '../../shared/sync/changedCollections';

/**
 * The directory as the public screens see it: read once from the repositories, read
 * again whenever the replica changes (a pulled page), held in signals so every screen
 * re-renders by itself. Plus what the person chose: their commune (kept in Preferences)
 * and, if they asked, their position (kept in memory only).
 */
export interface AppState {
  territory: Signal<Territory | undefined>;
  places: Signal<Place[]>;
  tours: Signal<Tour[]>;
  mobilityOffers: Signal<MobilityOffer[]>;
  checklists: Signal<Checklist[]>;
  /** The first read is done (the lists may still be empty on a fresh device). */
  loaded: Signal<boolean>;
  /** Resolves once the first read and the saved commune's read have both ended (either way). */
  settled: Promise<void>;
  /** INSEE code of the chosen commune. */
  communeInsee: Signal<string | undefined>;
  commune: ReadonlySignal<Commune | undefined>;
  /** The device's position, when the person asked to use it. */
  position: Signal<GeoPoint | undefined>;
  /** Where distances are measured from: the position, else the commune's centre. */
  origin: ReadonlySignal<GeoPoint | undefined>;
  chooseCommune(insee: string | undefined): Promise<void>;
  dispose(): void;
}

export function createAppState(services: { directory: DirectoryReader; preferences: Preferences }): AppState {
  const { directory, preferences } = services;
  const territory = signal<Territory | undefined>(undefined);
  const places = signal<Place[]>([]);
  const tours = signal<Tour[]>([]);
  const mobilityOffers = signal<MobilityOffer[]>([]);
  const checklists = signal<Checklist[]>([]);
  const loaded = signal(false);
  const communeInsee = signal<string | undefined>(undefined);
  const position = signal<GeoPoint | undefined>(undefined);

  const commune = computed(() => territory.value?.communes.find((c) => c.insee === communeInsee.value));
  const origin = computed<GeoPoint | undefined>(() => {
    if (position.value) return position.value;
    const c = commune.value;
    return c ? { lat: c.lat, lon: c.lon } : undefined;
  });

  async function readAll(): Promise<void> {
    const [t, p, tr, m, c] = await Promise.all([
      directory.territory(), directory.places(), directory.tours(), directory.mobilityOffers(), directory.checklists(),
    ]);
    territory.value = t;
    places.value = p;
    tours.value = tr;
    mobilityOffers.value = m;
    checklists.value = c;
    loaded.value = true;
  }
  const reportFailure = (error: unknown) => {
    // The replica may be unreadable for a moment (schema upgrade in another tab): keep
    // what is shown, say nothing alarming, and try again on the next change.
    console.warn('Escale: reading the directory failed', error);
    loaded.value = true;
  };
  // One read at a time: a change told during a read asks for ONE more read after it (which
  // sees every change made meanwhile), never a second read alongside. Reading 10,000 places
  // takes longer than the sync engine's gap between tellings; overlapping reads piled up
  // and held the pulled pages' transactions back.
  let reading = false;
  let again = false;
  function load(): void {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    readAll().catch(reportFailure).finally(() => {
      reading = false;
      if (again) load();
    });
  }

  load();
  const firstRead = new Promise<void>((done) => {
    if (loaded.peek()) return done();
    const stop = loaded.subscribe((value) => {
      if (!value) return;
      queueMicrotask(() => stop());
      done();
    });
  });
  const communeRead = preferences.getCommune().then((insee) => {
    if (insee && communeInsee.value === undefined) communeInsee.value = insee;
  }, reportFailure);
  const settled = Promise.all([firstRead, communeRead]).then(() => undefined);
  // Only what the directory shows: a visit, a session or a network measure saved on the
  // tablet changes none of it (with 50,000 places, each save read them all again: 2 s).
  const unsubscribe = directory.onChange((changed) => {
    if (touches(changed, DIRECTORY_COLLECTIONS)) load();
  });

  return {
    territory, places, tours, mobilityOffers, checklists, loaded, settled, communeInsee, commune, position, origin,
    async chooseCommune(insee) {
      communeInsee.value = insee;
      if (insee === undefined) position.value = undefined;
      await preferences.setCommune(insee);
    },
    dispose: unsubscribe,
  };
}
