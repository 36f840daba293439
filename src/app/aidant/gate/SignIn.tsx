import { useSignal } from '@preact/signals';
import { errorText } from '../../i18n/errors/errorText';
import type { AidantController } from '../aidantController';
import { useAidantT } from '../i18n/aidantMessages';
import type { ProfileSummary } from '../lock/pinLock';

/** An aidant's online sign-in (once per tablet): login and password, then their profile. */
export function SignIn({ controller, onBack, onSignedIn }: { controller: AidantController; onBack: (() => void) | undefined; onSignedIn: (p: ProfileSummary) => void }) {
  const t = useAidantT();
  const login = useSignal('');
  const password = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | undefined>(undefined);
  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    error.value = undefined;
    try {
      const { user, token } = await controller.backend.login(login.value.trim().toLowerCase(), password.value);
      await controller.pinLock.signedIn({ userId: user.id, login: user.login, displayName: user.displayName, token });
      const list = await controller.refreshProfiles();
      const mine = list.find((p) => p.userId === user.id);
      if (mine) onSignedIn(mine);
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = false;
      password.value = '';
    }
  }
  return (
    <section class="page aidant-gate" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit} class="stack">
        <label for="aidant-login">{t('signin.login')}</label>
        <input id="aidant-login" class="text-input" autoComplete="username" autoCapitalize="none" value={login.value}
          onInput={(e) => (login.value = (e.currentTarget as HTMLInputElement).value)} required />
        <label for="aidant-password">{t('signin.password')}</label>
        <input id="aidant-password" class="text-input" type="password" autoComplete="current-password" value={password.value}
          onInput={(e) => (password.value = (e.currentTarget as HTMLInputElement).value)} required />
        {error.value && <p class="notice notice-warn" role="alert">{error.value}</p>}
        <button type="submit" class="button button-big" disabled={busy.value}>{busy.value ? t('signin.busy') : t('signin.submit')}</button>
      </form>
      {onBack && <p><button type="button" class="button button-quiet" onClick={onBack}>{t('signin.back')}</button></p>}
    </section>
  );
}
