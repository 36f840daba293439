import { toBase64 } from '../../crypto/base64';
import { deriveKey, newSalt, PBKDF2_ITERATIONS, type PinKey } from '../crypto/deriveKey';
import { mustWipeToken } from './attemptPolicy';
import type { ProfileStore } from './localProfile';
import {
  initialPinState, pinStep, type PinCommand, type PinConfig, type PinEvent, type PinRequest, type PinState,
  type SetPinResult, type UnlockResult,
} from './pinMachine';

export interface PinLockOptions {
  store: ProfileStore;
  /** Epoch ms. Injected so tests control time. */
  now: () => number;
  /** PBKDF2 iterations for new PINs (tests pass a small count). */
  iterations?: number;
}

export type { SetPinRefusal, SetPinResult, UnlockFailure, UnlockResult } from './pinMachine';

/** What the "who are you?" screen may show: no salt, no verifier, no token. */
export interface ProfileSummary {
  userId: string;
  displayName: string;
  hasPin: boolean;
  signInRequired: boolean;
}

export interface PinLock {
  /** After an online sign-in: create or refresh the profile, store the token, reset the counters. */
  signedIn(identity: { userId: string; login: string; displayName: string; token: string }): Promise<void>;
  /**
   * Choose the PIN of a profile that has none (first sign-in on this tablet), and unlock.
   * `replaceExisting` is for a forgotten PIN and is refused unless `signedIn` was called for
   * this aidant during this run (the password proved who they are): notes sealed under the
   * old PIN stay unreadable (WrongPinError).
   */
  setPin(userId: string, pin: string, options?: { replaceExisting?: boolean }): Promise<SetPinResult>;
  /**
   * Change the PIN knowing the old one. `reseal` re-encrypts the aidant's notes from the old
   * key to the new one; the new PIN is stored only once it resolves (if it throws, the old
   * PIN stays and the error propagates).
   */
  changePin(userId: string, oldPin: string, newPin: string, reseal: (oldKey: PinKey, newKey: PinKey) => Promise<void>): Promise<SetPinResult | Exclude<UnlockResult, { ok: true }>>;
  /**
   * Try a PIN. Ends the current session first, whoever it belongs to: switching aidant is
   * `unlock` as the other profile. If `lock()` or another `unlock` comes while this one is
   * deriving, a right PIN still resets the counters but does not open the session.
   */
  unlock(userId: string, pin: string): Promise<UnlockResult>;
  /** Forget the key in memory (inactivity, "changer d'aidant", closing the session). */
  lock(): void;
  /** The unlocked aidant and their notes key, if any. Never persisted. */
  current(): { userId: string; key: PinKey } | undefined;
  profiles(): Promise<ProfileSummary[]>;
}

/**
 * The PIN lock of a shared tablet: the runner of pinMachine.ts (where the rules and their
 * hazards are). Operations run one at a time (a queue), so two taps on "Valider" cannot
 * both read the same attempt counter; each is the machine's commands carried out in turn.
 */
export function createPinLock(options: PinLockOptions): PinLock {
  const { store, now } = options;
  const config: PinConfig = { iterations: options.iterations ?? PBKDF2_ITERATIONS };
  let state: PinState = initialPinState;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const send = (event: PinEvent): PinCommand => {
    const out = pinStep(state, event, config);
    state = out.state;
    return out.command;
  };

  /** One operation: its commands carried out until it answers. */
  async function run(request: PinRequest, reseal?: (oldKey: PinKey, newKey: PinKey) => Promise<void>): Promise<unknown> {
    for (let command = send({ type: 'begin', request }); ;) {
      if (command.type === 'answer') return command.result;
      let event: PinEvent;
      try {
        event = await carryOut(command, reseal);
      } catch (error) {
        send({ type: 'failed' });
        throw error;
      }
      command = send(event);
    }
  }

  async function carryOut(command: PinCommand, reseal?: (oldKey: PinKey, newKey: PinKey) => Promise<void>): Promise<PinEvent> {
    switch (command.type) {
      case 'read': {
        const profile = await store.get(command.userId);
        return { type: 'profileRead', profile, at: now() };
      }
      case 'put':
        await store.put(command.profile);
        return { type: 'stored' };
      case 'derive': {
        const salt = command.salt ?? newSalt();
        const key = await deriveKey(command.pin, salt, command.iterations);
        return { type: 'derived', key, salt: toBase64(salt) };
      }
      case 'reseal':
        await reseal!(command.oldKey, command.newKey);
        return { type: 'resealed' };
      case 'answer':
      case 'none':
        throw new Error(`pinLock: nothing to carry out for ${command.type}`);
    }
  }

  return {
    signedIn: (identity) => serial(async () => void (await run({ kind: 'signIn', identity }))),
    setPin: (userId, pin, opts = {}) => serial(() => run({ kind: 'setPin', userId, pin, replaceExisting: opts.replaceExisting === true })) as Promise<SetPinResult>,
    changePin: (userId, oldPin, newPin, reseal) =>
      serial(() => run({ kind: 'changePin', userId, oldPin, newPin }, reseal)) as Promise<SetPinResult | Exclude<UnlockResult, { ok: true }>>,
    unlock: (userId, pin) => {
      send({ type: 'unlockAsked' });
      const ticket = state.epoch;
      return serial(() => run({ kind: 'unlock', userId, pin, ticket })) as Promise<UnlockResult>;
    },
    lock: () => void send({ type: 'lock' }),
    current: () => state.active,
    profiles: async () => (await store.list()).map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      hasPin: p.pinVerifier !== undefined,
      signInRequired: p.token === undefined || mustWipeToken(p.failedAttempts),
    })),
  };
}
