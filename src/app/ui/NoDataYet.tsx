import { t } from '../i18n/i18n';
import { useServices } from '../services/services';
import { Icon } from './Icon';

/** A fresh device: the first sync is under way (say so), or there is no network yet. */
export function NoDataYet() {
  const { syncStatus } = useServices();
  const status = syncStatus.value;
  const receiving = status?.kind === 'syncing' || (status?.kind === 'pending' && status.pending === 0 && navigator.onLine);
  return (
    <p class="notice" role="status">
      <Icon name={receiving ? 'sync' : 'offline'} />
      <span>{receiving ? t('home.receiving') : t('home.noData')}</span>
    </p>
  );
}
