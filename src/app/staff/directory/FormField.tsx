import type { Commune } from '../../../shared/domain/territory';
import { label as vocabLabel, lang } from '../../i18n/i18n';
import { useServices } from '../../services/services';
import { useStaffT } from '../i18n/staffMessages';
import { useHoursCheck } from '../schedule/useHoursCheck';
import type { FieldDef } from './formModel';

interface Props {
  def: FieldDef;
  id: string;
  value: string | boolean | undefined;
  error?: string | undefined;
  communes: readonly Commune[];
  onChange: (value: string | boolean) => void;
}

/** One labelled field with its error read out with it (aria-describedby). */
export function FormField({ def, id, value, error, communes, onChange }: Props) {
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
  if (def.kind === 'hours') return <HoursField id={id} label={t(def.label)} value={text} error={error} onChange={onChange} />;
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

/** An opening_hours string (a place's hours) with the live check and next openings. */
function HoursField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string | undefined; onChange: (v: string) => void }) {
  const t = useStaffT();
  const { now } = useServices();
  const check = useHoursCheck(value, now());
  const live = !value.trim() ? '' : !check ? t('sched.checking') : check.ok ? t('sched.valid') : t('sched.invalid', { error: check.error ?? '' });
  const shown = error ?? (check && !check.ok ? live : undefined);
  const fmt = new Intl.DateTimeFormat(lang.value === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" class="mono" value={value} aria-invalid={shown ? 'true' : undefined} aria-describedby={`${id}-check`}
        onInput={(e) => onChange(e.currentTarget.value)} />
      <p id={`${id}-check`} class={shown ? 'field-error' : 'field-ok'} aria-live="polite">{shown ? `✗ ${shown}` : live ? `✓ ${live}` : ''}</p>
      {check?.ok && check.passages.length > 0 && (
        <p class="hint">{t('sched.nextList', { times: check.passages.slice(0, 3).map((p) => fmt.format(p.start)).join(t('sched.timesSeparator')) })}</p>
      )}
    </div>
  );
}
