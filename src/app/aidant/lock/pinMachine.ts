import { fromBase64 } from '../../crypto/base64';
import { sameCheck, type PinKey } from '../crypto/deriveKey';
import { delayAfterFailures, mustWipeToken, WIPE_AFTER_ATTEMPTS } from './attemptPolicy';
import type { LocalProfile } from './localProfile';
import { checkPin, type PinRuleRefusal } from './pinRules';

// The PIN lock as a pure state machine: `pinStep(state, event)` → the next state and the one
// command to carry out (read or write a profile, derive a key, reseal the notes, answer).
// pinLock.ts runs it: it carries the command out and hands its result back as the next
// event, one operation at a time. Tests: tests/unit/aidant/pinMachine.test.ts.
//
// Hazards held here: a wrong PIN is counted (stored) *before* the key is derived and the
// count reset only after a right one, so killing the app mid-derivation gives no free try.
// The wait uses the wall clock (`at`), which a holder of the tablet could move; the count
// does not, so the token wipe at 10 holds regardless. Every lock and unlock bumps `epoch`:
// an unlock still deriving when the tablet was locked again (or another aidant tapped in)
// does not open the session when it finishes.

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

export type UnlockFailure = Exclude<UnlockResult, { ok: true }>;

/** Why `setPin` refused (`changePin` too, for its new PIN): the PIN rules, or the profile. */
export type SetPinRefusal =
  | PinRuleRefusal
  /** No profile for this account on the tablet. */
  | { ok: false; reason: 'unknown-profile' }
  /** No session token: an online sign-in comes first. */
  | { ok: false; reason: 'sign-in-required' }
  /** A PIN is set already, and replacing it was not asked right after a sign-in. */
  | { ok: false; reason: 'pin-exists' };

export type SetPinResult = { ok: true; key: PinKey } | SetPinRefusal;

export interface SignInIdentity {
  userId: string;
  login: string;
  displayName: string;
  token: string;
}

/** An operation, as asked for (unlock's `ticket`: the epoch its call started). */
export type PinRequest =
  | { kind: 'signIn'; identity: SignInIdentity }
  | { kind: 'setPin'; userId: string; pin: string; replaceExisting: boolean }
  | { kind: 'changePin'; userId: string; oldPin: string; newPin: string }
  | { kind: 'unlock'; userId: string; pin: string; ticket: number };

export type PinEvent =
  /** lock(): forget the key. */
  | { type: 'lock' }
  /** unlock() was called: the open session ends at once (its operation waits its turn). */
  | { type: 'unlockAsked' }
  /** The operation's turn came. */
  | { type: 'begin'; request: PinRequest }
  /** `at`: the wall clock (epoch ms) when it was read. */
  | { type: 'profileRead'; profile: LocalProfile | undefined; at: number }
  | { type: 'stored' }
  /** `salt`: base64, the one the key was derived with. */
  | { type: 'derived'; key: PinKey; salt: string }
  | { type: 'resealed' }
  /** The command threw: the operation ends (the error goes to its caller). */
  | { type: 'failed' };

export type PinCommand =
  | { type: 'read'; userId: string }
  | { type: 'put'; profile: LocalProfile }
  /** `salt`: the profile's; absent: a new random salt. */
  | { type: 'derive'; pin: string; salt?: Uint8Array<ArrayBuffer>; iterations: number }
  | { type: 'reseal'; oldKey: PinKey; newKey: PinKey }
  | { type: 'answer'; result: UnlockResult | SetPinResult | undefined }
  | { type: 'none' };

/** A PIN try, counted before the key is derived. */
interface Attempt {
  userId: string;
  pin: string;
  step: 'read' | 'wipe' | 'count' | 'derive' | 'reset' | 'wipeAfter';
  counted?: LocalProfile;
  salt?: Uint8Array<ArrayBuffer>;
  key?: PinKey;
}

type PinOp =
  | { kind: 'signIn'; identity: SignInIdentity }
  | { kind: 'setPin'; userId: string; pin: string; replaceExisting: boolean; step: 'read' | 'derive' | 'put'; ticket?: number; profile?: LocalProfile; key?: PinKey }
  | { kind: 'unlock'; ticket: number; attempt: Attempt }
  | { kind: 'changePin'; userId: string; newPin: string; ticket: number; step: 'attempt' | 'read' | 'derive' | 'reseal' | 'put'; attempt: Attempt; oldKey?: PinKey; key?: PinKey; profile?: LocalProfile };

export interface PinState {
  /** The unlocked aidant and their notes key; in memory only. */
  active?: { userId: string; key: PinKey };
  epoch: number;
  /** Profiles signed in online during this run: only they may replace a forgotten PIN. */
  freshSignIns: readonly string[];
  /** The operation under way (one at a time). */
  op?: PinOp;
}

export interface PinConfig {
  /** PBKDF2 iterations for new PINs. */
  iterations: number;
}

export const initialPinState: PinState = { epoch: 0, freshSignIns: [] };

export interface PinStep {
  state: PinState;
  command: PinCommand;
}

const NONE: PinCommand = { type: 'none' };
const answer = (state: PinState, result: UnlockResult | SetPinResult | undefined): PinStep => {
  const { op: _done, ...rest } = state;
  return { state: rest, command: { type: 'answer', result } };
};
/** A new epoch: the open session ends, and whatever was deriving will not open one. */
const bump = (state: PinState): PinState => {
  const { active: _forgotten, ...rest } = state;
  return { ...rest, epoch: state.epoch + 1 };
};

export function pinStep(state: PinState, event: PinEvent, config: PinConfig): PinStep {
  switch (event.type) {
    case 'lock':
    case 'unlockAsked':
      return { state: bump(state), command: NONE };
    case 'failed':
      return answer(state, undefined);
    case 'begin':
      return begin(state, event.request);
  }
  const op = state.op;
  if (!op) return { state, command: NONE };
  switch (op.kind) {
    case 'signIn':
      return signInStep(state, op, event);
    case 'setPin':
      return setPinStep(state, op, event, config);
    case 'unlock': {
      const next = attemptStep(op.attempt, event, config);
      if ('command' in next) return { state: { ...state, op: { ...op, attempt: next.attempt } }, command: next.command };
      const result = next.result;
      // A right PIN opens the session unless a lock or another unlock came meanwhile.
      return answer(result.ok && state.epoch === op.ticket ? { ...state, active: { userId: op.attempt.userId, key: result.key } } : state, result);
    }
    case 'changePin':
      return changePinStep(state, op, event, config);
  }
}

function begin(state: PinState, request: PinRequest): PinStep {
  switch (request.kind) {
    case 'signIn':
      return { state: { ...state, op: { kind: 'signIn', identity: request.identity } }, command: { type: 'read', userId: request.identity.userId } };
    case 'setPin':
      return { state: { ...state, op: { ...request, step: 'read' } }, command: { type: 'read', userId: request.userId } };
    case 'unlock': {
      const attempt: Attempt = { userId: request.userId, pin: request.pin, step: 'read' };
      return { state: { ...state, op: { kind: 'unlock', ticket: request.ticket, attempt } }, command: { type: 'read', userId: request.userId } };
    }
    case 'changePin': {
      const bumped = bump(state);
      const rule = checkPin(request.newPin);
      if (!rule.ok) return answer(bumped, rule);
      const attempt: Attempt = { userId: request.userId, pin: request.oldPin, step: 'read' };
      const op: PinOp = { kind: 'changePin', userId: request.userId, newPin: request.newPin, ticket: bumped.epoch, step: 'attempt', attempt };
      return { state: { ...bumped, op }, command: { type: 'read', userId: request.userId } };
    }
  }
}

function signInStep(state: PinState, op: Extract<PinOp, { kind: 'signIn' }>, event: PinEvent): PinStep {
  if (event.type === 'profileRead') {
    const { identity } = op;
    const profile: LocalProfile = {
      ...(event.profile ?? {}),
      userId: identity.userId, login: identity.login, displayName: identity.displayName, token: identity.token,
      failedAttempts: 0, lockedUntil: undefined,
    };
    return { state, command: { type: 'put', profile } };
  }
  if (event.type !== 'stored') return { state, command: NONE };
  const fresh = state.freshSignIns.includes(op.identity.userId) ? state.freshSignIns : [...state.freshSignIns, op.identity.userId];
  return answer({ ...state, freshSignIns: fresh }, undefined);
}

/** A profile with a new PIN (its salt and verifier), the counters reset. */
function withPin(profile: LocalProfile, key: PinKey, salt: string, iterations: number): LocalProfile {
  return { ...profile, pinSalt: salt, pinVerifier: key.check, pinIterations: iterations, failedAttempts: 0, lockedUntil: undefined };
}

function setPinStep(state: PinState, op: Extract<PinOp, { kind: 'setPin' }>, event: PinEvent, config: PinConfig): PinStep {
  if (op.step === 'read' && event.type === 'profileRead') {
    const profile = event.profile;
    if (profile === undefined) return answer(state, { ok: false, reason: 'unknown-profile' });
    if (profile.token === undefined) return answer(state, { ok: false, reason: 'sign-in-required' });
    if (profile.pinVerifier !== undefined && !(op.replaceExisting && state.freshSignIns.includes(op.userId))) {
      return answer(state, { ok: false, reason: 'pin-exists' });
    }
    const bumped = bump(state);
    const rule = checkPin(op.pin);
    if (!rule.ok) return answer(bumped, rule);
    const next: PinOp = { ...op, step: 'derive', ticket: bumped.epoch, profile };
    return { state: { ...bumped, op: next }, command: { type: 'derive', pin: op.pin, iterations: config.iterations } };
  }
  if (op.step === 'derive' && event.type === 'derived') {
    const profile = withPin(op.profile!, event.key, event.salt, config.iterations);
    return { state: { ...state, op: { ...op, step: 'put', key: event.key } }, command: { type: 'put', profile } };
  }
  if (op.step === 'put' && event.type === 'stored') {
    const rest = { ...state, freshSignIns: state.freshSignIns.filter((id) => id !== op.userId) };
    const key = op.key!;
    return answer(state.epoch === op.ticket ? { ...rest, active: { userId: op.userId, key } } : rest, { ok: true, key });
  }
  return { state, command: NONE };
}

function changePinStep(state: PinState, op: Extract<PinOp, { kind: 'changePin' }>, event: PinEvent, config: PinConfig): PinStep {
  const keep = (next: Partial<typeof op>, command: PinCommand): PinStep => ({ state: { ...state, op: { ...op, ...next } }, command });
  switch (op.step) {
    case 'attempt': {
      const next = attemptStep(op.attempt, event, config);
      if ('command' in next) return keep({ attempt: next.attempt }, next.command);
      if (!next.result.ok) return answer(state, next.result);
      return keep({ step: 'read', oldKey: next.result.key }, { type: 'read', userId: op.userId });
    }
    case 'read':
      if (event.type !== 'profileRead') break;
      if (event.profile === undefined) return answer(state, { ok: false, reason: 'unknown-profile' });
      return keep({ step: 'derive', profile: event.profile }, { type: 'derive', pin: op.newPin, iterations: config.iterations });
    case 'derive': {
      if (event.type !== 'derived') break;
      const profile = withPin(op.profile!, event.key, event.salt, config.iterations);
      return keep({ step: 'reseal', key: event.key, profile }, { type: 'reseal', oldKey: op.oldKey!, newKey: event.key });
    }
    case 'reseal':
      // The notes are sealed under the new key: only now is the new PIN stored.
      if (event.type !== 'resealed') break;
      return keep({ step: 'put' }, { type: 'put', profile: op.profile! });
    case 'put': {
      if (event.type !== 'stored') break;
      const key = op.key!;
      return answer(state.epoch === op.ticket ? { ...state, active: { userId: op.userId, key } } : state, { ok: true, key });
    }
  }
  return { state, command: NONE };
}

type AttemptNext = { attempt: Attempt; command: PinCommand } | { result: UnlockResult };

/** One PIN try: the profile read, the try counted, the key derived and compared. */
function attemptStep(a: Attempt, event: PinEvent, config: PinConfig): AttemptNext {
  switch (a.step) {
    case 'read': {
      if (event.type !== 'profileRead') break;
      const profile = event.profile;
      if (profile === undefined) return { result: { ok: false, reason: 'unknown-profile' } };
      if (mustWipeToken(profile.failedAttempts) && profile.token !== undefined) {
        // A try was counted but the app stopped before answering it.
        return { attempt: { ...a, step: 'wipe' }, command: { type: 'put', profile: withoutToken(profile) } };
      }
      if (profile.token === undefined) return { result: { ok: false, reason: 'sign-in-required' } };
      const salt = profile.pinSalt === undefined ? undefined : fromBase64(profile.pinSalt);
      if (salt === undefined || profile.pinVerifier === undefined) return { result: { ok: false, reason: 'no-pin' } };
      const t = event.at;
      if (profile.lockedUntil !== undefined && profile.lockedUntil > t) {
        return { result: { ok: false, reason: 'too-many-attempts', retryAfterMs: profile.lockedUntil - t } };
      }
      const failed = profile.failedAttempts + 1;
      const wait = delayAfterFailures(failed);
      const counted: LocalProfile = { ...profile, failedAttempts: failed, lockedUntil: wait > 0 ? t + wait : undefined };
      return { attempt: { ...a, step: 'count', counted, salt }, command: { type: 'put', profile: counted } };
    }
    case 'wipe':
      if (event.type === 'stored') return { result: { ok: false, reason: 'sign-in-required' } };
      break;
    case 'count': {
      if (event.type !== 'stored') break;
      const counted = a.counted!;
      return { attempt: { ...a, step: 'derive' }, command: { type: 'derive', pin: a.pin, salt: a.salt!, iterations: counted.pinIterations ?? config.iterations } };
    }
    case 'derive': {
      if (event.type !== 'derived') break;
      const counted = a.counted!;
      if (sameCheck(event.key.check, counted.pinVerifier!)) {
        return { attempt: { ...a, step: 'reset', key: event.key }, command: { type: 'put', profile: { ...counted, failedAttempts: 0, lockedUntil: undefined } } };
      }
      if (mustWipeToken(counted.failedAttempts)) return { attempt: { ...a, step: 'wipeAfter' }, command: { type: 'put', profile: withoutToken(counted) } };
      const wait = delayAfterFailures(counted.failedAttempts);
      return {
        result: {
          ok: false, reason: 'wrong-pin', attemptsLeft: WIPE_AFTER_ATTEMPTS - counted.failedAttempts, ...(wait > 0 ? { retryAfterMs: wait } : {}),
        },
      };
    }
    case 'reset':
      if (event.type === 'stored') return { result: { ok: true, key: a.key! } };
      break;
    case 'wipeAfter':
      if (event.type === 'stored') return { result: { ok: false, reason: 'sign-in-required' } };
      break;
  }
  return { attempt: a, command: NONE };
}

function withoutToken(profile: LocalProfile): LocalProfile {
  const { token: _wiped, ...rest } = profile;
  return rest;
}
