import type { Commune } from '../../../shared/domain/territory';
import { useHoursApi } from '../../hours/useHoursApi';
import { formatDay, formatTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { stopsIn } from './stopsIn';

/** On the home screen: the very next passage of the bus in the chosen commune. */
export function NextBusTeaser({ commune }: { commune: Commune }) {
  const api = useHoursApi();
  const { now } = useServices();
  const { tours, territory } = useAppState();
  const stops = stopsIn(tours.value, commune.insee);
  if (!api || stops.length === 0) return null;
  const at = now();
  const next = stops
    .flatMap(({ tour, stop }) =>
      (api.passagesOf(stop.schedule, at, 1, territory.value?.schoolHolidays)?.passages ?? []).map((passage) => ({ tour, passage })),
    )
    .sort((a, b) => a.passage.start.getTime() - b.passage.start.getTime())[0];
  if (!next) return null;
  return (
    <div class="notice next-bus">
      <Icon name="bus" />
      <div>
        <p>{t('home.nextBus', { commune: commune.name, day: formatDay(next.passage.start), time: formatTime(next.passage.start) })}</p>
        {next.tour.isExample && <p class="small">{t('home.nextBusExample')}</p>}
        <a href="/bus">{t('home.nextBusLink')}</a>
      </div>
    </div>
  );
}
