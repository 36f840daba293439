import { fromBase64, toBase64 } from '../crypto/base64';
import { deriveKey, newSalt, PBKDF2_ITERATIONS, type PinKey, sameCheck } from '../crypto/deriveKey';
import { delayAfterFailures, mustWipeToken, WIPE_AFTER_ATTEMPTS } from './attemptPolicy';
import type { LocalProfile, ProfileStore } from './localProfile';
import { checkPin } from './pinRules';

export interface PinLockOptions {
  store: ProfileStore;
  /** Epoch ms. Injected so tests control time. */
  now: () => number;
  /** PBKDF2 iterations for new PINs (tests pass a small count). */
  iterations?: number;
}

export type UnlockResult =
  | { ok: true; key: PinKey }
  /** `retryAfterMs` when this failure starts a wait; `attemptsLeft` before the token is wiped. */
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number; retryAfterMs?: number }
  | { ok: false; reason: 'too-many-attempts'; retryAfterMs: number }
  /** No session token on the tablet (never signed in, or wiped after too many wrong PINs). */
  | { ok: false; reason: 'sign-in-required' }
  /** Signed in, but no PIN chosen yet: call `setPin`. */
  | { ok: false; reason: 'no-pin' }
  | { ok: false; reason: 'unknown-profile' };

export type SetPinResult = { ok: true; key: PinKey } | { ok: false; message: string };

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
 * The PIN lock of a shared tablet. Operations run one at a time (a queue), so two taps on
 * "Valider" cannot both read the same attempt counter.
 *
 * Hazards: a wrong PIN is counted *before* the key is derived and the count reset only
 * after a right one, so killing the app mid-derivation does not give a free try. The wait
 * uses the wall clock, which a holder of the tablet could move; the count does not, so the
 * token wipe at 10 holds regardless.
 */
export function createPinLock(options: PinLockOptions): PinLock {
  const { store, now } = options;
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  let active: { userId: string; key: PinKey } | undefined;
  // Bumped by every lock and unlock: an unlock still deriving when the tablet was locked
  // again (or another aidant tapped in) must not open the session when it finishes.
  let epoch = 0;
  // Profiles signed in online during this run: only they may replace a forgotten PIN.
  const freshSignIns = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function choosePin(profile: LocalProfile, pin: string): Promise<SetPinResult & { profile?: LocalProfile }> {
    const rule = checkPin(pin);
    if (!rule.ok) return rule;
    const salt = newSalt();
    const key = await deriveKey(pin, salt, iterations);
    return {
      ok: true,
      key,
      profile: { ...profile, pinSalt: toBase64(salt), pinVerifier: key.check, pinIterations: iterations, failedAttempts: 0, lockedUntil: undefined },
    };
  }

  /** The attempt itself, counted before deriving; does not touch `active`. */
  async function attempt(userId: string, pin: string): Promise<UnlockResult> {
    const profile = await store.get(userId);
    if (profile === undefined) return { ok: false, reason: 'unknown-profile' };
    if (mustWipeToken(profile.failedAttempts) && profile.token !== undefined) {
      // A try was counted but the app stopped before answering it.
      await store.put(withoutToken(profile));
      return { ok: false, reason: 'sign-in-required' };
    }
    if (profile.token === undefined) return { ok: false, reason: 'sign-in-required' };
    const salt = profile.pinSalt === undefined ? undefined : fromBase64(profile.pinSalt);
    if (salt === undefined || profile.pinVerifier === undefined) return { ok: false, reason: 'no-pin' };
    const t = now();
    if (profile.lockedUntil !== undefined && profile.lockedUntil > t) {
      return { ok: false, reason: 'too-many-attempts', retryAfterMs: profile.lockedUntil - t };
    }
    const failed = profile.failedAttempts + 1;
    const wait = delayAfterFailures(failed);
    const counted: LocalProfile = { ...profile, failedAttempts: failed, lockedUntil: wait > 0 ? t + wait : undefined };
    await store.put(counted);

    const key = await deriveKey(pin, salt, profile.pinIterations ?? iterations);
    if (sameCheck(key.check, profile.pinVerifier)) {
      await store.put({ ...counted, failedAttempts: 0, lockedUntil: undefined });
      return { ok: true, key };
    }
    if (mustWipeToken(failed)) {
      await store.put(withoutToken(counted));
      return { ok: false, reason: 'sign-in-required' };
    }
    return {
      ok: false,
      reason: 'wrong-pin',
      attemptsLeft: WIPE_AFTER_ATTEMPTS - failed,
      ...(wait > 0 ? { retryAfterMs: wait } : {}),
    };
  }

  return {
    signedIn: (identity) => serial(async () => {
      const existing = await store.get(identity.userId);
      await store.put({
        ...(existing ?? {}),
        userId: identity.userId,
        login: identity.login,
        displayName: identity.displayName,
        token: identity.token,
        failedAttempts: 0,
        lockedUntil: undefined,
      });
      freshSignIns.add(identity.userId);
    }),

    setPin: (userId, pin, opts = {}) => serial(async () => {
      const profile = await store.get(userId);
      if (profile === undefined) return { ok: false, message: 'Ce compte n’est pas connu sur cette tablette. Connectez-vous en ligne.' };
      if (profile.token === undefined) return { ok: false, message: 'Connectez-vous en ligne avant de choisir un code.' };
      if (profile.pinVerifier !== undefined && !(opts.replaceExisting === true && freshSignIns.has(userId))) {
        return { ok: false, message: 'Un code existe déjà pour ce compte. Pour le changer, donnez l’ancien code.' };
      }
      const mine = ++epoch;
      active = undefined;
      const chosen = await choosePin(profile, pin);
      if (!chosen.ok || chosen.profile === undefined) return chosen;
      await store.put(chosen.profile);
      freshSignIns.delete(userId);
      if (epoch === mine) active = { userId, key: chosen.key };
      return { ok: true, key: chosen.key };
    }),

    changePin: (userId, oldPin, newPin, reseal) => serial(async () => {
      const mine = ++epoch;
      active = undefined;
      const rule = checkPin(newPin);
      if (!rule.ok) return rule;
      const old = await attempt(userId, oldPin);
      if (!old.ok) return old;
      const profile = await store.get(userId);
      if (profile === undefined) return { ok: false, reason: 'unknown-profile' } as const;
      const chosen = await choosePin(profile, newPin);
      if (!chosen.ok || chosen.profile === undefined) return chosen;
      await reseal(old.key, chosen.key);
      await store.put(chosen.profile);
      if (epoch === mine) active = { userId, key: chosen.key };
      return { ok: true, key: chosen.key };
    }),

    unlock: (userId, pin) => {
      const mine = ++epoch;
      active = undefined;
      return serial(async () => {
        const result = await attempt(userId, pin);
        if (result.ok && epoch === mine) active = { userId, key: result.key };
        return result;
      });
    },

    lock: () => {
      epoch++;
      active = undefined;
    },

    current: () => active,

    profiles: async () => (await store.list()).map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      hasPin: p.pinVerifier !== undefined,
      signInRequired: p.token === undefined || mustWipeToken(p.failedAttempts),
    })),
  };
}

function withoutToken(profile: LocalProfile): LocalProfile {
  const { token: _wiped, ...rest } = profile;
  return rest;
}
