import { useSignal } from '@preact/signals';
import type { AidantController } from '../aidantController';
import { useAidantT } from '../i18n/aidantMessages';
import { setPinRefusalText } from '../i18n/pinText';
import type { SetPinRefusal } from '../lock/pinLock';
import { PinField } from './PinField';

/** Choosing a PIN (twice), or a new one after a forgotten PIN: it opens the tablet offline. */
export function ChoosePin({ controller, userId, replace }: { controller: AidantController; userId: string; replace: boolean }) {
  const t = useAidantT();
  const pin = useSignal('');
  const confirm = useSignal('');
  const busy = useSignal(false);
  // Kept as a reason and worded when shown, so a change of language rewords it.
  const error = useSignal<SetPinRefusal | 'mismatch' | undefined>(undefined);
  async function submit(e: Event) {
    e.preventDefault();
    if (pin.value !== confirm.value) {
      error.value = 'mismatch';
      return;
    }
    busy.value = true;
    // A forgotten PIN is replaced only right after the password proved who it is (pinLock).
    const result = await controller.pinLock.setPin(userId, pin.value, replace ? { replaceExisting: true } : {});
    busy.value = false;
    if (!result.ok) {
      error.value = result;
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
        {error.value && <p class="notice notice-warn" role="alert">{error.value === 'mismatch' ? t('pin.mismatch') : setPinRefusalText(error.value)}</p>}
        <button type="submit" class="button button-big" disabled={busy.value}>{busy.value ? t('pin.busy') : t('pin.save')}</button>
      </form>
    </section>
  );
}
