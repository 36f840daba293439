import { useState } from 'preact/hooks';
import { useServices } from '../services/services';
import { usePageTitle } from '../ui/usePageTitle';
import { useStaffT, type StaffKey } from './i18n/staffMessages';
import { syncStatusText } from './syncStatusText';
import { useReplica, useStaff } from './useStaff';
import { PAGE_TERRITORY_NAME } from '../territory';

interface Counts {
  conflicts: number;
  corrections: number;
  pending: number;
  places: number;
  tours: number;
  visits: number;
}

/** The office's home: the sync state and what waits for someone. */
export function StaffHome() {
  const t = useStaffT();
  const services = useServices();
  const staff = useStaff();
  usePageTitle(t('home.title', { territory: PAGE_TERRITORY_NAME }));
  const [syncing, setSyncing] = useState(false);
  // How many syncs asked here have finished (tests wait on it, not on the status text).
  const [runs, setRuns] = useState(0);
  const counts = useReplica<Counts>(async () => {
    const [conflicts, corrections, pending, places, tours, visits] = await Promise.all([
      staff.issues.conflicts(), staff.directory.list('correction'), staff.pendingCount(),
      staff.directory.list('place'), staff.directory.list('tour'), staff.directory.visits(),
    ]);
    return {
      conflicts: conflicts.length,
      corrections: corrections.filter((c) => c.record.status === 'pending').length,
      pending, places: places.length, tours: tours.length, visits: visits.length,
    };
  });
  async function syncNow() {
    setSyncing(true);
    try {
      await services.syncNow?.();
    } finally {
      setSyncing(false);
      setRuns((n) => n + 1);
    }
  }
  const tiles: Array<[StaffKey, keyof Counts, string | undefined]> = [
    ['home.conflicts', 'conflicts', '/bureau/conflits'],
    ['home.corrections', 'corrections', '/bureau/corrections'],
    ['home.pending', 'pending', undefined],
    ['home.places', 'places', '/bureau/lieux'],
    ['home.tours', 'tours', '/bureau/tournees'],
    ['home.visits', 'visits', '/bureau/indicateurs'],
  ];
  return (
    <section aria-labelledby="staff-home-title">
      <h1 id="staff-home-title">{t('home.title', { territory: PAGE_TERRITORY_NAME })}</h1>
      <h2>{t('home.sync')}</h2>
      <p role="status" class="staff-sync">{syncStatusText(services.syncStatus.value, t)}</p>
      {services.syncNow && (
        <p><button type="button" class="button" onClick={syncNow} disabled={syncing} data-sync-runs={runs}>{t('home.syncNow')}</button></p>
      )}
      <h2>{t('home.counts')}</h2>
      <ul class="staff-tiles">
        {tiles.map(([key, field, href]) => (
          <li key={field} class="staff-tile">
            <span class="staff-tile-figure" data-testid={`count-${field}`}>{counts ? counts[field] : '…'}</span>
            {href ? <a href={href}>{t(key)}</a> : <span>{t(key)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
