import type { MobilityOffer } from '../../../shared/domain/mobilityOffer';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { VerifiedBadge } from '../common/VerifiedBadge';
import { WeekTable } from '../hours/WeekTable';
import { telHref } from '../place/directions';
import '../../i18n/screens';

export function servesCommune(offer: MobilityOffer, insee: string | undefined): boolean {
  return insee === undefined || offer.communesServed === 'all' || offer.communesServed.includes(insee);
}

/** "Comment y aller ?": the ways to travel that serve the chosen commune. */
export function MobilityScreen() {
  usePageTitle(t('mobility.title'));
  const state = useAppState();
  if (!state.loaded.value) return <Loading />;
  const commune = state.commune.value;
  const all = state.mobilityOffers.value;
  const here = all.filter((offer) => servesCommune(offer, commune?.insee));
  // Offers whose communes are not known (or are others) still matter in a rural area:
  // listed after, with a plain warning, never hidden.
  const others = commune ? all.filter((offer) => !servesCommune(offer, commune.insee)) : [];
  return (
    <>
      <h1>{t('mobility.title')}</h1>
      <p>{t('mobility.intro')}</p>
      <section aria-labelledby="mobility-here">
        <h2 id="mobility-here">{commune ? t('mobility.forCommune', { commune: commune.name }) : t('mobility.all')}</h2>
        {here.length === 0 ? (
          <p>{t('mobility.none')}</p>
        ) : (
          <ul class="card-list">
            {here.map((offer) => <OfferCard key={offer.id} offer={offer} />)}
          </ul>
        )}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="mobility-others">
          <h2 id="mobility-others">{t('mobility.others')}</h2>
          <p class="notice">{t('mobility.othersHint')}</p>
          <ul class="card-list">
            {others.map((offer) => <OfferCard key={offer.id} offer={offer} />)}
          </ul>
        </section>
      )}
    </>
  );
}

function OfferCard({ offer }: { offer: MobilityOffer }) {
  const description = localized(offer.description);
  const eligibility = localized(offer.eligibility);
  const notice = localized(offer.booking.notice);
  const price = localized(offer.price);
  return (
    <li class="card">
      <h3>
        <Icon name={offer.kind === 'halte-ferroviaire' || offer.kind === 'ligne-car' ? 'bus' : 'mobility'} /> {offer.name}
      </h3>
      <p class="place-meta">
        <span>{label('mobilityKinds', offer.kind)}</span>
        <VerifiedBadge verifiedAt={offer.verifiedAt} />
      </p>
      {description && <p lang={description.lang}>{description.text}</p>}
      <dl class="pairs">
        {eligibility && (<><dt>{t('mobility.who')}</dt><dd lang={eligibility.lang}>{eligibility.text}</dd></>)}
        {notice && (<><dt>{t('mobility.notice')}</dt><dd lang={notice.lang}>{notice.text}</dd></>)}
        {price && (<><dt>{t('mobility.price')}</dt><dd lang={price.lang}>{price.text}</dd></>)}
        {offer.operator && (<><dt>{t('mobility.operator')}</dt><dd>{offer.operator}</dd></>)}
        {offer.location?.label && (<><dt>{t('place.address')}</dt><dd>{offer.location.label}</dd></>)}
      </dl>
      {offer.schedule && (
        <>
          <h4>{t('mobility.schedule')}</h4>
          <WeekTable value={offer.schedule} />
        </>
      )}
      {(offer.booking.phone || offer.booking.url) && (
        <div class="button-row booking">
          {offer.booking.phone && (
            <a class="button" href={telHref(offer.booking.phone)}>
              <Icon name="phone" />
              {t('mobility.book', { phone: offer.booking.phone })}
            </a>
          )}
          {offer.booking.url && (
            <a class="button button-quiet" href={offer.booking.url} rel="noopener" target="_blank">
              <Icon name="globe" />
              {t('mobility.site')}
            </a>
          )}
        </div>
      )}
    </li>
  );
}
