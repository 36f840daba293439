import { signal, type Signal } from '@preact/signals';
import type { Checklist } from '../../shared/domain/checklist';
import type { MobilityOffer } from '../../shared/domain/mobilityOffer';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { Tour } from '../../shared/domain/tour';
import type { AidantBackend, DirectoryReader, Preferences, SyncStatus, WipeNotice } from '../data/contracts';
import { LoginFailedError } from '../data/accountSession';
import { LogoutRefusedError, VisitAlreadySentError } from '../data/errors';
import { createMemoryKeyValueStore } from '../data/keyValueStore';
import type { NoteServerKey } from '../../shared/domain/sealedNote';
import type { ItinerantSession } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import type { VisitLog } from '../../shared/domain/visitLog';
import { makesVisit, MUTATIONS, type ArgsOf, type MutationDeclaration, type MutationName } from '../../shared/sync/mutations';
import type { ReplicaEffect } from '../../shared/sync/replicaEffect';
import type { Services } from './services';
import type { ChangeListener } from '../data/changeFeed';

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
  const listeners = new Set<ChangeListener>();
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
      for (const listener of listeners) listener(undefined);
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
  options: { status?: SyncStatus; now?: () => Date; aidant?: AidantBackend } = {},
): Services & { directory: MemoryDirectory } {
  return {
    ...(options.aidant ? { aidant: options.aidant } : {}),
    now: options.now ?? (() => new Date()),
    directory: createMemoryDirectory(data),
    preferences: createMemoryPreferences(),
    syncStatus: signal<SyncStatus | undefined>(options.status),
  };
}

/**
 * The aidant backend's in-memory twin: an outbox array the test can inspect (what would be
 * written at rest), visits and sessions laid over from it, a login that accepts one
 * password. `online: false` makes login fail as it would with no network.
 */
export interface MemoryAidant extends AidantBackend {
  outbox: Array<{ id: number; name: string; args: unknown; createdAt: string; authorId?: string; taken?: boolean }>;
  profiles: ReturnType<typeof createMemoryKeyValueStore>;
  notes: ReturnType<typeof createMemoryKeyValueStore>;
  online: boolean;
  /** The server took everything: empty the outbox. */
  acknowledgeAll(): void;
  /** A push took the entries now in the outbox (no correction in place any more). */
  takeAll(): void;
  actingAs: string | undefined;
  /** What `noteServerKey()` answers (undefined: notes stay on the tablet). */
  serverKey: NoteServerKey | undefined;
  readonly wiped: Signal<WipeNotice | undefined>;
  /** The server said the tablet is revoked: what the real data layer does (wipeRevokedDevice.ts). */
  wipe(at: Date): Promise<void>;
}

export function createMemoryAidant(users: ReadonlyArray<{ user: User; password: string }>, now: () => Date = () => new Date()): MemoryAidant {
  const account = signal<User | undefined>(undefined);
  const visits: VisitLog[] = [];
  const sessions = new Map<string, ItinerantSession>();
  let nextId = 1;
  const me: MemoryAidant = {
    outbox: [],
    online: true,
    actingAs: undefined,
    serverKey: undefined,
    wiped: signal<WipeNotice | undefined>(undefined),
    async wipe(at) {
      const dropped = me.outbox.length;
      me.outbox.length = 0;
      visits.length = 0;
      sessions.clear();
      await me.profiles.clear();
      await me.notes.clear();
      account.value = undefined;
      me.wiped.value = { at: at.toISOString(), dropped };
    },
    noteServerKey: async () => me.serverKey,
    refreshNoteServerKey: async () => me.serverKey,
    setActingAccount(userId) { me.actingAs = userId; },
    account,
    profiles: createMemoryKeyValueStore(),
    notes: createMemoryKeyValueStore(),
    async login(login, password) {
      if (!me.online) throw new LoginFailedError('offline', 'No connection: signing in needs the network.');
      const found = users.find((u) => u.user.login === login && u.password === password);
      if (!found) throw new LoginFailedError('bad_credentials', 'Wrong login or password.');
      account.value = found.user;
      return { user: found.user, token: `token-${found.user.id}-0123456789abcdef` };
    },
    async logout() {
      if (me.outbox.length > 0) throw new LogoutRefusedError(me.outbox.length);
      account.value = undefined;
    },
    writes: {
      mutate: async (name, args) => mutate(name, args),
      createVisit: async (v, sealedNotes) =>
        sealedNotes ? mutate('visit.create@2', { ...v, sealedNotes }) : mutate('visit.create@1', v),
      updateQueuedVisit: async (v, sealedNotes) => {
        const entry = me.outbox.find((e) => makesVisit(e.name) && (e.args as { id: string }).id === v.id);
        if (!entry || entry.taken) throw new VisitAlreadySentError();
        entry.name = sealedNotes ? 'visit.create@2' : 'visit.create@1';
        entry.args = structuredClone(sealedNotes ? { ...v, sealedNotes } : v);
        visits.splice(visits.findIndex((x) => x.id === v.id), 1, structuredClone(v));
        return entry.id;
      },
      openSession: async (s) => mutate('session.open@1', s),
      closeSession: async (id, endedAt) => mutate('session.close@1', { id, endedAt }),
      recordCoverage: async (o) => mutate('coverage.record@1', o),
      proposeCorrection: async (c) => mutate('correction.propose@1', c),
    },
    visits: async () => visits.map((v) => structuredClone(v)),
    sessions: async () => [...sessions.values()].map((s) => structuredClone(s)),
    pending: async () => me.outbox.map((e) => ({
      mutationId: e.id, name: e.name, createdAt: e.createdAt, taken: e.taken === true,
      ...(typeof (e.args as { id?: unknown }).id === 'string' ? { recordId: (e.args as { id: string }).id } : {}),
    })),
    acknowledgeAll() { me.outbox.length = 0; },
    takeAll() { for (const e of me.outbox) e.taken = true; },
  };
  /**
   * The registry's effect on what this twin shows (its visits and sessions), then the
   * outbox entry: the same declarations as the data layer, without IndexedDB.
   */
  function mutate<K extends MutationName>(name: K, args: ArgsOf<K>): number {
    const effect = (MUTATIONS[name] as MutationDeclaration).effect as ReplicaEffect<never>;
    if (effect.kind === 'own' && effect.collection === 'visit') visits.push(structuredClone(effect.record(args as never) as VisitLog));
    if (effect.kind === 'own' && effect.collection === 'session') {
      const session = effect.record(args as never) as ItinerantSession;
      sessions.set(session.id, structuredClone(session));
    }
    if (effect.kind === 'set' && effect.collection === 'session') {
      const held = sessions.get(effect.id(args as never));
      if (held) sessions.set(held.id, effect.apply(held, args as never) as ItinerantSession);
    }
    const id = nextId++;
    me.outbox.push({ id, name, args: structuredClone(args), createdAt: now().toISOString(), ...(me.actingAs ? { authorId: me.actingAs } : {}) });
    return id;
  }
  return me;
}
