import { formatDay, formatTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useHoursEvaluator } from '../../hours/hoursEvaluator';
import type { OpeningStatus } from '../../hours/hoursApi';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { useSlicedHours } from './useSlicedHours';

/** The words for an opening status; pure, for tests. */
export function describeOpening(status: OpeningStatus | undefined): { text: string; kind: 'open' | 'closed' | 'unknown' } {
  if (!status || status.state === 'unknown') return { text: t('hours.unknown'), kind: 'unknown' };
  if (status.state === 'open') {
    return { text: status.closesAt ? t('hours.openUntil', { time: formatTime(status.closesAt) }) : t('hours.open'), kind: 'open' };
  }
  if (status.opensAt && status.opensToday) return { text: t('hours.opensToday', { time: formatTime(status.opensAt) }), kind: 'closed' };
  if (status.opensAt) return { text: t('hours.opensAt', { day: formatDay(status.opensAt), time: formatTime(status.opensAt) }), kind: 'closed' };
  return { text: t('hours.closedToday'), kind: 'closed' };
}

/** "Ouvert jusqu'à 12:00" / "Fermé — ouvre mardi à 9:00" / "Horaires inconnus", with a
 *  pictogram so the state never rests on colour. */
export function OpeningBadge({ value }: { value: string | undefined }) {
  const api = useHoursEvaluator();
  const { now } = useServices();
  const { territory } = useAppState();
  // Evaluated after the render, a slice of badges at a time (useSlicedHours).
  const status = useSlicedHours(api, value ? `status:${value}` : undefined, now, territory.value?.schoolHolidays, (hours, at, holidays) =>
    hours.statusOf(value!, at, holidays),
  );
  if (value && !status.ready) {
    return <span class="status status-loading" data-volatile={t('hours.loading')}>{t('hours.loading')}</span>;
  }
  const { text, kind } = describeOpening(value && status.ready ? status.value : undefined);
  return (
    // data-volatile: true now, maybe not at the next start (homeSnapshot.ts keeps a placeholder).
    <span class={`status status-${kind}`} data-volatile={t('hours.loading')}>
      <Icon name={kind === 'open' ? 'check' : kind === 'closed' ? 'clock' : 'info'} size="1.1em" />
      {text}
    </span>
  );
}
