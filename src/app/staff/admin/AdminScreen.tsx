import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../shared/domain/user';
import { ROLES, type Role } from '../../../shared/domain/vocabularies';
import { errorText } from '../../i18n/errors/errorText';
import { useServices } from '../../services/services';
import type { Device } from '../../services/staffServices';
import { usePageTitle } from '../../ui/usePageTitle';
import { ConfirmDialog } from '../ConfirmDialog';
import { useStaffT, type StaffKey } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';
import { AuditLog } from './AuditLog';
import { useStaff } from '../useStaff';

const isOffline = (e: unknown) => (e as { code?: string } | undefined)?.code === 'offline';
const when = (iso: string | null | undefined, never: string) =>
  iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : never;

/** Devices and accounts of the territory (admin role). Lives on the server: needs the network. */
export function AdminScreen() {
  const t = useStaffT();
  const staff = useStaff();
  const { syncStatus } = useServices();
  usePageTitle(t('admin.title'));
  const [devices, setDevices] = useState<Device[]>();
  const [accounts, setAccounts] = useState<User[]>();
  const [problem, setProblem] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [toRevoke, setToRevoke] = useState<Device>();
  const [generation, setGeneration] = useState(0);
  const isAdmin = staff.account.value?.role === 'admin';
  const offline = syncStatus.value?.kind === 'offline';

  useEffect(() => {
    if (!isAdmin) return;
    let alive = true;
    Promise.all([staff.admin.devices(), staff.admin.accounts()]).then(
      ([d, a]) => {
        if (!alive) return;
        setDevices(d);
        setAccounts(a);
        setProblem(undefined);
      },
      (e: unknown) => alive && setProblem(isOffline(e) ? t('admin.offline') : t('error', { message: errorText(e) })),
    );
    return () => {
      alive = false;
    };
  }, [isAdmin, generation, offline]);

  async function act(action: () => Promise<unknown>, done: string) {
    setMessage(undefined);
    try {
      await action();
      setMessage(done);
      setGeneration((g) => g + 1);
    } catch (e) {
      setMessage(isOffline(e) ? t('admin.offline') : t('error', { message: errorText(e) }));
    }
  }

  if (!isAdmin) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">{t('admin.title')}</h1>
        <p>{t('admin.notAdmin')}</p>
      </section>
    );
  }
  const name = (d: Device) => d.displayName ?? d.login ?? d.clientId.slice(0, 8);
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      {offline && <p class="notice notice-warn">{t('admin.offline')}</p>}
      <p>{t('admin.logged')}</p>
      {problem && <p role="alert" class="notice notice-warn">{problem}</p>}
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {toRevoke && (
        <ConfirmDialog message={t('admin.revokeConfirm', { name: name(toRevoke) })} onCancel={() => setToRevoke(undefined)}
          onConfirm={() => { const d = toRevoke; setToRevoke(undefined); void act(() => staff.admin.revokeDevice(d.clientId), t('admin.revokeDone')); }} />
      )}
      {devices && (
        <SortableTable<Device>
          caption={t('admin.devices')} rows={devices} rowKey={(d) => d.clientId} initialSort={{ key: 'lastSeen', dir: 'descending' }}
          columns={[
            { key: 'device', label: t('admin.device'), sortValue: (d) => d.clientId, render: (d) => <span class="mono">{d.clientId.slice(0, 8)}</span> },
            { key: 'account', label: t('admin.account'), sortValue: (d) => name(d), render: (d) => `${name(d)}${d.login ? ` (${d.login})` : ''}` },
            { key: 'lastSeen', label: t('admin.lastSeen'), sortValue: (d) => d.lastSeen ?? '', render: (d) => when(d.lastSeen, t('admin.never')) },
            { key: 'lastMutation', label: t('admin.lastMutation'), numeric: true, sortValue: (d) => d.lastMutationId, render: (d) => d.lastMutationId },
            { key: 'holds', label: t('admin.holds'), numeric: true, sortValue: (d) => d.pending ?? -1, render: (d) => (typeof d.pending === 'number'
              ? <span title={when(d.pendingReportedAt, '')}>{d.pending}</span>
              : t('admin.holdsUnknown')) },
            { key: 'state', label: t('admin.state'), sortValue: (d) => (d.revokedAt ? 1 : 0), render: (d) => (d.revokedAt ? `⊘ ${t('admin.revoked', { date: when(d.revokedAt, '') })}` : `✓ ${t('admin.active')}`) },
            {
              key: 'actions', label: t('col.actions'),
              render: (d) => (d.revokedAt ? '—' : (
                <button type="button" class="button button-small button-quiet" aria-label={`${t('admin.revoke')} ${name(d)} ${d.clientId.slice(0, 8)}`} onClick={() => setToRevoke(d)}>{t('admin.revoke')}</button>
              )),
            },
          ]}
        />
      )}
      {accounts && (
        <>
          <h2>{t('admin.accounts')}</h2>
          {ROLES.map((role) => {
            const ofRole = accounts.filter((a) => a.role === role);
            return ofRole.length === 0 ? null : (
              <SortableTable<User>
                key={role} caption={`${t(`role.${role}` as StaffKey)} (${ofRole.length})`} rows={ofRole} rowKey={(a) => a.id} rowHeader="login"
                initialSort={{ key: 'login', dir: 'ascending' }}
                columns={[
                  { key: 'login', label: t('admin.login'), sortValue: (a) => a.login, render: (a) => a.login },
                  { key: 'name', label: t('admin.displayName'), sortValue: (a) => a.displayName, render: (a) => a.displayName },
                  { key: 'state', label: t('admin.state'), sortValue: (a) => (a.disabled ? 1 : 0), render: (a) => (a.disabled ? `⊘ ${t('admin.disabled')}` : `✓ ${t('admin.enabled')}`) },
                  {
                    key: 'actions', label: t('col.actions'),
                    render: (a) => a.id === staff.account.value?.id ? '—' : (
                      <button type="button" class="button button-small button-quiet" aria-label={`${t(a.disabled ? 'admin.enable' : 'admin.disable')} ${a.login}`}
                        onClick={() => void act(() => staff.admin.setDisabled(a.id, !a.disabled), `${a.login} : ${t(a.disabled ? 'admin.enabled' : 'admin.disabled')}`)}>
                        {t(a.disabled ? 'admin.enable' : 'admin.disable')}
                      </button>
                    ),
                  },
                ]}
              />
            );
          })}
        </>
      )}
      <CreateAccount onCreated={(login) => { setMessage(t('admin.created', { login })); setGeneration((g) => g + 1); }} />
      {!offline && <AuditLog generation={generation} />}
    </section>
  );
}

function CreateAccount({ onCreated }: { onCreated: (login: string) => void }) {
  const t = useStaffT();
  const staff = useStaff();
  const [form, setForm] = useState({ login: '', displayName: '', role: 'aidant' as Role, password: '' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const user = await staff.admin.createAccount(form);
      setForm({ login: '', displayName: '', role: 'aidant', password: '' });
      onCreated(user.login);
    } catch (err) {
      setError(isOffline(err) ? t('admin.offline') : errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const text = (key: 'login' | 'displayName' | 'password', label: StaffKey, type = 'text') => (
    <div class="field">
      <label for={`acc-${key}`}>{t(label)}</label>
      <input id={`acc-${key}`} type={type as 'text'} value={form[key]} autocomplete={key === 'password' ? 'new-password' : 'off'}
        onInput={(e) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }))} />
    </div>
  );
  return (
    <form class="staff-form" onSubmit={submit} noValidate aria-labelledby="acc-title">
      <h2 id="acc-title">{t('admin.create')}</h2>
      {text('login', 'admin.login')}
      {text('displayName', 'admin.displayName')}
      <div class="field">
        <label for="acc-role">{t('admin.role')}</label>
        <select id="acc-role" value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.currentTarget.value as Role }))}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}` as StaffKey)}</option>)}
        </select>
      </div>
      {text('password', 'admin.password', 'password')}
      {error && <p role="alert" class="notice notice-warn">{error}</p>}
      <button type="submit" class="button" disabled={busy}>{t('admin.create')}</button>
    </form>
  );
}
