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
    .flatMap(({ stop }) => api.passagesOf(stop.schedule, at, 1, territory.value?.schoolHolidays)?.passages ?? [])
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  if (!next) return null;
  const date = `${formatDay(next.start)}, ${formatTime(next.start)}`;
  return (
    <div class="notice next-bus">
      <Icon name="bus" />
      <div>
        <p>{t('home.nextBus', { commune: commune.name, date })}</p>
        <a href="/bus">{t('home.nextBusLink')}</a>
      </div>
    </div>
  );
}
