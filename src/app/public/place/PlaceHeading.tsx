import type { Place } from '../../../shared/domain/place';
import { label, t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { VerifiedBadge } from '../common/VerifiedBadge';
import { OpeningBadge } from '../hours/OpeningBadge';
import { telHref } from './directions';

/** The top of a place's page: its name and kind, whether it was checked, open now, and the
 *  call button (the one primary action). */
export function PlaceHeading({ place: p }: { place: Place }) {
  return (
    <>
      <a class="back-link no-print" href="/">
        <Icon name="back" />
        {t('place.back')}
      </a>
      <h1>{p.name}</h1>
      <p class="place-meta">
        <span>{label('categories', p.category)}</span>
        <VerifiedBadge verifiedAt={p.verifiedAt} />
      </p>
      {!p.verifiedAt && (
        <p class="notice notice-warn">
          <Icon name="warning" />
          <span>{t('place.toConfirmHint')}</span>
        </p>
      )}
      <OpeningBadge value={p.openingHours} />

      {p.phone && (
        <p class="call">
          <a class="button button-big" href={telHref(p.phone)}>
            <Icon name="phone" />
            {t('place.call', { phone: p.phone })}
          </a>
        </p>
      )}
    </>
  );
}
