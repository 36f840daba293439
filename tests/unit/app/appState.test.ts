import { describe, expect, it } from 'vitest';
import type { DirectoryReader, Preferences } from '../../../src/app/data/contracts';
import type { ChangeListener } from '../../../src/app/data/changeFeed';
import { createAppState } from '../../../src/app/state/appState';
import type { Place } from '../../../src/shared/domain/place';
import { placeLike } from './support';

// The directory read by the public screens: one read at a time, however often the replica
// changes during it, and the last read sees the last change.

function slowDirectory() {
  const listeners = new Set<ChangeListener>();
  const pending: Array<() => void> = [];
  let places: Place[] = [];
  let reads = 0;
  let inFlight = 0;
  let most = 0;
  const directory: DirectoryReader = {
    territory: async () => undefined,
    places: () => {
      reads++;
      most = Math.max(most, ++inFlight);
      const snapshot = places;
      return new Promise((resolve) => pending.push(() => { inFlight--; resolve(snapshot); }));
    },
    place: async () => undefined,
    tours: async () => [],
    mobilityOffers: async () => [],
    checklists: async () => [],
    checklist: async () => undefined,
    onChange: (l) => { listeners.add(l); return () => void listeners.delete(l); },
  };
  return {
    directory,
    set(p: Place[]) { places = p; },
    tell(changed?: ReadonlySet<string>) { for (const l of listeners) l(changed); },
    /** Ends the reads under way. */
    finish() { for (const done of pending.splice(0)) done(); },
    get reads() { return reads; },
    get most() { return most; },
  };
}

const preferences = { getCommune: async () => undefined, setCommune: async () => {} } as unknown as Preferences;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('app state', () => {
  it('reads the directory once at a time; changes told during a read make one more read, which shows the last change', async () => {
    const dir = slowDirectory();
    const state = createAppState({ directory: dir.directory, preferences });
    expect(dir.reads).toBe(1);
    dir.set([placeLike({ id: 'a' })]);
    dir.tell();
    dir.set([placeLike({ id: 'a' }), placeLike({ id: 'b' })]);
    dir.tell();
    dir.tell();
    expect(dir.reads).toBe(1);
    dir.finish();
    await flush();
    expect(state.loaded.value).toBe(true);
    expect(dir.reads).toBe(2);
    dir.finish();
    await flush();
    expect(dir.reads).toBe(2);
    expect(dir.most).toBe(1);
    expect(state.places.value.map((p) => p.id)).toEqual(['a', 'b']);
    state.dispose();
  });

  it('reads the directory again for a change to it, not for a visit, a session or a measure saved on the device', async () => {
    const dir = slowDirectory();
    const state = createAppState({ directory: dir.directory, preferences });
    dir.finish();
    await flush();
    expect(dir.reads).toBe(1);
    dir.tell(new Set(['visit']));
    dir.tell(new Set(['session', 'coverage']));
    await flush();
    expect(dir.reads).toBe(1);
    dir.tell(new Set(['visit', 'place']));
    expect(dir.reads).toBe(2);
    dir.finish();
    await flush();
    // Unknown (a pulled page): read.
    dir.tell(undefined);
    expect(dir.reads).toBe(3);
    dir.finish();
    await flush();
    state.dispose();
  });
});
