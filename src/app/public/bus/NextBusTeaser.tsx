import type { Commune } from '../../../shared/domain/territory';
import { useHoursEvaluator } from '../../hours/hoursEvaluator';
import { formatDay, formatTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { useSlicedHours } from '../hours/useSlicedHours';
import { stopsIn } from './stopsIn';

/** On the home screen: the very next passage of the bus in the chosen commune. */
export function NextBusTeaser({ commune }: { commune: Commune }) {
  const api = useHoursEvaluator();
  const { now } = useServices();
  const { tours, territory } = useAppState();
  const stops = stopsIn(tours.value, commune.insee);
  // Evaluated after the render, in the opening-hours queue (useSlicedHours): the first
  // schedule parsed pays the opening_hours library's warm-up (150 ms at 4× CPU), which in
  // the render made one long task with the home's list. The key names every stop's tour
  // and schedule, so a pulled change to them evaluates again.
  const key = stops.length === 0 ? undefined : `next-bus:${stops.map(({ tour, stop }) => `${tour.id}\u0000${tour.isExample}\u0000${stop.schedule}`).join('\u0001')}`;
  const next = useSlicedHours(api, key, now, territory.value?.schoolHolidays, async (hours, at, holidays) => {
    const found = await Promise.all(stops.map(({ stop }) => hours.passagesOf(stop.schedule, at, 1, holidays)));
    return stops
      .flatMap(({ tour }, i) => (found[i]?.passages ?? []).map((passage) => ({ tour, passage })))
      .sort((a, b) => a.passage.start.getTime() - b.passage.start.getTime())[0];
  });
  if (!next.ready || !next.value) return null;
  const { tour, passage } = next.value;
  return (
    // data-volatile: the next passage at the next start may be another (homeSnapshot.ts drops it).
    <div class="notice next-bus" data-volatile="">
      <Icon name="bus" />
      <div>
        <p>{t('home.nextBus', { commune: commune.name, day: formatDay(passage.start), time: formatTime(passage.start) })}</p>
        {tour.isExample && <p class="small">{t('home.nextBusExample')}</p>}
        <a href="/bus">{t('home.nextBusLink')}</a>
      </div>
    </div>
  );
}
