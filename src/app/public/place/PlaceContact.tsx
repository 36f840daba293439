import type { Place } from '../../../shared/domain/place';
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { telHref } from './directions';

/** Phone, e-mail and website, when the place has any. */
export function PlaceContact({ place: p }: { place: Place }) {
  if (!p.email && !p.website && !p.phone) return null;
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">{t('place.contact')}</h2>
      <ul class="contact-list">
        {p.phone && (
          <li><Icon name="phone" /><a href={telHref(p.phone)}>{p.phone}</a></li>
        )}
        {p.email && (
          <li><Icon name="mail" /><a href={`mailto:${p.email}`}>{p.email}</a></li>
        )}
        {p.website && (
          <li><Icon name="globe" /><a href={p.website} rel="noopener" target="_blank">{t('place.website')} ({new URL(p.website).hostname})</a></li>
        )}
      </ul>
    </section>
  );
}
