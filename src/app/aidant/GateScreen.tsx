import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AidantController } from './aidantController';
import type { ProfileSummary } from './lock/pinLock';
import { errorText } from '../i18n/errors/errorText';
import { useAidantT } from './i18n/aidantMessages';
import { PinField } from './PinField';

type Mode =
  | { kind: 'choose' }
  | { kind: 'signin' }
  | { kind: 'setPin'; userId: string; name: string; replace?: boolean }
  | { kind: 'unlock'; userId: string; name: string; fresh?: boolean };

function initialMode(list: readonly ProfileSummary[]): Mode {
  const usable = list.filter((p) => p.hasPin && !p.signInRequired);
  if (list.length === 0) return { kind: 'signin' };
  if (list.length === 1 && usable.length === 1) return { kind: 'unlock', userId: usable[0]!.userId, name: usable[0]!.displayName };
  return { kind: 'choose' };
}

/** Who is at the tablet: profile chooser, online sign-in, choosing a PIN, unlocking with it. */
export function GateScreen({ controller }: { controller: AidantController }) {
  const t = useAidantT();
  const mode = useSignal<Mode | undefined>(undefined);
  useEffect(() => {
    void controller.refreshProfiles().then((list) => {
      const asked = controller.gateRequest.value;
      mode.value ??= asked === 'signin' ? { kind: 'signin' } : asked === 'choose' && list.length > 0 ? { kind: 'choose' } : initialMode(list);
      controller.gateRequest.value = undefined;
    });
  }, [controller]);
  useEffect(() => {
    document.title = `${t('space.title')} — Escale`;
  });

  const m = mode.value;
  if (!m) return null;
  const go = (next: Mode) => (mode.value = next);
  const pick = (p: ProfileSummary, fresh = false) => {
    if (p.signInRequired) go({ kind: 'signin' });
    else if (!p.hasPin) go({ kind: 'setPin', userId: p.userId, name: p.displayName });
    else go({ kind: 'unlock', userId: p.userId, name: p.displayName, fresh });
  };
  switch (m.kind) {
    case 'choose':
      return (
        <section class="page aidant-gate" aria-labelledby="gate-title">
          <h1 id="gate-title">{t('gate.title')}</h1>
          <p>{t('gate.intro')}</p>
          <ul class="plain-list profile-list">
            {(controller.profiles.value ?? []).map((p) => (
              <li key={p.userId}>
                <button type="button" class="button button-big profile-button" onClick={() => pick(p)}>
                  {p.displayName}
                  {p.signInRequired && <span class="profile-state"> ({t('gate.signInRequired')})</span>}
                  {!p.signInRequired && !p.hasPin && <span class="profile-state"> ({t('gate.noPin')})</span>}
                </button>
              </li>
            ))}
          </ul>
          <p><button type="button" class="button button-quiet" onClick={() => go({ kind: 'signin' })}>{t('gate.newAidant')}</button></p>
        </section>
      );
    case 'signin':
      return <SignIn controller={controller} onBack={(controller.profiles.value?.length ?? 0) > 0 ? () => go({ kind: 'choose' }) : undefined}
        onSignedIn={(p) => pick(p, true)} />;
    case 'setPin':
      return <ChoosePin controller={controller} userId={m.userId} replace={m.replace === true} />;
    case 'unlock':
      return <Unlock controller={controller} userId={m.userId} name={m.name} onOther={() => go({ kind: 'choose' })} onSignIn={() => go({ kind: 'signin' })}
        onForgot={m.fresh ? () => go({ kind: 'setPin', userId: m.userId, name: m.name, replace: true }) : undefined} />;
  }
}

function SignIn({ controller, onBack, onSignedIn }: { controller: AidantController; onBack: (() => void) | undefined; onSignedIn: (p: ProfileSummary) => void }) {
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

function ChoosePin({ controller, userId, replace }: { controller: AidantController; userId: string; replace: boolean }) {
  const t = useAidantT();
  const pin = useSignal('');
  const confirm = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | undefined>(undefined);
  async function submit(e: Event) {
    e.preventDefault();
    if (pin.value !== confirm.value) {
      error.value = t('pin.mismatch');
      return;
    }
    busy.value = true;
    // A forgotten PIN is replaced only right after the password proved who it is (pinLock).
    const result = await controller.pinLock.setPin(userId, pin.value, replace ? { replaceExisting: true } : {});
    busy.value = false;
    if (!result.ok) {
      error.value = result.message;
      return;
    }
    await controller.opened(userId, result.key);
  }
  return (
    <section class="page aidant-gate" aria-labelledby="pin-title">
      <h1 id="pin-title">{t('pin.chooseTitle')}</h1>
      <p>{t('pin.chooseIntro')}</p>
      {replace && <p class="notice notice-warn">{t('pin.forgotWarning')}</p>}
      <form onSubmit={submit} class="stack">
        <PinField id="pin-new" label={t('pin.label')} value={pin.value} onInput={(v) => (pin.value = v)} disabled={busy.value} />
        <PinField id="pin-confirm" label={t('pin.confirm')} value={confirm.value} onInput={(v) => (confirm.value = v)} disabled={busy.value} />
        {error.value && <p class="notice notice-warn" role="alert">{error.value}</p>}
        <button type="submit" class="button button-big" disabled={busy.value}>{busy.value ? t('pin.busy') : t('pin.save')}</button>
      </form>
    </section>
  );
}

function Unlock({ controller, userId, name, onOther, onSignIn, onForgot }: {
  controller: AidantController; userId: string; name: string; onOther: () => void; onSignIn: () => void; onForgot: (() => void) | undefined;
}) {
  const t = useAidantT();
  const pin = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | undefined>(undefined);
  const needSignIn = useSignal(false);
  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    error.value = undefined;
    const result = await controller.pinLock.unlock(userId, pin.value);
    busy.value = false;
    pin.value = '';
    if (result.ok) {
      await controller.opened(userId, result.key);
      return;
    }
    switch (result.reason) {
      case 'wrong-pin':
        error.value = result.retryAfterMs ? t('pin.wait', { seconds: Math.ceil(result.retryAfterMs / 1000) }) : t('pin.wrong', { left: result.attemptsLeft });
        break;
      case 'too-many-attempts':
        error.value = t('pin.wait', { seconds: Math.ceil(result.retryAfterMs / 1000) });
        break;
      case 'sign-in-required':
      case 'unknown-profile':
      case 'no-pin':
        error.value = t('pin.signInAgain');
        needSignIn.value = true;
        break;
    }
  }
  return (
    <section class="page aidant-gate" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('pin.unlockTitle', { name })}</h1>
      <p>{t('pin.unlockIntro')}</p>
      <form onSubmit={submit} class="stack">
        <PinField id="pin-unlock" label={t('pin.label')} value={pin.value} onInput={(v) => (pin.value = v)} disabled={busy.value} />
        {error.value && <p class="notice notice-warn" role="alert">{error.value}</p>}
        <button type="submit" class="button button-big" disabled={busy.value}>{busy.value ? t('pin.busy') : t('pin.unlock')}</button>
      </form>
      <div class="button-row gate-actions">
        {needSignIn.value && <button type="button" class="button" onClick={onSignIn}>{t('status.reconnect')}</button>}
        <button type="button" class="button button-quiet" onClick={onOther}>{t('pin.other')}</button>
        {onForgot && <button type="button" class="button button-quiet" onClick={onForgot}>{t('pin.forgot')}</button>}
      </div>
    </section>
  );
}
