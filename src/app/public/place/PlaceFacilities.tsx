import type { Place } from '../../../shared/domain/place';
import { t } from '../../i18n/i18n';
import { YesNo } from './YesNo';

/** Computers and internet on site, and accessibility. */
export function PlaceFacilities({ place: p }: { place: Place }) {
  return (
    <>
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
    </>
  );
}
