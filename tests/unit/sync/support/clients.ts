import { createStore } from 'idb-keyval';
import { createDataLayer, type DataLayer, type DataLayerOptions } from '../../../../src/app/data/createDataLayer';
import type { Timers } from '../../../../src/app/sync/environment';
import type { FetchLike } from '../../../../src/app/sync/syncHttp';
import { TERRITORY_ID } from './fixtures';

let dbCounter = 0;
/** A database name no other test uses. */
export function freshDbName(label: string): string {
  return `escale-test-${label}-${process.pid}-${++dbCounter}-${Date.now()}`;
}

/** Timers that fire only when the test says so. */
export function manualTimers(): Timers & { due(): number[]; fireAll(): void } {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout(fn, ms) { const id = ++next; pending.set(id, { fn, ms }); return id; },
    clearTimeout(h) { pending.delete(h as number); },
    /** Delays of the timers waiting to fire. */
    due: () => [...pending.values()].map((t) => t.ms),
    fireAll() { const all = [...pending.values()]; pending.clear(); for (const t of all) t.fn(); },
  };
}

export interface ClientOptions extends Partial<DataLayerOptions> {
  fetch: FetchLike;
  dbName: string;
  token?: string;
}

/** A device: the data layer on its own database, with manual timers and no browser events. */
export async function openClient(o: ClientOptions): Promise<DataLayer & { setToken(t: string | undefined): void }> {
  let token = o.token;
  const layer = await createDataLayer({
    territoryId: TERRITORY_ID,
    timers: manualTimers(),
    random: () => 0.5,
    log: () => {},
    preferencesStore: createStore(`${o.dbName}-prefs`, 'kv'),
    ...('getAuth' in o ? {} : { getAuth: () => (token ? { token } : undefined) }),
    ...o,
  });
  return Object.assign(layer, { setToken(t: string | undefined) { token = t; } });
}
