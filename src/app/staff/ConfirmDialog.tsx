import { useEffect, useRef } from 'preact/hooks';
import { useStaffT } from './i18n/staffMessages';

interface Props {
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A confirmation that takes focus (Cancel first, the safe choice) and closes with Escape.
 * Drawn in place, as an alertdialog, so it works the same in every browser and in tests.
 */
export function ConfirmDialog({ message, onConfirm, onCancel }: Props) {
  const t = useStaffT();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="confirm-text"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id="confirm-text">{message}</p>
      <div class="button-row">
        <button type="button" ref={cancel} class="button button-quiet" onClick={onCancel}>{t('confirm.no')}</button>
        <button type="button" class="button button-danger" onClick={onConfirm}>{t('confirm.yes')}</button>
      </div>
    </div>
  );
}
