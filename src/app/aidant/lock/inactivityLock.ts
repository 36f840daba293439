export const DEFAULT_INACTIVITY_MS = 5 * 60_000;

export interface InactivityLockOptions {
  timeoutMs?: number;
  /** Epoch ms (or any monotonic-enough ms clock). */
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Called once per lock: forget the key (PinLock.lock) and show the PIN screen. */
  onLock: () => void;
}

export interface InactivityLock {
  /** User activity (pointer, key, scroll). Cheap: it only records the time. */
  touch(): void;
  /** Lock at once ("Verrouiller" button, page hidden for a while...). */
  lockNow(): void;
  /** Start counting again after a successful unlock. */
  unlocked(): void;
  isLocked(): boolean;
  /** Stop the timer for good (screen unmounted). */
  dispose(): void;
}

/**
 * Locks after `timeoutMs` without activity. Starts unlocked and counting.
 *
 * One timer at a time, due at last activity + timeout; when it fires early relative to a
 * later touch it re-arms for the remainder, so `touch()` on every pointer move costs nothing.
 * Hazard: a sleeping tablet (or a throttled background tab) does not run timers, so the
 * first touch after waking could arrive before the overdue timer fires; `touch()` therefore
 * compares with the clock and locks instead of extending when the deadline has passed.
 */
export function createInactivityLock(options: InactivityLockOptions): InactivityLock {
  const timeoutMs = options.timeoutMs ?? DEFAULT_INACTIVITY_MS;
  const { now, onLock } = options;
  let locked = false;
  let disposed = false;
  let lastActivity = now();
  let handle: unknown;
  let armed = false;

  const disarm = () => {
    if (armed) options.clearTimeout(handle);
    armed = false;
  };
  const arm = (ms: number) => {
    disarm();
    handle = options.setTimeout(check, Math.max(0, ms));
    armed = true;
  };
  const lock = () => {
    if (locked || disposed) return;
    disarm();
    locked = true;
    onLock();
  };
  function check() {
    armed = false;
    if (locked || disposed) return;
    const remaining = lastActivity + timeoutMs - now();
    if (remaining <= 0) lock();
    else arm(remaining);
  }

  arm(timeoutMs);

  return {
    touch() {
      if (locked || disposed) return;
      if (now() - lastActivity >= timeoutMs) {
        lock();
        return;
      }
      lastActivity = now();
      if (!armed) arm(timeoutMs);
    },
    lockNow: lock,
    unlocked() {
      if (disposed) return;
      locked = false;
      lastActivity = now();
      arm(timeoutMs);
    },
    isLocked: () => locked,
    dispose() {
      disarm();
      disposed = true;
    },
  };
}
