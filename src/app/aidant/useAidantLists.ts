import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PendingChange } from '../data/contracts';
import type { ItinerantSession } from '../../shared/domain/session';
import type { VisitLog } from '../../shared/domain/visitLog';
import { useServices } from '../services/services';
import type { AidantController } from './aidantController';

export interface AidantLists {
  visits: VisitLog[];
  sessions: ItinerantSession[];
  pending: PendingChange[];
}

/** Visits, sessions and waiting changes, read again after each write, pull or sync. */
export function useAidantLists(controller: AidantController): AidantLists | undefined {
  const { directory, syncStatus } = useServices();
  const lists = useSignal<AidantLists | undefined>(undefined);
  const changed = controller.changed.value;
  const status = syncStatus.value;
  useEffect(() => {
    let live = true;
    const read = () => void Promise.all([controller.backend.visits(), controller.backend.sessions(), controller.backend.pending()])
      .then(([visits, sessions, pending]) => { if (live) lists.value = { visits, sessions, pending }; });
    read();
    const off = directory.onChange(read);
    return () => { live = false; off(); };
  }, [controller, directory, changed, status]);
  return lists.value;
}
