import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Place } from '../../shared/domain/place';
import { loadAppConfig, type AppConfig } from '../config/appConfig';
import { t } from '../i18n/i18n';
import { placeAtStops } from '../public/bus/placeStops';
import { nearestPlaces } from '../public/home/nearestPlaces';
import { PlaceList } from '../public/home/PlaceList';
import { describeOpening } from '../public/hours/OpeningBadge';
import { useAppState, useServices } from '../services/services';
import { Loading } from '../ui/Loading';
import { NoDataYet } from '../ui/NoDataYet';
import { usePageTitle } from '../ui/usePageTitle';
import { useMapStatuses } from './useMapStatuses';
import { refreshStoredTiles, storedTiles } from './keepJob';
import { KeepOfflinePanel } from './KeepOfflinePanel';
import { createLeafletMap, type MapHandle, type MapLabels } from './leafletMap';
import '../i18n/screens';
import { PAGE_TERRITORY_NAME } from '../territory';

/** The map (Leaflet is only in this route's chunk), then the same places as a list for
 *  people who do not use maps or screen readers that cannot. A link before the map skips
 *  its markers (one tab stop each) straight to that list. */
export function MapScreen() {
  usePageTitle(t('map.title'));
  const state = useAppState();
  const { now } = useServices();
  const config = useSignal<AppConfig | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | undefined>(undefined);
  const recount = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const territory = state.territory.value;
  const places = state.places.value;
  const tours = state.tours.value;
  const items = nearestPlaces(places, state.origin.value, undefined, 200, tours);
  // On the map, a vehicle (the bus) is a marker at each of its stops, named by the stop's
  // meeting point and scheduled by the stop; in the list's order, so Tab follows the list.
  const byId = new Map(places.map((place) => [place.id, place]));
  const points = items.flatMap(({ place }) =>
    placeAtStops(byId.get(place.id) ?? place, tours).map(({ place: at, stop }) =>
      stop ? { ...at, city: stop.meetingPoint } : at,
    ),
  );
  const statuses = useMapStatuses(points, now, territory?.schoolHolidays);

  // Read by the map whenever it names something, so it always speaks the current
  // language and knows the opening hours once the worker has answered.
  const statusOf = (place: Place) => {
    const status = place.openingHours ? statuses.get(place.openingHours) : undefined;
    if (place.openingHours && !status) return t('hours.loading');
    return describeOpening(status).text;
  };
  const labels = useRef<() => MapLabels>(() => ({} as MapLabels));
  labels.current = () => ({
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    closePopup: t('map.closePopup'),
    openPage: t('map.openPage'),
    status: statusOf,
    markerName: (place) =>
      t('map.markerName', {
        name: place.itinerant ? `${place.name} (${t('places.itinerant')})` : place.name,
        city: place.city,
        status: statusOf(place),
      }),
  });

  useEffect(() => {
    let live = true;
    void loadAppConfig().then((c) => live && (config.value = c));
    return () => void (live = false);
  }, []);

  useEffect(() => {
    if (!box.current || !territory || !config.value) return;
    handle.current = createLeafletMap(box.current, {
      config: config.value, territory, places: points,
      placeHref: (place) => `/lieu/${encodeURIComponent(place.id)}`,
      labels: () => labels.current(),
      // The worker stores a tile just after handing it over: count a moment later.
      onTilesShown: () => {
        clearTimeout(recount.current);
        recount.current = setTimeout(refreshStoredTiles, 1_000);
      },
    });
    return () => {
      clearTimeout(recount.current);
      handle.current?.destroy();
      handle.current = undefined;
    };
    // Once per territory and tile source: a sync re-reads the directory into new objects,
    // and rebuilding the map then would throw away where the person had moved it.
  }, [territory?.id, config.value]);

  // Every render: new places after a sync, a language switch or the hours arriving.
  useEffect(() => {
    handle.current?.setPlaces(points);
    handle.current?.relabel();
  });

  if (!state.loaded.value) return <Loading />;
  return (
    <>
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro', { territory: PAGE_TERRITORY_NAME })}</p>
      {!territory ? (
        <NoDataYet />
      ) : (
        <>
          <p><a class="link-target" href="#map-list">{t('map.skipToList')}</a></p>
          {!config.value && <Loading text={t('map.loading')} />}
          <div ref={box} class="map-box" role="region" aria-label={t('map.label')} />
          <p class="small map-legend">
            {t('map.legend')}{' '}
            <span class="map-legend-item"><span class="map-marker-dot" aria-hidden="true" /> {t('map.legendFixed')}</span>{' '}
            <span class="map-legend-item"><span class="map-marker-dot map-marker-dot-itinerant" aria-hidden="true" /> {t('map.legendItinerant')}</span>
          </p>
          {/* Not once tiles are on the device: it would no longer be true offline. */}
          {territory.outlines.features.length === 0 ? (
            <p class="small">{t('map.noOutlines')}</p>
          ) : (
            storedTiles.value === 0 && <p class="small">{t('map.noTiles')}</p>
          )}
          {config.value && <KeepOfflinePanel bbox={territory.bbox} template={config.value.tileUrl} />}
          <section aria-labelledby="map-list">
            <h2 id="map-list" tabIndex={-1}>{t('map.list')}</h2>
            <PlaceList items={items} />
          </section>
        </>
      )}
    </>
  );
}
