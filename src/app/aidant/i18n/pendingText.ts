import type { PendingCount } from '../../../shared/sync/pendingCount';
import { atCount } from './aidantMessages';

// The count of what waits (src/shared/sync/pendingCount.ts), worded once for the banner,
// the "À envoyer" button, the day's list and the waiting screen.

/** "3 visites à envoyer et 2 autres éléments", "1 visite à envoyer", "Aucune visite à envoyer",
 *  "2 éléments à envoyer (aucune visite)". */
export function pendingText(count: PendingCount): string {
  if (count.visits === 0 && count.others > 0) return atCount('pending.othersOnly', count.others);
  const visits = atCount('pending.visits', count.visits);
  return count.others > 0 ? `${visits} ${atCount('pending.others', count.others)}` : visits;
}

/** The menu button: "À envoyer : 3 visites" ("À envoyer" when no visit waits). */
export function waitingButtonText(count: PendingCount): string {
  return atCount('nav.waitingCount', count.visits);
}
