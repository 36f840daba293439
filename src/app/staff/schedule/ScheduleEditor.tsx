import { useState } from 'preact/hooks';
import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import { useServices } from '../../services/services';
import { useStaffT } from '../i18n/staffMessages';
import { buildSchedule, FREQUENCIES, parseSchedule, WEEKDAYS, type SimpleSchedule } from './scheduleString';
import { useHoursCheck } from './useHoursCheck';

const DAY_NAMES: Record<'fr' | 'en', string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

interface Props {
  /** Prefix of the element ids (one editor per stop). */
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  /** Label of the text field. */
  label: string;
  holidays?: readonly SchoolHolidayPeriod[];
  /** An error from the form's own validation (schema). */
  error?: string | undefined;
  lang: 'fr' | 'en';
}

const DEFAULT: SimpleSchedule = { weekday: 'Tu', frequency: 'every', from: '09:30', to: '12:00', holidaysOff: true };

/**
 * A stop's schedule: a simple weekly/monthly form that writes the opening_hours string,
 * and the string itself, editable, checked live (same parser as the app) with the next
 * passages shown. The form reads the string back when it can.
 */
export function ScheduleEditor({ idPrefix, value, onChange, label, holidays, error, lang }: Props) {
  const t = useStaffT();
  const { now } = useServices();
  const [simple, setSimple] = useState<SimpleSchedule>(() => parseSchedule(value) ?? DEFAULT);
  const [timesError, setTimesError] = useState<string>();
  const check = useHoursCheck(value, now(), holidays);
  const readable = value.trim() === '' || parseSchedule(value) !== undefined;

  function update(patch: Partial<SimpleSchedule>) {
    const next = { ...simple, ...patch };
    setSimple(next);
    const built = buildSchedule(next);
    setTimesError(built ? undefined : t('sched.timesInvalid'));
    if (built) onChange(built);
  }
  const id = (s: string) => `${idPrefix}-${s}`;
  const fmt = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const liveText = !value.trim() ? '' : !check ? t('sched.checking') : check.ok ? t('sched.valid') : t('sched.invalid', { error: check.error ?? '' });
  const textError = error ?? (check && !check.ok ? liveText : undefined);

  return (
    <fieldset class="schedule-editor">
      <legend>{label}</legend>
      <div class="schedule-simple">
        <div class="field">
          <label for={id('day')}>{t('sched.weekday')}</label>
          <select id={id('day')} value={simple.weekday} onChange={(e) => update({ weekday: e.currentTarget.value as SimpleSchedule['weekday'] })}>
            {WEEKDAYS.map((d, i) => <option key={d} value={d}>{DAY_NAMES[lang][i]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={id('freq')}>{t('sched.frequency')}</label>
          <select id={id('freq')} value={simple.frequency} onChange={(e) => update({ frequency: e.currentTarget.value as SimpleSchedule['frequency'] })}>
            {FREQUENCIES.map((f) => <option key={f} value={f}>{t(`sched.${f}`)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={id('from')}>{t('sched.from')}</label>
          <input id={id('from')} type="time" value={simple.from} onInput={(e) => update({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={id('to')}>{t('sched.to')}</label>
          <input id={id('to')} type="time" value={simple.to} onInput={(e) => update({ to: e.currentTarget.value })} aria-describedby={timesError ? id('times-error') : undefined} />
        </div>
        <div class="field field-check">
          <input id={id('ph')} type="checkbox" checked={simple.holidaysOff} onChange={(e) => update({ holidaysOff: e.currentTarget.checked })} />
          <label for={id('ph')}>{t('sched.holidays')}</label>
        </div>
      </div>
      {timesError && <p id={id('times-error')} class="field-error">{timesError}</p>}
      <div class="field">
        <label for={id('text')}>{t('sched.string')}</label>
        <span class="hint" id={id('hint')}>{t('sched.hint')}</span>
        <input
          id={id('text')} type="text" class="mono" value={value}
          aria-invalid={textError ? 'true' : undefined}
          aria-describedby={`${id('hint')} ${id('check')}`}
          onInput={(e) => {
            const v = e.currentTarget.value;
            onChange(v);
            const parsed = parseSchedule(v);
            if (parsed) setSimple(parsed);
          }}
        />
        <p id={id('check')} class={textError ? 'field-error' : 'field-ok'} aria-live="polite">
          {textError ? `✗ ${textError}` : liveText ? `✓ ${liveText}` : ''}
        </p>
        {!readable && <p class="hint">{t('sched.custom')}</p>}
      </div>
      {check?.ok && (
        <div class="schedule-next">
          <p class="schedule-next-title">{t('sched.next')}</p>
          {check.passages.length === 0 ? (
            <p>{t('sched.none')}</p>
          ) : (
            <ul>
              {check.passages.map((p) => (
                <li key={p.start.toISOString()}>{fmt.format(p.start)} – {p.end.toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })}{p.uncertain ? ' (?)' : ''}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
