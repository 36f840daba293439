import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SyncStatus } from '../data/contracts';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import { useServices } from '../services/services';
import { Icon } from './Icon';
import type { IconName } from './icons';
import { statusDetail } from './statusDetail';

type Described = { text: string; icon: IconName; tone: 'calm' | 'busy' | 'attention' };

/** What the status line says: calm words, a pictogram, and a tone that is never the
 *  only carrier of meaning. `detail` is the open space's own count of what waits
 *  (./statusDetail.ts): said after the state, and instead of the generic count. Pure, for tests. */
export function describeStatus(status: SyncStatus | undefined, online: boolean, detail?: string): Described {
  const base = baseStatus(status, online, detail !== undefined);
  if (detail === undefined) return base;
  return { ...base, text: base.text ? `${base.text} ${detail}` : detail };
}

function baseStatus(status: SyncStatus | undefined, online: boolean, hasDetail: boolean): Described {
  // "Pending, nothing pending" is the engine's word for "not synced yet": say nothing odd.
  if (!status || (status.kind === 'pending' && status.pending === 0)) return online ? { text: t('net.online'), icon: 'online', tone: 'calm' } : { text: t('net.offline'), icon: 'offline', tone: 'calm' };
  switch (status.kind) {
    case 'offline':
      return {
        text: status.lastSyncedAt ? t('net.offlineSince', { date: formatDateTime(status.lastSyncedAt) }) : t('net.offline'),
        icon: 'offline',
        tone: 'calm',
      };
    case 'syncing':
      return { text: t('net.syncing'), icon: 'sync', tone: 'busy' };
    case 'upToDate':
      return { text: t('net.upToDate', { date: formatDateTime(status.at) }), icon: 'check', tone: 'calm' };
    case 'pending':
      return { text: hasDetail ? '' : t('net.pending', { count: status.pending }), icon: 'sync', tone: 'busy' };
    case 'actionNeeded':
      return { text: status.reason === 'storageFull' ? t('net.storageFull') : t('net.actionNeeded'), icon: 'warning', tone: 'attention' };
  }
}

/** Always visible, never alarming: the network state from the sync engine's signal. */
export function NetworkStatus() {
  const { syncStatus } = useServices();
  const online = useSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const update = () => (online.value = navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  const { text, icon, tone } = describeStatus(syncStatus.value, online.value, statusDetail.value);
  return (
    <div class={`network-status tone-${tone}`} role="status">
      <Icon name={icon} />
      <span>{text}</span>
    </div>
  );
}
