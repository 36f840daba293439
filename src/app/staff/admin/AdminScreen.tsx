import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../shared/domain/user';
import { useServices } from '../../services/services';
import type { Device } from '../../services/staffServices';
import { usePageTitle } from '../../ui/usePageTitle';
import { ConfirmDialog } from '../ConfirmDialog';
import { useStaffT } from '../i18n/staffMessages';
import { useStaff } from '../useStaff';
import { AccountsTables } from './AccountsTables';
import { adminProblem } from './adminProblem';
import { AuditLog } from './AuditLog';
import { CreateAccount } from './CreateAccount';
import { DevicesTable, deviceName } from './DevicesTable';

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
      (e: unknown) => alive && setProblem(adminProblem(e, t)),
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
      setMessage(adminProblem(e, t));
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
  const toggle = (a: User) => void act(() => staff.admin.setDisabled(a.id, !a.disabled), `${a.login} : ${t(a.disabled ? 'admin.enabled' : 'admin.disabled')}`);
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      {offline && <p class="notice notice-warn">{t('admin.offline')}</p>}
      <p>{t('admin.logged')}</p>
      {problem && <p role="alert" class="notice notice-warn">{problem}</p>}
      <div role="status" aria-live="polite">{message && <p class="notice">{message}</p>}</div>
      {toRevoke && (
        <ConfirmDialog message={t('admin.revokeConfirm', { name: deviceName(toRevoke) })} onCancel={() => setToRevoke(undefined)}
          onConfirm={() => { const d = toRevoke; setToRevoke(undefined); void act(() => staff.admin.revokeDevice(d.clientId), t('admin.revokeDone')); }} />
      )}
      {devices && <DevicesTable devices={devices} onRevoke={setToRevoke} />}
      {accounts && <AccountsTables accounts={accounts} me={staff.account.value?.id} onToggle={toggle} />}
      <CreateAccount onCreated={(login) => { setMessage(t('admin.created', { login })); setGeneration((g) => g + 1); }} />
      {!offline && <AuditLog generation={generation} />}
    </section>
  );
}
