import type { SchoolHolidayPeriod } from '../../../shared/domain/territory';
import { lang } from '../../i18n/i18n';
import { useServices } from '../../services/services';
import { useStaffT } from '../i18n/staffMessages';
import { useHoursCheck } from '../schedule/useHoursCheck';

interface Props {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  /** The territory's school-holiday calendar, which `SH` is read against (as on the public screens). */
  holidays?: readonly SchoolHolidayPeriod[] | undefined;
  onChange: (v: string) => void;
}

/**
 * An opening_hours string (a place's hours) with the live check and next openings, and
 * two notices that never block saving:
 * - « À vérifier »: the text is not OSM syntax as written (`Lu-Ve 9h-12h`, `Sun …`): the
 *   library reads it only by correcting it, so it is kept as written and said, never
 *   rewritten (shared/hours/hoursToVerify.ts; the data·inclusion import says the same);
 * - a rule with `SH` reaches past the territory's school calendar: after its last day,
 *   the screens show these hours « à confirmer ».
 */
export function HoursField({ id, label, value, error, holidays, onChange }: Props) {
  const t = useStaffT();
  const { now } = useServices();
  const check = useHoursCheck(value, now(), holidays);
  const live = !value.trim() ? '' : !check ? t('sched.checking') : check.ok ? t('sched.valid') : t('sched.invalid', { error: check.error ?? '' });
  const shown = error ?? (check && !check.ok ? live : undefined);
  const locale = lang.value === 'en' ? 'en-GB' : 'fr-FR';
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const day = (date: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
  const notices: Array<[string, string]> = [];
  if (check?.ok && check.warnings.length) notices.push(['verify', t('sched.toVerify', { warnings: check.warnings.join(' ; ') })]);
  if (check?.ok && check.schoolHolidaysUntil !== undefined) {
    notices.push(['sh', check.schoolHolidaysUntil ? t('sched.shUntil', { date: day(check.schoolHolidaysUntil) }) : t('sched.shNoCalendar')]);
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" class="mono" value={value} aria-invalid={shown ? 'true' : undefined}
        aria-describedby={[`${id}-check`, ...notices.map(([k]) => `${id}-${k}`)].join(' ')}
        onInput={(e) => onChange(e.currentTarget.value)} />
      <p id={`${id}-check`} class={shown ? 'field-error' : 'field-ok'} aria-live="polite">{shown ? `✗ ${shown}` : live ? `✓ ${live}` : ''}</p>
      {notices.map(([k, text]) => <p key={k} id={`${id}-${k}`} class="notice notice-warn">⚠ {text}</p>)}
      {check?.ok && check.passages.length > 0 && (
        <p class="hint">{t('sched.nextList', { times: check.passages.slice(0, 3).map((p) => fmt.format(p.start)).join(t('sched.timesSeparator')) })}</p>
      )}
    </div>
  );
}
