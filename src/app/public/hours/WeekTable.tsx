import { formatHm, formatWeekday } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useHoursApi } from '../../hours/useHoursApi';
import { useAppState, useServices } from '../../services/services';
import '../../i18n/screens';

/** This week's hours, Monday first, today highlighted (bold, a bar and the word "aujourd'hui"). */
export function WeekTable({ value }: { value: string }) {
  const api = useHoursApi();
  const { now } = useServices();
  const { territory } = useAppState();
  if (!api) return <p class="loading">{t('hours.loading')}</p>;
  const week = api.weekOf(value, now(), territory.value?.schoolHolidays);
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
