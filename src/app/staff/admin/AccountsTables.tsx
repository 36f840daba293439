import type { User } from '../../../shared/domain/user';
import { ROLES } from '../../../shared/domain/vocabularies';
import { useStaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';

/** The accounts, one table per role; each can be disabled or enabled again, except one's own. */
export function AccountsTables({ accounts, me, onToggle }: { accounts: User[]; me: string | undefined; onToggle: (account: User) => void }) {
  const t = useStaffT();
  return (
    <>
      <h2>{t('admin.accounts')}</h2>
      {ROLES.map((role) => {
        const ofRole = accounts.filter((a) => a.role === role);
        return ofRole.length === 0 ? null : (
          <SortableTable<User>
            key={role} caption={`${t(`role.${role}`)} (${ofRole.length})`} rows={ofRole} rowKey={(a) => a.id} rowHeader="login"
            initialSort={{ key: 'login', dir: 'ascending' }}
            columns={[
              { key: 'login', label: t('admin.login'), sortValue: (a) => a.login, render: (a) => a.login },
              { key: 'name', label: t('admin.displayName'), sortValue: (a) => a.displayName, render: (a) => a.displayName },
              { key: 'state', label: t('admin.state'), sortValue: (a) => (a.disabled ? 1 : 0), render: (a) => (a.disabled ? `⊘ ${t('admin.disabled')}` : `✓ ${t('admin.enabled')}`) },
              {
                key: 'actions', label: t('col.actions'),
                render: (a) => a.id === me ? '—' : (
                  <button type="button" class="button button-small button-quiet" aria-label={`${t(a.disabled ? 'admin.enable' : 'admin.disable')} ${a.login}`}
                    onClick={() => onToggle(a)}>
                    {t(a.disabled ? 'admin.enable' : 'admin.disable')}
                  </button>
                ),
              },
            ]}
          />
        );
      })}
    </>
  );
}
