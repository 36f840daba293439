import { useAidantT } from '../i18n/aidantMessages';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * A PIN entry: a masked numeric field (a keyboard or the tablet's own keypad works) and
 * large digit buttons beside it, so nothing needs to be typed that can be tapped.
 */
export function PinField({ id, label, value, onInput, disabled }: { id: string; label: string; value: string; onInput: (v: string) => void; disabled?: boolean }) {
  const t = useAidantT();
  const set = (v: string) => onInput(v.replace(/\D/g, '').slice(0, 8));
  return (
    <div class="pin-field">
      <label for={id}>{label}</label>
      <input
        id={id} type="password" inputMode="numeric" autoComplete="off" maxLength={8} class="pin-input"
        value={value} disabled={disabled} onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="pin-pad" role="group" aria-label={label}>
        {DIGITS.map((d) => (
          <button type="button" class="pin-key" key={d} disabled={disabled} onClick={() => set(value + d)}>{d}</button>
        ))}
        <button type="button" class="pin-key pin-erase" disabled={disabled} onClick={() => set('')}>{t('pin.erase')}</button>
      </div>
    </div>
  );
}
