import { formatDay, formatTime } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useHoursEvaluator, type HoursEvaluator } from '../../hours/hoursEvaluator';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { useSlicedHours } from '../hours/useSlicedHours';
import type { TourStop } from './stopsIn';
import '../../i18n/screens';

const PASSAGES_PER_STOP = 3;

/**
 * The next passages at some stops: date and time, the meeting point, what is on board,
 * and a clear warning when the tour is only an example timetable.
 */
export function BusPassages({ stops, headingLevel = 3 }: { stops: readonly TourStop[]; headingLevel?: 2 | 3 }) {
  const api = useHoursEvaluator();
  if (!api) return <p class="loading">{t('hours.loading')}</p>;
  return (
    <ul class="passages-by-stop card-list">
      {stops.map(({ tour, stop }) => <StopPassages key={`${tour.id}/${stop.id}`} api={api} tour={tour} stop={stop} headingLevel={headingLevel} />)}
    </ul>
  );
}

/** One stop's card; its passages are evaluated after the render, a slice of stops at a time (useSlicedHours). */
function StopPassages({ api, tour, stop, headingLevel }: TourStop & { api: HoursEvaluator; headingLevel: 2 | 3 }) {
  const { now } = useServices();
  const { territory } = useAppState();
  const passages = useSlicedHours(api, `passages:${PASSAGES_PER_STOP}:${stop.schedule}`, now, territory.value?.schoolHolidays, (hours, at, holidays) =>
    hours.passagesOf(stop.schedule, at, PASSAGES_PER_STOP, holidays),
  );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const result = passages.ready ? passages.value : undefined;
  const notes = localized(tour.notes);
  return (
    <li class="card">
      <Heading>
        <Icon name="bus" /> {tour.name} — {label('vehicles', tour.vehicle)}
      </Heading>
      {tour.isExample && (
        <p class="notice notice-warn">
          <Icon name="warning" />
          <span>{t('bus.example')}</span>
        </p>
      )}
      <p>
        <strong>{t('bus.meetingPoint')}</strong> {stop.meetingPoint}
      </p>
      {!passages.ready ? (
        <p class="loading">{t('hours.loading')}</p>
      ) : !result || (result.passages.length === 0 && !result.unknownFrom) ? (
        <p>{t('bus.unknown')}</p>
      ) : (
        <ul class="passages">
          {result.passages.map((passage) => (
            <li class="passage" key={passage.start.toISOString()}>
              <span class="passage-when">
                <Icon name="calendar" />{' '}
                {t('bus.when', { date: formatDay(passage.start), from: formatTime(passage.start), to: formatTime(passage.end) })}
              </span>
              {passage.uncertain && <span class="badge-confirm">{t('bus.uncertain')}</span>}
              {passage.comment && <span> ({passage.comment})</span>}
            </li>
          ))}
        </ul>
      )}
      {result?.unknownFrom && result.passages.length > 0 && (
        <p class="small">{t('bus.unknownAfter', { date: formatDay(result.unknownFrom) })}</p>
      )}
      {result?.unknownFrom && result.passages.length === 0 && <p>{t('bus.unknown')}</p>}
      {tour.services.length > 0 && (
        <>
          <p class="small"><strong>{t('bus.onBoard')}</strong></p>
          <ul class="tags">
            {tour.services.map((service) => <li key={service}>{label('onboardServices', service)}</li>)}
          </ul>
        </>
      )}
      {notes && <p lang={notes.lang}>{notes.text}</p>}
    </li>
  );
}
