import { useStaffT } from '../i18n/staffMessages';
import type { FieldDef } from './formFields';
import type { FormValue } from './formModel';

/** Yes, no, or not known (the directory's three-state answers: wifi, step-free entrance…). */
export function TristateField({ def, id, value, set, error }: { def: FieldDef; id: string; value: FormValue | undefined; set: (v: string) => void; error?: string | undefined }) {
  const t = useStaffT();
  return (
    <div class="field">
      <label for={id}>{t(def.label)}</label>
      <select id={id} value={String(value ?? '')} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => set(e.currentTarget.value)}>
        <option value="">{t('tri.unknown')}</option>
        <option value="yes">{t('tri.yes')}</option>
        <option value="no">{t('tri.no')}</option>
      </select>
      {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
    </div>
  );
}
