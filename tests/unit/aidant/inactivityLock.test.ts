import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInactivityLock, type InactivityLock } from '../../../src/app/aidant/lock/inactivityLock';

let onLock: ReturnType<typeof vi.fn<() => void>>;
let lock: InactivityLock;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 9, 0) });
  onLock = vi.fn<() => void>();
  lock = createInactivityLock({
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onLock,
  });
});
afterEach(() => {
  lock.dispose();
  vi.useRealTimers();
});

describe('createInactivityLock', () => {
  it('locks after 5 minutes without activity, once', () => {
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(lock.isLocked()).toBe(true);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('touch() pushes the deadline back', () => {
    vi.advanceTimersByTime(4 * 60_000);
    lock.touch();
    vi.advanceTimersByTime(4 * 60_000);
    lock.touch();
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however many touches', () => {
    for (let i = 0; i < 1000; i++) {
      lock.touch();
      vi.advanceTimersByTime(100);
    }
    expect(vi.getTimerCount()).toBe(1);
    expect(onLock).not.toHaveBeenCalled();
  });

  it('touch() after the deadline locks instead of extending (a tablet waking from sleep)', () => {
    // Timers did not run while the tablet slept; the clock moved on.
    vi.setSystemTime(Date.now() + 20 * 60_000);
    lock.touch();
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(lock.isLocked()).toBe(true);
  });

  it('touch() while locked does not unlock; unlocked() starts counting again', () => {
    lock.lockNow();
    expect(onLock).toHaveBeenCalledTimes(1);
    lock.touch();
    expect(lock.isLocked()).toBe(true);
    lock.unlocked();
    expect(lock.isLocked()).toBe(false);
    vi.advanceTimersByTime(5 * 60_000);
    expect(onLock).toHaveBeenCalledTimes(2);
  });

  it('honours a custom timeout', () => {
    lock.dispose();
    lock = createInactivityLock({ timeoutMs: 60_000, now: () => Date.now(), setTimeout, clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>), onLock });
    vi.advanceTimersByTime(60_000);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('dispose() stops everything', () => {
    lock.dispose();
    vi.advanceTimersByTime(60 * 60_000);
    lock.lockNow();
    expect(onLock).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
