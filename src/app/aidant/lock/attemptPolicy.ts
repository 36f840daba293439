// How wrong PINs are paid for: free tries, then a doubling wait, then the local session
// token is wiped and only an online sign-in brings the profile back. Unsent data (visits,
// sealed notes, the outbox) is never touched: it belongs to the service, not to the lock.

export const FREE_ATTEMPTS = 5;
export const WIPE_AFTER_ATTEMPTS = 10;
export const FIRST_DELAY_MS = 30_000;

/** Wait imposed after `failedAttempts` wrong PINs: 0 up to 4, then 30 s, 1, 2, 4, 8 min. */
export function delayAfterFailures(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return FIRST_DELAY_MS * 2 ** (failedAttempts - FREE_ATTEMPTS);
}

export function mustWipeToken(failedAttempts: number): boolean {
  return failedAttempts >= WIPE_AFTER_ATTEMPTS;
}
