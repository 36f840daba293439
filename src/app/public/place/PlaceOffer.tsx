import type { Place } from '../../../shared/domain/place';
import { label, t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';

/** What the place helps with (its themes and its services'), then its services. */
export function PlaceOffer({ place: p }: { place: Place }) {
  const helps = [...new Set([...p.thematiques, ...p.services.flatMap((s) => s.thematiques)])];
  return (
    <>
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
    </>
  );
}
