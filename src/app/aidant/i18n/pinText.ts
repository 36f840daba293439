import type { SetPinRefusal, UnlockFailure } from '../lock/pinMachine';
import { at } from './aidantMessages';

// The PIN lock answers with reasons and their facts (../lock/pinRules.ts, pinMachine.ts);
// the gate screens show them worded here, in the interface language. Reading them in a
// component subscribes it to the language.

/** Why a PIN could not be chosen (ChoosePin). */
export function setPinRefusalText(refusal: SetPinRefusal): string {
  switch (refusal.reason) {
    case 'pin-not-digits': return at('pin.notDigits');
    case 'pin-length': return at('pin.length', { min: refusal.min, max: refusal.max });
    case 'pin-too-easy': return at('pin.tooEasy');
    case 'unknown-profile': return at('pin.unknownProfile');
    case 'sign-in-required': return at('pin.signInFirst');
    case 'pin-exists': return at('pin.exists');
  }
}

/** Why the tablet did not open (Unlock): a wrong PIN and the tries left, a wait, or an
 *  online sign-in needed. */
export function unlockFailureText(failure: UnlockFailure): string {
  switch (failure.reason) {
    case 'wrong-pin':
      return failure.retryAfterMs ? waitText(failure.retryAfterMs) : at('pin.wrong', { left: failure.attemptsLeft });
    case 'too-many-attempts':
      return waitText(failure.retryAfterMs);
    case 'sign-in-required':
    case 'unknown-profile':
    case 'no-pin':
      return at('pin.signInAgain');
  }
}

/** Whether the way on is an online sign-in (the gate then offers it). */
export function unlockNeedsSignIn(failure: UnlockFailure): boolean {
  return failure.reason === 'sign-in-required' || failure.reason === 'unknown-profile' || failure.reason === 'no-pin';
}

/** The waits are 30 s, then 1, 2, 4 and 8 min (attemptPolicy.ts): said in minutes from one. */
function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? at('pin.wait', { seconds }) : at('pin.waitMinutes', { minutes: Math.ceil(seconds / 60) });
}
