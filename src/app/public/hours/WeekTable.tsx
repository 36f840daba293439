import { formatHm, formatWeekday } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useHoursEvaluator } from '../../hours/hoursEvaluator';
import { useAppState, useServices } from '../../services/services';
import { useSlicedHours } from './useSlicedHours';
import '../../i18n/screens';

/** This week's hours, Monday first, today highlighted (bold, a bar and the word "aujourd'hui"). */
export function WeekTable({ value }: { value: string }) {
  const api = useHoursEvaluator();
  const { now } = useServices();
  const { territory } = useAppState();
  // Evaluated after the render, in the opening-hours worker when there is one (useSlicedHours).
  const evaluated = useSlicedHours(api, `week:${value}`, now, territory.value?.schoolHolidays, (hours, at, holidays) => hours.weekOf(value, at, holidays));
  if (!evaluated.ready) return <p class="loading">{t('hours.loading')}</p>;
  const week = evaluated.value;
  if (!week) return <p>{t('hours.unknown')}. {t('hours.raw', { value })}</p>;
  return (
    <table class="week">
      <caption class="visually-hidden">{t('hours.week')}</caption>
      <tbody>
        {week.map((day) => (
          <tr key={day.date} class={day.isToday ? 'today' : undefined} aria-current={day.isToday ? 'date' : undefined}>
            <th scope="row">
              {formatWeekday(day.date)}
              {day.isToday && <> ({t('hours.today')})</>}
              {day.isHoliday && <> — {t('hours.holiday')}</>}
            </th>
            <td>
              {day.intervals.length === 0
                ? day.unknownReason ? t('hours.dayUnknown') : t('hours.closed')
                : day.intervals.map((interval, i) => (
                    <span key={i} class="interval">
                      {formatHm(interval.from)}{'\u00a0–\u00a0'}{formatHm(interval.to)}
                      {interval.uncertain && ` ${t('hours.uncertain')}`}
                      {interval.comment && ` (${interval.comment})`}
                    </span>
                  ))}
              {day.intervals.length > 0 && day.unknownReason && ` — ${t('hours.dayUnknown')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
