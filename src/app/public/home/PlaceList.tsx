import { useEffect, useState } from 'preact/hooks';
import { formatKm } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { OpeningBadge } from '../hours/OpeningBadge';
import type { ListedPlace } from './nearestPlaces';

/**
 * How many places the first render of a list shows; the rest follow in the next task.
 * Why: the home lists up to 100 places, each with its opening badge: rendering, styling and
 * laying them all out before the first paint made one long task (85 ms of render alone at
 * 4× CPU, as much again in layout) between the directory's read and the first place shown
 * (the offline cold start, docs/quality.md: < 1 s; Lighthouse's Total Blocking Time). A phone
 * screen shows fewer than this many.
 */
export const FIRST_PLACES = 8;

/** Each place as one big link: name, kind, town, distance, and whether it is open. */
export function PlaceList({ items }: { items: readonly ListedPlace[] }) {
  // Once the whole list has been shown, later lists (a need chosen, a pulled page) are
  // rendered whole: only the first paint is worth splitting.
  const [whole, setWhole] = useState(items.length <= FIRST_PLACES);
  useEffect(() => {
    if (whole) return;
    // A new task after the first places are painted (setTimeout, not a microtask).
    const timer = setTimeout(() => setWhole(true), 0);
    return () => clearTimeout(timer);
  }, [whole]);
  const shown = whole ? items : items.slice(0, FIRST_PLACES);
  return (
    <ul class="place-list">
      {shown.map(({ place, distanceKm, stop }) => (
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
              {stop && <span class="place-stop">{t('places.atStop', { where: stop.meetingPoint })}</span>}
              {!place.verifiedAt && <span class="badge-confirm">{t('place.toConfirm')}</span>}
            </span>
            <OpeningBadge value={place.openingHours} />
          </a>
        </li>
      ))}
    </ul>
  );
}
