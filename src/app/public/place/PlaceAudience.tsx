import type { Place } from '../../../shared/domain/place';
import { languageName } from '../../i18n/format';
import { label, t } from '../../i18n/i18n';

/** Who the place is for: languages spoken, publics, price, the network it belongs to. */
export function PlaceAudience({ place: p }: { place: Place }) {
  if (p.languages.length === 0 && p.publics.length === 0 && p.frais.length === 0 && p.reseauxPorteurs.length === 0) return null;
  return (
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
  );
}
