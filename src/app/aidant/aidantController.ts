import { signal, type Signal } from '@preact/signals';
import type { AidantBackend } from '../data/contracts';
import { newVisitDraft, type VisitDraft } from '../../shared/visits/visitDraft';
import type { PinKey } from './crypto/deriveKey';
import { createInactivityLock, type InactivityLock } from './lock/inactivityLock';
import { createPinLock, type PinLock, type ProfileSummary } from './lock/pinLock';
import { noteStoreOver, profileStoreOver, type NoteStore } from './stores';

export interface UnlockedAidant {
  userId: string;
  displayName: string;
  key: PinKey;
}

/**
 * The aidant space's state that outlives a screen: who is unlocked (with their notes key,
 * in memory only), the tablet's profiles, the inactivity lock, and the checklist runs done
 * with the person in front of the aidant, waiting to be attached to their visit.
 */
export interface AidantController {
  readonly backend: AidantBackend;
  readonly pinLock: PinLock;
  readonly notes: NoteStore;
  readonly current: Signal<UnlockedAidant | undefined>;
  readonly profiles: Signal<ProfileSummary[] | undefined>;
  /**
   * The visit being logged, kept across the space's screens (a checklist run done with the
   * person is attached to it), and forgotten when the tablet locks.
   */
  readonly visitDraft: Signal<VisitDraft>;
  /** Set while the draft is a queued visit being corrected in place (same id, same time). */
  readonly editing: Signal<{ id: string; createdAt: string; sessionId?: string } | undefined>;
  /** Bumped after each write from the space, so lists read again. */
  readonly changed: Signal<number>;
  refreshProfiles(): Promise<ProfileSummary[]>;
  /** After a successful unlock or PIN choice. */
  opened(userId: string, key: PinKey): Promise<void>;
  /**
   * "Verrouiller", inactivity; `then: 'choose'` for "Changer d'aidant" (the gate opens on
   * the profiles), `then: 'signin'` for "Se reconnecter" (an expired or revoked session).
   */
  lock(then?: GateRequest): void;
  /** Where the gate opens after the last lock (consumed by the gate). */
  readonly gateRequest: Signal<GateRequest | undefined>;
  /** Pointer or key activity (cheap). */
  touch(): void;
  dispose(): void;
}

export type GateRequest = 'choose' | 'signin';

export interface ControllerOptions {
  /** PBKDF2 iterations for new PINs (tests pass a small count). */
  iterations?: number;
  inactivityMs?: number;
  now?: () => number;
}

export function createAidantController(backend: AidantBackend, options: ControllerOptions = {}): AidantController {
  const now = options.now ?? Date.now;
  const pinLock = createPinLock({ store: profileStoreOver(backend.profiles), now, ...(options.iterations ? { iterations: options.iterations } : {}) });
  const current = signal<UnlockedAidant | undefined>(undefined);
  const profiles = signal<ProfileSummary[] | undefined>(undefined);
  const visitDraft = signal<VisitDraft>(newVisitDraft());
  const changed = signal(0);
  const gateRequest = signal<GateRequest | undefined>(undefined);
  const editing = signal<{ id: string; createdAt: string; sessionId?: string } | undefined>(undefined);
  let inactivity: InactivityLock | undefined;

  const lock = () => {
    pinLock.lock();
    current.value = undefined;
    // The draft belongs to the person in front of the aidant who left: not to the next one.
    visitDraft.value = newVisitDraft();
    editing.value = undefined;
    backend.setActingAccount?.(undefined);
  };
  const refreshProfiles = async () => (profiles.value = await pinLock.profiles());

  return {
    backend, pinLock, current, profiles, visitDraft, editing, changed, refreshProfiles,
    notes: noteStoreOver(backend.notes),
    async opened(userId, key) {
      const list = await refreshProfiles();
      const profile = list.find((p) => p.userId === userId);
      backend.setActingAccount?.(userId);
      // Online, take the server's current note key (offline, the one kept is used).
      void backend.refreshNoteServerKey?.().catch(() => undefined);
      current.value = { userId, displayName: profile?.displayName ?? userId, key };
      if (!inactivity) {
        inactivity = createInactivityLock({
          ...(options.inactivityMs ? { timeoutMs: options.inactivityMs } : {}),
          now,
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
          onLock: lock,
        });
      } else {
        inactivity.unlocked();
      }
    },
    gateRequest,
    lock(then) {
      gateRequest.value = then;
      if (inactivity && !inactivity.isLocked()) inactivity.lockNow();
      else lock();
    },
    touch: () => inactivity?.touch(),
    dispose: () => inactivity?.dispose(),
  };
}

const controllers = new WeakMap<AidantBackend, AidantController>();

/** One controller per backend, kept across the space's routes. */
export function controllerFor(backend: AidantBackend, options?: ControllerOptions): AidantController {
  let c = controllers.get(backend);
  if (!c) controllers.set(backend, (c = createAidantController(backend, options)));
  return c;
}
