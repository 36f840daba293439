import { useEffect } from 'preact/hooks';
import { clearHomeSnapshot, isSnapshotPath, saveHomeSnapshot } from './homeSnapshot';

/** At most one write per this much time while the home keeps changing (a first sync's pages). */
const SPACING_MS = 1000;
let lastSaved = Number.NEGATIVE_INFINITY;

/**
 * Keeps the home's markup for the next start (homeSnapshot.ts) each time its list changes:
 * right after the paint (effects run after it) so that even a visit closed a moment after the
 * list appeared leaves its snapshot, then at most once a second while pulled pages keep
 * changing it. `what` is what the list is made of (a pulled page, another commune, another
 * language write it again). `show` false (no directory yet) forgets it.
 */
export function useHomeSnapshot(show: boolean, what: readonly unknown[]): void {
  useEffect(() => {
    if (!show) {
      clearHomeSnapshot();
      return;
    }
    const save = () => {
      const root = document.getElementById('app');
      if (!root || !isSnapshotPath(location)) return;
      lastSaved = performance.now();
      saveHomeSnapshot(root);
    };
    const wait = lastSaved + SPACING_MS - performance.now();
    if (wait <= 0) {
      save();
      return;
    }
    const timer = setTimeout(save, wait);
    return () => clearTimeout(timer);
  }, [show, ...what]);
}
