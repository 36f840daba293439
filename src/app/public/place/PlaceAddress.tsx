import type { Place } from '../../../shared/domain/place';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { geoUri, osmDirectionsUrl } from './directions';

/** Where the place is, and two ways to get there (the phone's maps, OpenStreetMap). */
export function PlaceAddress({ place: p }: { place: Place }) {
  const state = useAppState();
  const point = { lat: p.lat, lon: p.lon };
  return (
    <section aria-labelledby="address-title">
      <h2 id="address-title">{t('place.address')}</h2>
      <address>
        {p.address}
        {/* Seed addresses often already end with the postcode and town. */}
        {!p.address?.includes(p.postcode) && <>{p.address && <br />}{p.postcode} {p.city}</>}
      </address>
      {p.approximateLocation && <p class="small">{t('place.approximate')}</p>}
      <ul class="contact-list no-print">
        <li>
          <Icon name="pin" />
          <a href={geoUri(point, p.name)}>{t('place.openInMaps')}</a>
        </li>
        <li>
          <Icon name="route" />
          <a href={osmDirectionsUrl(point, state.position.value)} rel="noopener" target="_blank">{t('place.osmDirections')}</a>
        </li>
      </ul>
    </section>
  );
}
