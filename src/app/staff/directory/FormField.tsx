import type { Commune, SchoolHolidayPeriod } from '../../../shared/domain/territory';
import { label as vocabLabel } from '../../i18n/i18n';
import { useStaffT } from '../i18n/staffMessages';
import type { FieldDef } from './formModel';
import { HoursField } from './HoursField';

interface Props {
  def: FieldDef;
  id: string;
  value: string | boolean | undefined;
  error?: string | undefined;
  communes: readonly Commune[];
  holidays?: readonly SchoolHolidayPeriod[] | undefined;
  onChange: (value: string | boolean) => void;
}

/** One labelled field with its error read out with it (aria-describedby). */
export function FormField({ def, id, value, error, communes, holidays, onChange }: Props) {
  const t = useStaffT();
  const errorId = `${id}-error`;
  const common = {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': def.required ? ('true' as const) : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const errorLine = error ? <p id={errorId} class="field-error">✗ {error}</p> : null;
  if (def.kind === 'checkbox') {
    return (
      <div class="field field-check">
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
        <label for={id}>{t(def.label)}</label>
        {errorLine}
      </div>
    );
  }
  if (def.kind === 'hours') return <HoursField id={id} label={t(def.label)} value={text} error={error} holidays={holidays} onChange={onChange} />;
  const section = def.vocab;
  return (
    <div class="field">
      <label for={id}>{t(def.label)}{def.required ? ' *' : ''}</label>
      {def.kind === 'textarea' ? (
        <textarea {...common} rows={4} value={text} onInput={(e) => onChange(e.currentTarget.value)} />
      ) : def.kind === 'select' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)}>
          {!def.required && <option value="">—</option>}
          {def.options?.map((o) => <option key={o} value={o}>{section ? vocabLabel(section, o) : o}</option>)}
        </select>
      ) : def.kind === 'commune' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">—</option>
          {communes.map((c) => <option key={c.insee} value={c.insee}>{c.name} ({c.insee})</option>)}
        </select>
      ) : (
        <input {...common} type="text"
          inputMode={def.kind === 'number' ? 'decimal' : def.type === 'email' ? 'email' : def.type === 'url' ? 'url' : def.type === 'tel' ? 'tel' : undefined} value={text} onInput={(e) => onChange(e.currentTarget.value)} />
      )}
      {errorLine}
    </div>
  );
}
