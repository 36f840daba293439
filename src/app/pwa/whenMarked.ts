/** Runs `then` once: when `mark` has been set (before or after this call), or after `latestMs`. */
export function whenMarked(mark: string | undefined, latestMs: number, then: () => void): void {
  if (!mark || typeof PerformanceObserver === 'undefined') return then();
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    observer?.disconnect();
    then();
  };
  const timer = setTimeout(go, latestMs);
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(mark).length) go();
    });
    // buffered: a mark set before this call is delivered too.
    observer.observe({ type: 'mark', buffered: true });
  } catch {
    go();
  }
}
