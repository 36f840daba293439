import { useSignal } from '@preact/signals';
import type { AidantController } from '../aidantController';
import { useAidantT } from '../i18n/aidantMessages';
import { unlockFailureText, unlockNeedsSignIn } from '../i18n/pinText';
import type { UnlockFailure } from '../lock/pinLock';
import { PinField } from './PinField';

/** Unlocking with the PIN; wrong codes count down to a wait, then to an online sign-in. */
export function Unlock({ controller, userId, name, onOther, onSignIn, onForgot }: {
  controller: AidantController; userId: string; name: string; onOther: () => void; onSignIn: () => void; onForgot: (() => void) | undefined;
}) {
  const t = useAidantT();
  const pin = useSignal('');
  const busy = useSignal(false);
  // Kept as the lock's answer and worded when shown, so a change of language rewords it.
  const error = useSignal<UnlockFailure | undefined>(undefined);
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
    error.value = result;
    if (unlockNeedsSignIn(result)) needSignIn.value = true;
  }
  return (
    <section class="page aidant-gate" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('pin.unlockTitle', { name })}</h1>
      <p>{t('pin.unlockIntro')}</p>
      <form onSubmit={submit} class="stack">
        <PinField id="pin-unlock" label={t('pin.label')} value={pin.value} onInput={(v) => (pin.value = v)} disabled={busy.value} />
        {error.value && <p class="notice notice-warn" role="alert">{unlockFailureText(error.value)}</p>}
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
