import { describe, expect, it } from 'vitest';
import type { PinKey } from '../../../../src/app/aidant/crypto/deriveKey';
import type { LocalProfile } from '../../../../src/app/aidant/lock/localProfile';
import {
  initialPinState, pinStep, type PinCommand, type PinEvent, type PinRequest, type PinState, type SetPinRefusal,
} from '../../../../src/app/aidant/lock/pinMachine';

// The PIN lock's transitions as fixtures: a state, an event → the next state and the one
// command the runner carries out. The runner (pinLock.ts) with real key derivation is
// tested by ../pinLock.test.ts.

const CONFIG = { iterations: 1_000 };
const AT = Date.UTC(2026, 10, 22, 9, 0);
const RIGHT: PinKey = { key: {} as CryptoKey, check: 'right-check=' };
const WRONG: PinKey = { key: {} as CryptoKey, check: 'wrong-check=' };
const SALT = 'c2FsdHNhbHRzYWx0c2FsdA==';
const saltBytes = () => Uint8Array.from(atob(SALT), (c) => c.charCodeAt(0));

const marie = (over: Partial<LocalProfile> = {}): LocalProfile => ({
  userId: 'aidant-marie', login: 'marie.d', displayName: 'Marie Dubois', token: 'tok-marie',
  pinSalt: SALT, pinVerifier: RIGHT.check, pinIterations: 1_000, failedAttempts: 0, ...over,
});

/** Runs events from `state`, returning the state and the last command. */
function run(state: PinState, ...events: PinEvent[]): { state: PinState; command: PinCommand } {
  let out = { state, command: { type: 'none' } as PinCommand };
  for (const e of events) out = pinStep(out.state, e, CONFIG);
  return out;
}
const begin = (request: PinRequest): PinEvent => ({ type: 'begin', request });
const read = (profile: LocalProfile | undefined, at = AT): PinEvent => ({ type: 'profileRead', profile, at });
const stored: PinEvent = { type: 'stored' };
const derived = (key: PinKey, salt = SALT): PinEvent => ({ type: 'derived', key, salt });
const unlock = (pin = '482913', ticket = 1): PinRequest => ({ kind: 'unlock', userId: 'aidant-marie', pin, ticket });
/** An unlock asked for (epoch 1) and begun. */
const unlocking = () => run(initialPinState, { type: 'unlockAsked' }, begin(unlock()));

describe('pin machine: a PIN try', () => {
  const cases: Array<{ name: string; profile: LocalProfile | undefined; at?: number; command: PinCommand }> = [
    { name: 'unknown profile: answered at once', profile: undefined, command: { type: 'answer', result: { ok: false, reason: 'unknown-profile' } } },
    { name: 'no token: sign in first', profile: marie({ token: undefined }), command: { type: 'answer', result: { ok: false, reason: 'sign-in-required' } } },
    { name: 'no PIN chosen', profile: marie({ pinVerifier: undefined }), command: { type: 'answer', result: { ok: false, reason: 'no-pin' } } },
    { name: 'a salt that is not base64: no PIN', profile: marie({ pinSalt: 'not base64!' }), command: { type: 'answer', result: { ok: false, reason: 'no-pin' } } },
    {
      name: 'during a wait: refused, the time left said',
      profile: marie({ failedAttempts: 5, lockedUntil: AT + 10_000 }),
      command: { type: 'answer', result: { ok: false, reason: 'too-many-attempts', retryAfterMs: 10_000 } },
    },
    {
      name: 'ten tries counted but unanswered (the app stopped): the token is wiped first',
      profile: marie({ failedAttempts: 10 }),
      command: { type: 'put', profile: (({ token: _t, ...p }) => p)(marie({ failedAttempts: 10 })) },
    },
    {
      name: 'a try is counted (stored) before the key is derived',
      profile: marie({ failedAttempts: 2 }),
      command: { type: 'put', profile: marie({ failedAttempts: 3, lockedUntil: undefined }) },
    },
    {
      name: 'the 5th try counted starts a 30 s wait',
      profile: marie({ failedAttempts: 4 }),
      command: { type: 'put', profile: marie({ failedAttempts: 5, lockedUntil: AT + 30_000 }) },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(run(unlocking().state, read(c.profile, c.at)).command).toEqual(c.command);
    });
  }

  it('once counted, the key is derived with the profile salt and iterations', () => {
    const counted = run(unlocking().state, read(marie({ pinIterations: 600_000 })));
    expect(run(counted.state, stored).command).toEqual({ type: 'derive', pin: '482913', salt: saltBytes(), iterations: 600_000 });
  });

  it('a right PIN: the count reset, then the session opened with the key', () => {
    const s = run(unlocking().state, read(marie({ failedAttempts: 3 })), stored);
    const reset = run(s.state, derived(RIGHT));
    expect(reset.command).toEqual({ type: 'put', profile: marie({ failedAttempts: 0, lockedUntil: undefined }) });
    const done = run(reset.state, stored);
    expect(done.command).toEqual({ type: 'answer', result: { ok: true, key: RIGHT } });
    expect(done.state.active).toEqual({ userId: 'aidant-marie', key: RIGHT });
    expect(done.state.op).toBeUndefined();
  });

  it('a wrong PIN: how many tries are left, and the wait it starts', () => {
    const s = run(unlocking().state, read(marie({ failedAttempts: 5 })), stored);
    expect(run(s.state, derived(WRONG)).command).toEqual({ type: 'answer', result: { ok: false, reason: 'wrong-pin', attemptsLeft: 4, retryAfterMs: 60_000 } });
  });

  it('the 10th wrong PIN wipes the token: sign in again', () => {
    const s = run(unlocking().state, read(marie({ failedAttempts: 9 })), stored);
    const wipe = run(s.state, derived(WRONG));
    expect(wipe.command).toEqual({ type: 'put', profile: (({ token: _t, ...p }) => p)(marie({ failedAttempts: 10, lockedUntil: AT + 480_000 * 2 })) });
    expect(run(wipe.state, stored).command).toEqual({ type: 'answer', result: { ok: false, reason: 'sign-in-required' } });
  });

  it('an unlock overtaken by lock(): a right PIN resets the count but opens no session', () => {
    const s = run(unlocking().state, read(marie()), stored, derived(RIGHT), { type: 'lock' }, stored);
    expect(s.command).toEqual({ type: 'answer', result: { ok: true, key: RIGHT } });
    expect(s.state.active).toBeUndefined();
  });

  it('unlock() ends the open session at once, before its turn comes', () => {
    const open: PinState = { ...initialPinState, active: { userId: 'aidant-paul', key: RIGHT }, epoch: 3 };
    expect(run(open, { type: 'unlockAsked' }).state).toEqual({ epoch: 4, freshSignIns: [] });
  });

  it('a command that throws ends the operation, the epoch kept', () => {
    const s = run(unlocking().state, read(marie()), { type: 'failed' });
    expect(s.state).toEqual({ epoch: 1, freshSignIns: [] });
  });
});

describe('pin machine: sign-in, choosing and changing a PIN', () => {
  const identity = { userId: 'aidant-marie', login: 'marie.d', displayName: 'Marie Dubois', token: 'tok-2' };

  it('an online sign-in refreshes the profile, resets the counters, and may replace a forgotten PIN', () => {
    const s = run(initialPinState, begin({ kind: 'signIn', identity }), read(marie({ failedAttempts: 7, lockedUntil: AT })));
    expect(s.command).toEqual({ type: 'put', profile: marie({ token: 'tok-2', failedAttempts: 0, lockedUntil: undefined }) });
    const done = run(s.state, stored);
    expect(done).toEqual({ state: { epoch: 0, freshSignIns: ['aidant-marie'] }, command: { type: 'answer', result: undefined } });
  });

  const setPin = (replaceExisting = false): PinEvent => begin({ kind: 'setPin', userId: 'aidant-marie', pin: '730561', replaceExisting });
  const refused = (result: SetPinRefusal): PinCommand => ({ type: 'answer', result });
  const setPinCases: Array<{ name: string; state?: PinState; events: PinEvent[]; command: PinCommand }> = [
    { name: 'unknown profile', events: [setPin(), read(undefined)], command: refused({ ok: false, reason: 'unknown-profile' }) },
    { name: 'no token', events: [setPin(), read(marie({ token: undefined, pinVerifier: undefined }))], command: refused({ ok: false, reason: 'sign-in-required' }) },
    { name: 'a PIN exists', events: [setPin(), read(marie())], command: refused({ ok: false, reason: 'pin-exists' }) },
    { name: 'a PIN exists, replace asked without a fresh sign-in', events: [setPin(true), read(marie())], command: refused({ ok: false, reason: 'pin-exists' }) },
    {
      name: 'a PIN exists, replaced right after a sign-in: a new key is derived',
      state: { ...initialPinState, freshSignIns: ['aidant-marie'] },
      events: [setPin(true), read(marie())],
      command: { type: 'derive', pin: '730561', iterations: 1_000 },
    },
    {
      name: 'a trivial PIN is refused',
      events: [begin({ kind: 'setPin', userId: 'aidant-marie', pin: '1234', replaceExisting: false }), read(marie({ pinVerifier: undefined }))],
      command: refused({ ok: false, reason: 'pin-too-easy' }),
    },
  ];
  for (const c of setPinCases) {
    it(`setPin: ${c.name}`, () => {
      expect(run(c.state ?? initialPinState, ...c.events).command).toEqual(c.command);
    });
  }

  it('setPin: the new salt and verifier stored, the counters reset, the session opened', () => {
    const s = run({ ...initialPinState, freshSignIns: ['aidant-marie'] }, setPin(), read(marie({ pinVerifier: undefined, failedAttempts: 2 })), derived(RIGHT, 'bmV3c2FsdA=='));
    expect(s.command).toEqual({
      type: 'put', profile: marie({ pinSalt: 'bmV3c2FsdA==', pinVerifier: RIGHT.check, pinIterations: 1_000, failedAttempts: 0, lockedUntil: undefined }),
    });
    const done = run(s.state, stored);
    expect(done.command).toEqual({ type: 'answer', result: { ok: true, key: RIGHT } });
    expect(done.state).toEqual({ epoch: 1, freshSignIns: [], active: { userId: 'aidant-marie', key: RIGHT } });
  });

  const change = (newPin = '975310'): PinEvent => begin({ kind: 'changePin', userId: 'aidant-marie', oldPin: '482913', newPin });

  it('changePin: a trivial new PIN is refused before anything is read', () => {
    expect(run(initialPinState, change('1111')).command).toEqual(refused({ ok: false, reason: 'pin-too-easy' }));
  });

  it('changePin: a wrong old PIN is answered as a try', () => {
    const s = run(initialPinState, change(), read(marie()), stored, derived(WRONG));
    expect(s.command).toEqual({ type: 'answer', result: { ok: false, reason: 'wrong-pin', attemptsLeft: 9 } });
  });

  it('changePin: the notes resealed from the old key to the new, and only then the new PIN stored', () => {
    const NEW: PinKey = { key: {} as CryptoKey, check: 'new-check===' };
    let s = run(initialPinState, change(), read(marie()), stored, derived(RIGHT), stored);
    expect(s.command).toEqual({ type: 'read', userId: 'aidant-marie' });
    s = run(s.state, read(marie()));
    expect(s.command).toEqual({ type: 'derive', pin: '975310', iterations: 1_000 });
    s = run(s.state, derived(NEW, 'bmV3c2FsdA=='));
    expect(s.command).toEqual({ type: 'reseal', oldKey: RIGHT, newKey: NEW });
    s = run(s.state, { type: 'resealed' });
    expect(s.command).toEqual({ type: 'put', profile: marie({ pinSalt: 'bmV3c2FsdA==', pinVerifier: NEW.check, failedAttempts: 0, lockedUntil: undefined }) });
    s = run(s.state, stored);
    expect(s).toEqual({ state: { epoch: 1, freshSignIns: [], active: { userId: 'aidant-marie', key: NEW } }, command: { type: 'answer', result: { ok: true, key: NEW } } });
  });
});
