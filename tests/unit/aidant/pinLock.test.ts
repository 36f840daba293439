import { beforeEach, describe, expect, it } from 'vitest';
import { decryptNote, encryptNote } from '../../../src/app/aidant/crypto/noteBox';
import { WrongPinError } from '../../../src/app/aidant/crypto/errors';
import { setPinRefusalText } from '../../../src/app/aidant/i18n/pinText';
import { delayAfterFailures } from '../../../src/app/aidant/lock/attemptPolicy';
import { createMemoryProfileStore, type ProfileStore } from '../../../src/app/aidant/lock/localProfile';
import { createPinLock, type PinLock } from '../../../src/app/aidant/lock/pinLock';

const FAST = 1_000;
const MARIE = { userId: 'aidant-marie', login: 'marie.d', displayName: 'Marie Dubois', token: 'tok-marie' };
const PAUL = { userId: 'aidant-paul', login: 'paul.m', displayName: 'Paul Martin', token: 'tok-paul' };

let clock: number;
let store: ProfileStore;
let lock: PinLock;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 22, 9, 0);
  store = createMemoryProfileStore();
  lock = createPinLock({ store, now: () => clock, iterations: FAST });
  await lock.signedIn(MARIE);
  await lock.signedIn(PAUL);
});

describe('setPin', () => {
  it('stores a salt and a verifier, never the PIN, and unlocks', async () => {
    const r = await lock.setPin(MARIE.userId, '482913');
    expect(r.ok).toBe(true);
    const stored = await store.get(MARIE.userId);
    expect(stored).toMatchObject({ userId: MARIE.userId, failedAttempts: 0, pinIterations: FAST, token: 'tok-marie' });
    expect(stored!.pinSalt).toBeTruthy();
    expect(stored!.pinVerifier).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain('482913');
    expect(lock.current()?.userId).toBe(MARIE.userId);
  });

  it('refuses a trivial PIN with its reason (said in French) and stores nothing', async () => {
    const refused = await lock.setPin(MARIE.userId, '1234');
    expect(refused).toEqual({ ok: false, reason: 'pin-too-easy' });
    if (!refused.ok) expect(setPinRefusalText(refused)).toBe('Ce code est trop facile à deviner. Choisissez-en un autre.');
    expect((await store.get(MARIE.userId))!.pinVerifier).toBeUndefined();
  });

  it('does not overwrite an existing PIN, except to replace a forgotten one right after an online sign-in', async () => {
    await lock.setPin(MARIE.userId, '482913');
    const again = createPinLock({ store, now: () => clock, iterations: FAST });
    expect(await again.setPin(MARIE.userId, '975310', { replaceExisting: true })).toMatchObject({ ok: false });
    await again.signedIn(MARIE);
    expect((await again.setPin(MARIE.userId, '975310', { replaceExisting: true })).ok).toBe(true);
    expect((await again.unlock(MARIE.userId, '975310')).ok).toBe(true);
  });
});

describe('unlock', () => {
  beforeEach(async () => {
    await lock.setPin(MARIE.userId, '482913');
    await lock.setPin(PAUL.userId, '730561');
    lock.lock();
  });

  it('gives the key for the right PIN, which opens notes sealed before', async () => {
    const first = await lock.unlock(MARIE.userId, '482913');
    if (!first.ok) throw new Error('expected ok');
    const box = await encryptNote(first.key, 'suivi CAF');
    lock.lock();
    expect(lock.current()).toBeUndefined();
    const again = await lock.unlock(MARIE.userId, '482913');
    if (!again.ok) throw new Error('expected ok');
    expect(await decryptNote(again.key, box)).toBe('suivi CAF');
    expect(lock.current()?.userId).toBe(MARIE.userId);
  });

  it('another aidant cannot read the notes, even with their own right PIN', async () => {
    const marie = await lock.unlock(MARIE.userId, '482913');
    if (!marie.ok) throw new Error('expected ok');
    const box = await encryptNote(marie.key, 'suivi CAF');
    const paul = await lock.unlock(PAUL.userId, '730561');
    if (!paul.ok) throw new Error('expected ok');
    expect(lock.current()?.userId).toBe(PAUL.userId);
    await expect(decryptNote(paul.key, box)).rejects.toBeInstanceOf(WrongPinError);
  });

  it('a wrong PIN gives no key and closes the open session (switching aidant)', async () => {
    await lock.unlock(MARIE.userId, '482913');
    expect(await lock.unlock(PAUL.userId, '482913')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 9 });
    expect(lock.current()).toBeUndefined();
  });

  it('escalates: 4 free tries, then waits of 30 s, 1, 2, 4, 8 min, then the token is wiped at 10', async () => {
    const waits: Array<number | undefined> = [];
    for (let i = 1; i <= 9; i++) {
      const r = await lock.unlock(MARIE.userId, '000000');
      if (r.ok || r.reason !== 'wrong-pin') throw new Error(`attempt ${i}: ${JSON.stringify(r)}`);
      expect(r.attemptsLeft).toBe(10 - i);
      waits.push(r.retryAfterMs);
      if (r.retryAfterMs !== undefined) {
        // During the wait even the right PIN is not tried.
        expect(await lock.unlock(MARIE.userId, '482913')).toEqual({ ok: false, reason: 'too-many-attempts', retryAfterMs: r.retryAfterMs });
        clock += r.retryAfterMs - 1;
        expect(await lock.unlock(MARIE.userId, '482913')).toEqual({ ok: false, reason: 'too-many-attempts', retryAfterMs: 1 });
        clock += 1;
      }
    }
    expect(waits).toEqual([undefined, undefined, undefined, undefined, 30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(await lock.unlock(MARIE.userId, '000000')).toEqual({ ok: false, reason: 'sign-in-required' });
    const wiped = await store.get(MARIE.userId);
    expect(wiped!.token).toBeUndefined();
    // The profile and its PIN material stay (sealed notes remain openable after sign-in).
    expect(wiped!.pinVerifier).toBeTruthy();
    expect(await lock.unlock(MARIE.userId, '482913')).toEqual({ ok: false, reason: 'sign-in-required' });
    expect((await lock.profiles()).find((p) => p.userId === MARIE.userId)).toEqual({ userId: MARIE.userId, displayName: 'Marie Dubois', hasPin: true, signInRequired: true });
    // Paul is not affected.
    expect((await lock.unlock(PAUL.userId, '730561')).ok).toBe(true);
    // An online sign-in brings Marie back, with the same PIN.
    await lock.signedIn({ ...MARIE, token: 'tok-marie-2' });
    expect((await lock.unlock(MARIE.userId, '482913')).ok).toBe(true);
  });

  it('a right PIN resets the count', async () => {
    for (let i = 0; i < 4; i++) await lock.unlock(MARIE.userId, '000000');
    expect((await lock.unlock(MARIE.userId, '482913')).ok).toBe(true);
    expect((await store.get(MARIE.userId))!.failedAttempts).toBe(0);
    expect(await lock.unlock(MARIE.userId, '000000')).toMatchObject({ reason: 'wrong-pin', attemptsLeft: 9 });
  });

  it('counts a try before deriving, so a crash mid-derivation does not give a free try', async () => {
    for (let i = 0; i < 9; i++) {
      await lock.unlock(MARIE.userId, '000000');
      clock += delayAfterFailures(i + 1);
    }
    // The 10th try was counted, then the app stopped before answering.
    const p = (await store.get(MARIE.userId))!;
    await store.put({ ...p, failedAttempts: 10, lockedUntil: undefined });
    const fresh = createPinLock({ store, now: () => clock, iterations: FAST });
    expect(await fresh.unlock(MARIE.userId, '482913')).toEqual({ ok: false, reason: 'sign-in-required' });
    expect((await store.get(MARIE.userId))!.token).toBeUndefined();
  });

  it('serialises concurrent tries so none is lost', async () => {
    await Promise.all([1, 2, 3].map(() => lock.unlock(MARIE.userId, '000000')));
    expect((await store.get(MARIE.userId))!.failedAttempts).toBe(3);
  });

  it('an unlock overtaken by lock() does not open the session', async () => {
    const pending = lock.unlock(MARIE.userId, '482913');
    lock.lock();
    expect((await pending).ok).toBe(true);
    expect(lock.current()).toBeUndefined();
  });

  it('tells unknown profiles and profiles without a PIN apart', async () => {
    expect(await lock.unlock('nobody', '482913')).toEqual({ ok: false, reason: 'unknown-profile' });
    await lock.signedIn({ userId: 'aidant-lea', login: 'lea.b', displayName: 'Léa Bernard', token: 't' });
    expect(await lock.unlock('aidant-lea', '482913')).toEqual({ ok: false, reason: 'no-pin' });
  });

  it('never keeps the key in storage', async () => {
    await lock.unlock(MARIE.userId, '482913');
    const all = JSON.stringify(await store.list());
    expect(all).not.toContain('CryptoKey');
    expect(Object.keys((await store.list())[0]!).sort()).toEqual(
      ['displayName', 'failedAttempts', 'lockedUntil', 'login', 'pinIterations', 'pinSalt', 'pinVerifier', 'token', 'userId'].sort(),
    );
  });
});

describe('changePin', () => {
  it('reseals notes with the new key and keeps the old PIN if resealing fails', async () => {
    const set = await lock.setPin(MARIE.userId, '482913');
    if (!set.ok) throw new Error('expected ok');
    let box = await encryptNote(set.key, 'suivi MSA');

    const failing = await lock.changePin(MARIE.userId, '482913', '975310', async () => {
      throw new Error('disque plein');
    }).catch((e: Error) => e.message);
    expect(failing).toBe('disque plein');
    expect((await lock.unlock(MARIE.userId, '482913')).ok).toBe(true);

    const changed = await lock.changePin(MARIE.userId, '482913', '975310', async (oldKey, newKey) => {
      box = await encryptNote(newKey, await decryptNote(oldKey, box));
    });
    if (!changed.ok) throw new Error('expected ok');
    expect(await decryptNote(changed.key, box)).toBe('suivi MSA');
    expect(await lock.unlock(MARIE.userId, '482913')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect((await lock.unlock(MARIE.userId, '975310')).ok).toBe(true);
  });

  it('needs the right old PIN and a good new one', async () => {
    await lock.setPin(MARIE.userId, '482913');
    expect(await lock.changePin(MARIE.userId, '000000', '975310', async () => {})).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await lock.changePin(MARIE.userId, '482913', '1111', async () => {})).toEqual({ ok: false, reason: 'pin-too-easy' });
  });
});
