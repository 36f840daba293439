import { formatKm } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { OpeningBadge } from '../hours/OpeningBadge';
import type { ListedPlace } from './nearestPlaces';

/** Each place as one big link: name, kind, town, distance, and whether it is open. */
export function PlaceList({ items }: { items: readonly ListedPlace[] }) {
  return (
    <ul class="place-list">
      {items.map(({ place, distanceKm }) => (
        <li class="place-item" key={place.id}>
          <a class="place-link" href={`/lieu/${encodeURIComponent(place.id)}`}>
            <span class="place-name">{place.name}</span>
            <span class="place-meta">
              <span>{label('categories', place.category)}</span>
              <span>
                <Icon name="pin" size="1.1em" />
                {place.city}
              </span>
              {distanceKm !== undefined && <span>{distanceKm < 1 ? t('places.distanceNear') : t('places.distance', { km: formatKm(distanceKm) })}</span>}
              {place.itinerant && (
                <span>
                  <Icon name="bus" size="1.1em" />
                  {t('places.itinerant')}
                </span>
              )}
              {!place.verifiedAt && <span class="badge-confirm">{t('place.toConfirm')}</span>}
            </span>
            <OpeningBadge value={place.openingHours} />
          </a>
        </li>
      ))}
    </ul>
  );
}
