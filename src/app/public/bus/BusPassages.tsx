import { formatDay, formatTime } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useHoursEvaluator, type HoursEvaluator } from '../../hours/hoursEvaluator';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { useSlicedHours } from '../hours/useSlicedHours';
import type { Tour } from '../../../shared/domain/tour';
import type { TourStop } from './stopsIn';
import '../../i18n/screens';

const PASSAGES_PER_STOP = 3;

/**
 * The next passages at some stops, grouped by tour: what the tour is (its vehicle, a clear
 * warning when it is only an example timetable, what is on board, its notes) is said once
 * per tour, then each stop's meeting point and dates, so nothing repeats on every line.
 */
export function BusPassages({ stops, headingLevel = 3, about = true }: { stops: readonly TourStop[]; headingLevel?: 2 | 3; about?: boolean }) {
  const api = useHoursEvaluator();
  if (!api) return <p class="loading">{t('hours.loading')}</p>;
  const tours = [...new Map(stops.map(({ tour }) => [tour.id, tour])).values()];
  return (
    <>
      {tours.map((tour) => (
        <div class="tour-passages" key={tour.id}>
          {about && <TourAbout tour={tour} headingLevel={headingLevel} />}
          <ul class="passages-by-stop card-list">
            {stops.filter((entry) => entry.tour.id === tour.id).map(({ stop }) => <StopPassages key={`${tour.id}/${stop.id}`} api={api} tour={tour} stop={stop} />)}
          </ul>
        </div>
      ))}
    </>
  );
}

/** What a tour is, once above its stops (the bus screen says it once above all its communes). */
export function TourAbout({ tour, headingLevel }: { tour: Tour; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const notes = localized(tour.notes);
  return (
    <>
      <Heading>
        <Icon name="bus" /> {tour.name} — {label('vehicles', tour.vehicle)}
      </Heading>
      {tour.isExample && (
        <p class="notice notice-warn">
          <Icon name="warning" />
          <span>{t('bus.example')}</span>
        </p>
      )}
      {notes && <p lang={notes.lang}>{notes.text}</p>}
      {tour.services.length > 0 && (
        <>
          <p class="small"><strong>{t('bus.onBoard')}</strong></p>
          <ul class="tags">
            {tour.services.map((service) => <li key={service}>{label('onboardServices', service)}</li>)}
          </ul>
        </>
      )}
    </>
  );
}

/** One stop's card; its passages are evaluated after the render, a slice of stops at a time (useSlicedHours). */
function StopPassages({ api, stop }: TourStop & { api: HoursEvaluator }) {
  const { now } = useServices();
  const { territory } = useAppState();
  const passages = useSlicedHours(api, `passages:${PASSAGES_PER_STOP}:${stop.schedule}`, now, territory.value?.schoolHolidays, (hours, at, holidays) =>
    hours.passagesOf(stop.schedule, at, PASSAGES_PER_STOP, holidays),
  );
  const result = passages.ready ? passages.value : undefined;
  return (
    <li class="card">
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
    </li>
  );
}
