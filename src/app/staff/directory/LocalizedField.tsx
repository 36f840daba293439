import { useStaffT } from '../i18n/staffMessages';
import type { FieldProps } from './fieldTypes';
import type { FieldDef } from './formFields';
import { enKey, frKey, type FormValues } from './formModel';

/** French then English, side by side on wide screens; an error on the French one. */
export function LocalizedField({ def, id, values, set, error }: { def: FieldDef; id: string; values: FormValues; set: FieldProps['set']; error?: string | undefined }) {
  const t = useStaffT();
  const name = t(def.label);
  const input = (key: string, suffix: 'fr' | 'en', label: string, invalid: boolean) => {
    const inputId = `${id}-${suffix}`;
    const common = {
      id: inputId, lang: suffix, value: String(values[key] ?? ''),
      'aria-invalid': invalid ? ('true' as const) : undefined,
      'aria-describedby': invalid ? `${id}-error` : undefined,
      'aria-required': def.required && suffix === 'fr' ? ('true' as const) : undefined,
      onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => set(key, e.currentTarget.value),
    };
    return (
      <div class="field">
        <label for={inputId}>{label}{def.required && suffix === 'fr' ? ' *' : ''}</label>
        {def.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      </div>
    );
  };
  return (
    <div class="field-pair localized">
      {input(frKey(def.key), 'fr', t('loc.fr', { label: name }), Boolean(error))}
      {input(enKey(def.key), 'en', t('loc.en', { label: name }), false)}
      {error && <p id={`${id}-error`} class="field-error">✗ {error}</p>}
    </div>
  );
}
