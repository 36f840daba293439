import { useState } from 'preact/hooks';
import { ROLES, type Role } from '../../../shared/domain/vocabularies';
import { errorText } from '../../i18n/errors/errorText';
import { useStaffT } from '../i18n/staffMessages';
import { useStaff } from '../useStaff';
import { isOffline } from './adminProblem';

/** A new account: login, name shown, role, first password. */
export function CreateAccount({ onCreated }: { onCreated: (login: string) => void }) {
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
  const text = (key: 'login' | 'displayName' | 'password', label: 'admin.login' | 'admin.displayName' | 'admin.password', type = 'text') => (
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
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </div>
      {text('password', 'admin.password', 'password')}
      {error && <p role="alert" class="notice notice-warn">{error}</p>}
      <button type="submit" class="button" disabled={busy}>{t('admin.create')}</button>
    </form>
  );
}
