import type { SyncStatus } from '../data/contracts';
import type { StaffT } from './i18n/staffMessages';

const time = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** The sync state in words (never colour alone). */
export function syncStatusText(status: SyncStatus | undefined, t: StaffT): string {
  if (!status) return t('status.unknown');
  switch (status.kind) {
    case 'upToDate': return t('status.upToDate', { at: time(status.at) });
    case 'syncing': return t('status.syncing', { pending: status.pending });
    case 'pending': return t('status.pending', { pending: status.pending });
    case 'offline': return t('status.offline', { pending: status.pending });
    case 'actionNeeded': return t('status.actionNeeded', { reason: t(`reason.${status.reason}`), count: status.count });
  }
}
