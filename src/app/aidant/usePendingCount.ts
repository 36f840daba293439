import { pendingCount, type PendingCount } from '../../shared/sync/pendingCount';
import { useAidant } from './aidantContext';

/** What waits in the outbox, counted once (src/shared/sync/pendingCount.ts), for a screen
 *  of the unlocked space: the lists are read again after each write, pull or sync. */
export function usePendingCount(): PendingCount {
  const { lists } = useAidant();
  return pendingCount(lists?.pending ?? []);
}
