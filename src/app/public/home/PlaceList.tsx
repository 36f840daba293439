import { useEffect, useState } from 'preact/hooks';
import { formatKm } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { OpeningBadge } from '../hours/OpeningBadge';
import type { ListedPlace } from './nearestPlaces';

/**
 * How many places the first render of a list shows; the rest follow NEXT_PLACES at a
 * time, one task each. Why: the home lists up to 100 places, each with its opening badge:
 * rendering, styling and laying them all out before the first paint made one long task (85 ms
 * of render alone at 4× CPU, as much again in layout) between the directory's read and the
 * first place shown (the offline cold start, docs/quality.md: < 1 s). Rendering the other 92
 * in one task after that was still one task of 280–310 ms at 4× CPU, which Lighthouse's Total
 * Blocking Time counted on a fresh profile (docs/performance.md). A phone screen shows fewer
 * than FIRST_PLACES; NEXT_PLACES keeps each later task well under 50 ms at 4× CPU.
 */
export const FIRST_PLACES = 8;
export const NEXT_PLACES = 12;

/** Each place as one big link: name, kind, town, distance, and whether it is open. */
export function PlaceList({ items }: { items: readonly ListedPlace[] }) {
  // How many are shown while the list is still growing; 'all' once it has been shown whole,
  // after which later lists (a need chosen, a pulled page) are rendered whole: only the
  // first paint is worth splitting.
  const [limit, setLimit] = useState<number | 'all'>(items.length <= FIRST_PLACES ? 'all' : FIRST_PLACES);
  useEffect(() => {
    if (limit === 'all') return;
    // A new task after the places shown are painted (setTimeout, not a microtask).
    const timer = setTimeout(() => setLimit(limit + NEXT_PLACES >= items.length ? 'all' : limit + NEXT_PLACES), 0);
    return () => clearTimeout(timer);
  }, [limit, items.length]);
  const shown = limit === 'all' ? items : items.slice(0, limit);
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
