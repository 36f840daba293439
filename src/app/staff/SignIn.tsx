import { useState } from 'preact/hooks';
import type { Role } from '../../shared/domain/vocabularies';
import { errorText } from '../i18n/errors/errorText';
import { usePageTitle } from '../ui/usePageTitle';
import { useStaff } from './useStaff';
import { useStaffT } from './i18n/staffMessages';
import { PAGE_TERRITORY_NAME } from '../territory';

/** Sign-in of an office account (staff or admin); it needs the network. */
export function SignIn({ wrongRole }: { wrongRole?: Role | undefined }) {
  const t = useStaffT();
  const staff = useStaff();
  usePageTitle(t('signin.title'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(
    wrongRole ? t('signin.wrongRole', { role: t(`role.${wrongRole}`) }) : undefined,
  );

  async function submit(event: Event) {
    event.preventDefault();
    if (!login.trim() || !password) return setError(t('signin.missing'));
    setBusy(true);
    setError(undefined);
    try {
      const user = await staff.login(login.trim(), password);
      if (user.role !== 'staff' && user.role !== 'admin') setError(t('signin.wrongRole', { role: t(`role.${user.role}`) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="staff-signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <p>{t('signin.intro', { territory: PAGE_TERRITORY_NAME })}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="staff-login">{t('signin.login')}</label>
          <input id="staff-login" type="text" autocomplete="username" value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="staff-password">{t('signin.password')}</label>
          <input id="staff-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <p role="alert" class={error ? 'notice notice-warn' : 'visually-hidden'}>{error ?? ''}</p>
        <button class="button" type="submit" disabled={busy}>{busy ? t('signin.busy') : t('signin.submit')}</button>
      </form>
    </section>
  );
}
