import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { loadAppConfig, type AppConfig } from '../config/appConfig';
import { t } from '../i18n/i18n';
import { nearestPlaces } from '../public/home/nearestPlaces';
import { PlaceList } from '../public/home/PlaceList';
import { useAppState } from '../services/services';
import { Loading } from '../ui/Loading';
import { NoDataYet } from '../ui/NoDataYet';
import { usePageTitle } from '../ui/usePageTitle';
import { KeepOfflinePanel } from './KeepOfflinePanel';
import { createLeafletMap } from './leafletMap';
import '../i18n/screens';

/** The map (Leaflet is only in this route's chunk), then the same places as a list for
 *  people who do not use maps or screen readers that cannot. */
export function MapScreen() {
  usePageTitle(t('map.title'));
  const state = useAppState();
  const config = useSignal<AppConfig | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const territory = state.territory.value;
  const places = state.places.value;

  useEffect(() => {
    let live = true;
    void loadAppConfig().then((c) => live && (config.value = c));
    return () => void (live = false);
  }, []);

  useEffect(() => {
    if (!box.current || !territory || !config.value) return;
    const handle = createLeafletMap(box.current, {
      config: config.value, territory, places,
      placeHref: (place) => `/lieu/${encodeURIComponent(place.id)}`,
      labels: { places: t('map.list') },
    });
    return () => handle.destroy();
  }, [territory, places, config.value]);

  if (!state.loaded.value) return <Loading />;
  return (
    <>
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      {!territory ? (
        <NoDataYet />
      ) : (
        <>
          {!config.value && <Loading text={t('map.loading')} />}
          <div ref={box} class="map-box" role="region" aria-label={t('map.label')} />
          <p class="small">{t('map.noTiles')}</p>
          {config.value && <KeepOfflinePanel bbox={territory.bbox} template={config.value.tileUrl} />}
          <section aria-labelledby="map-list">
            <h2 id="map-list">{t('map.list')}</h2>
            <PlaceList items={nearestPlaces(places, state.origin.value, undefined, 200)} />
          </section>
        </>
      )}
    </>
  );
}
