import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Place } from '../../../shared/domain/place';
import { languageName } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState, useServices } from '../../services/services';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { BusPassages } from '../bus/BusPassages';
import { stopsIn } from '../bus/stopsIn';
import { VerifiedBadge } from '../common/VerifiedBadge';
import { OpeningBadge } from '../hours/OpeningBadge';
import { WeekTable } from '../hours/WeekTable';
import { geoUri, osmDirectionsUrl, telHref } from './directions';
import { ShareCard } from './ShareCard';
import '../../i18n/screens';

/** A place's page: the call button first, then hours, address, what it helps with. */
export function PlaceScreen() {
  const { params } = useRoute();
  const id = params['id'] ?? '';
  const { directory } = useServices();
  const state = useAppState();
  const place = useSignal<Place | undefined | 'loading'>('loading');

  useEffect(() => {
    let live = true;
    const read = () =>
      void directory.place(id).then(
        (p) => live && (place.value = p),
        () => live && (place.value = undefined),
      );
    read();
    const unsubscribe = directory.onChange(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [id, directory]);

  const current = place.value;
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
  const stops = p.itinerant ? stopsIn(state.tours.value, p.insee) : [];
  const helps = [...new Set([...p.thematiques, ...p.services.flatMap((s) => s.thematiques)])];
  const point = { lat: p.lat, lon: p.lon };

  return (
    <article class="place-page">
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

      {description && <p lang={description.lang}>{description.text}</p>}

      <section aria-labelledby="hours-title">
        <h2 id="hours-title">{t('hours.week')}</h2>
        {p.openingHours ? <WeekTable value={p.openingHours} /> : <p>{t('hours.unknown')}</p>}
      </section>

      {stops.length > 0 && (
        <section aria-labelledby="stops-title">
          <h2 id="stops-title">{t('place.busStops')}</h2>
          <BusPassages stops={stops} />
        </section>
      )}

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

      {(p.email || p.website || p.phone) && (
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
      )}

      {helps.length > 0 && (
        <section aria-labelledby="helps-title">
          <h2 id="helps-title">{t('place.helpsWith')}</h2>
          <ul>
            {helps.map((slug) => <li key={slug}>{label('thematiques', slug)}</li>)}
          </ul>
        </section>
      )}

      {p.services.length > 0 && (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t('place.services')}</h2>
          <ul>
            {p.services.map((service) => {
              const d = localized(service.description);
              return (
                <li key={service.id}>
                  <strong lang="fr">{service.name}</strong>
                  {d && <> — <span lang={d.lang}>{d.text}</span></>}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="digital-title">
        <h2 id="digital-title">{t('place.digital')}</h2>
        <dl class="pairs">
          <YesNo term={t('place.wifi')} value={p.digital.wifi} />
          <YesNo term={t('place.computer')} value={p.digital.computer} />
          <YesNo term={t('place.printer')} value={p.digital.printer} />
          <YesNo term={t('place.visio')} value={p.digital.visio} />
        </dl>
      </section>

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t('place.accessibility')}</h2>
        <dl class="pairs">
          <YesNo term={t('place.stepFree')} value={p.accessibility.stepFree} />
          <YesNo term={t('place.parking')} value={p.accessibility.parking} />
          <YesNo term={t('place.hearingLoop')} value={p.accessibility.hearingLoop} />
        </dl>
        {/* Written by the office in French, never translated: said in French. */}
        {p.accessibility.notes && <p lang="fr">{p.accessibility.notes}</p>}
        {p.accessibility.url && (
          <p><a href={p.accessibility.url} rel="noopener" target="_blank">{t('place.accessibilityPage')}</a></p>
        )}
      </section>

      {(p.languages.length > 0 || p.publics.length > 0 || p.frais.length > 0 || p.reseauxPorteurs.length > 0) && (
        <section aria-labelledby="more-title">
          <h2 id="more-title" class="visually-hidden">{t('place.for')}</h2>
          <dl class="pairs">
            {p.languages.length > 0 && (
              <><dt>{t('place.languages')}</dt><dd>{p.languages.map(languageName).join(', ')}</dd></>
            )}
            {p.publics.length > 0 && (
              <><dt>{t('place.for')}</dt><dd>{p.publics.map((x) => label('publics', x)).join(', ')}</dd></>
            )}
            {p.frais.length > 0 && (
              <><dt>{t('place.price')}</dt><dd>{p.frais.map((x) => label('frais', x)).join(', ')}</dd></>
            )}
            {p.reseauxPorteurs.length > 0 && (
              <><dt>{t('place.network')}</dt><dd>{p.reseauxPorteurs.map((x) => label('reseaux', x)).join(', ')}</dd></>
            )}
          </dl>
        </section>
      )}

      <ShareCard place={p} />
    </article>
  );
}

function YesNo({ term, value }: { term: string; value: boolean | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value === undefined ? t('place.unknownValue') : value ? `✓ ${t('place.yes')}` : `✗ ${t('place.no')}`}</dd>
    </>
  );
}
