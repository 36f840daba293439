import { useRoute } from 'preact-iso';
import { rankByDistance } from '../../../shared/geo/rankByDistance';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState } from '../../services/services';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { BusPassages } from '../bus/BusPassages';
import { stopsOfPlace } from '../bus/placeStops';
import { WeekTable } from '../hours/WeekTable';
import { PlaceAddress } from './PlaceAddress';
import { PlaceAudience } from './PlaceAudience';
import { PlaceContact } from './PlaceContact';
import { PlaceFacilities } from './PlaceFacilities';
import { PlaceHeading } from './PlaceHeading';
import { PlaceOffer } from './PlaceOffer';
import { ShareCard } from './ShareCard';
import { usePlace } from './usePlace';
import '../../i18n/screens';

/** A place's page: the call button first, then hours, address, what it helps with. */
export function PlaceScreen() {
  const { params } = useRoute();
  const state = useAppState();
  const current = usePlace(params['id'] ?? '');
  usePageTitle(current && current !== 'loading' ? current.name : t('app.loading'));
  if (current === 'loading') return <Loading />;
  if (!current) {
    return (
      <>
        <h1>{t('place.notFound')}</h1>
        <p><a href="/">{t('place.back')}</a></p>
      </>
    );
  }
  const p = current;
  const description = localized(p.description);
  // A vehicle's stops, nearest the chosen commune or position first.
  const origin = state.origin.value;
  const stops = stopsOfPlace(p, state.tours.value);
  const ordered = origin ? rankByDistance(stops, origin, ({ stop }) => stop).map(({ item }) => item) : stops;

  return (
    <article class="place-page">
      <PlaceHeading place={p} />
      {description && <p lang={description.lang}>{description.text}</p>}

      <section aria-labelledby="hours-title">
        <h2 id="hours-title">{t('hours.week')}</h2>
        {p.openingHours ? <WeekTable value={p.openingHours} /> : <p>{t('hours.unknown')}</p>}
      </section>

      {stops.length > 0 && (
        <section aria-labelledby="stops-title">
          <h2 id="stops-title">{t('place.busStops')}</h2>
          <BusPassages stops={ordered} />
        </section>
      )}

      <PlaceAddress place={p} />
      <PlaceContact place={p} />
      <PlaceOffer place={p} />
      <PlaceFacilities place={p} />
      <PlaceAudience place={p} />
      <ShareCard place={p} />
    </article>
  );
}
