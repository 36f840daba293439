import type { Device } from '../../services/staffServices';
import { useStaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';

const when = (iso: string | null | undefined, never: string) =>
  iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : never;

/** The account's name for a device, or the start of its id. */
export const deviceName = (d: Device) => d.displayName ?? d.login ?? d.clientId.slice(0, 8);

/** The territory's devices: who, last sync, what they still hold, revoked or not. */
export function DevicesTable({ devices, onRevoke }: { devices: Device[]; onRevoke: (device: Device) => void }) {
  const t = useStaffT();
  return (
    <SortableTable<Device>
      caption={t('admin.devices')} rows={devices} rowKey={(d) => d.clientId} initialSort={{ key: 'lastSeen', dir: 'descending' }}
      columns={[
        { key: 'device', label: t('admin.device'), sortValue: (d) => d.clientId, render: (d) => <span class="mono">{d.clientId.slice(0, 8)}</span> },
        { key: 'account', label: t('admin.account'), sortValue: (d) => deviceName(d), render: (d) => `${deviceName(d)}${d.login ? ` (${d.login})` : ''}` },
        { key: 'lastSeen', label: t('admin.lastSeen'), sortValue: (d) => d.lastSeen ?? '', render: (d) => when(d.lastSeen, t('admin.never')) },
        { key: 'lastMutation', label: t('admin.lastMutation'), numeric: true, sortValue: (d) => d.lastMutationId, render: (d) => d.lastMutationId },
        { key: 'holds', label: t('admin.holds'), numeric: true, sortValue: (d) => d.pending ?? -1, render: (d) => (typeof d.pending === 'number'
          ? <span title={when(d.pendingReportedAt, '')}>{d.pending}</span>
          : t('admin.holdsUnknown')) },
        { key: 'state', label: t('admin.state'), sortValue: (d) => (d.revokedAt ? 1 : 0), render: (d) => (d.revokedAt ? `⊘ ${t('admin.revoked', { date: when(d.revokedAt, '') })}` : `✓ ${t('admin.active')}`) },
        {
          key: 'actions', label: t('col.actions'),
          render: (d) => (d.revokedAt ? '—' : (
            <button type="button" class="button button-small button-quiet" aria-label={`${t('admin.revoke')} ${deviceName(d)} ${d.clientId.slice(0, 8)}`} onClick={() => onRevoke(d)}>{t('admin.revoke')}</button>
          )),
        },
      ]}
    />
  );
}
