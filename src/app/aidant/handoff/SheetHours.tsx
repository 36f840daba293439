import { formatCalendarDate, formatHm, formatWeekday } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useHoursEvaluator } from '../../hours/hoursEvaluator';
import { useSlicedHours } from '../../public/hours/useSlicedHours';
import { useAppState, useServices } from '../../services/services';
import type { DaySchedule } from '../../hours/hoursApi';
import { useAidantT } from '../i18n/aidantMessages';
import { groupDays } from './groupDays';

/** The place's hours as lines a person reads on paper, Monday first, days that read the
 *  same on one line: "du lundi au vendredi : 9 h – 12 h", "samedi et dimanche : fermé".
 *  This week's, evaluated on the device (school holidays from the territory's data). */
export function SheetHours({ value }: { value: string | undefined }) {
  const at = useAidantT();
  const api = useHoursEvaluator();
  const { now } = useServices();
  const { territory } = useAppState();
  const evaluated = useSlicedHours(api, value ? `week:${value}` : undefined, now, territory.value?.schoolHolidays, (hours, when, holidays) => hours.weekOf(value!, when, holidays));
  if (!value) return <p>{at('handoff.noHours')}</p>;
  if (!evaluated.ready) return <p class="loading">{t('hours.loading')}</p>;
  const week = evaluated.value;
  if (!week) return <p>{t('hours.unknown')}. {t('hours.raw', { value })}</p>;
  const times = (day: DaySchedule) => {
    const text = day.intervals.length === 0
      ? day.unknownReason ? t('hours.dayUnknown') : at('handoff.closed')
      : day.intervals.map((i) => `${formatHm(i.from)}\u00a0–\u00a0${formatHm(i.to)}${i.uncertain ? ` ${t('hours.uncertain')}` : ''}`).join(', ');
    return day.isHoliday ? `${text} (${t('hours.holiday')})` : text;
  };
  const name = (day: DaySchedule) => formatWeekday(day.date);
  return (
    <>
      <p class="handoff-week">{at('handoff.hoursWeek', { date: formatCalendarDate(week[0]!.date) })}</p>
      <ul class="handoff-hours">
        {groupDays(week, times, (day) => day.isHoliday).map(({ days, text }) => {
          const first = days[0]!;
          const last = days.at(-1)!;
          const when = days.length === 1 ? name(first)
            : days.length === 2 ? at('handoff.twoDays', { first: name(first), last: name(last) })
            : at('handoff.dayRange', { first: name(first), last: name(last) });
          return <li key={first.date}>{at('handoff.day', { day: when, times: text })}</li>;
        })}
      </ul>
    </>
  );
}
