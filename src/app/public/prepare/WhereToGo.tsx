import type { Checklist } from '../../../shared/domain/checklist';
import { t } from '../../i18n/i18n';
import { localized } from '../../i18n/localized';
import { useAppState } from '../../services/services';
import { nearestPlaces } from '../home/nearestPlaces';
import { PlaceList } from '../home/PlaceList';

/** Where to go for this procedure: in words, then the five nearest places that handle it. */
export function WhereToGo({ checklist }: { checklist: Checklist }) {
  const state = useAppState();
  const whereText = localized(checklist.whereToGo.text);
  const where = nearestPlaces(
    state.places.value.filter(
      (p) => checklist.whereToGo.placeIds.includes(p.id) || checklist.whereToGo.placeCategories.includes(p.category),
    ),
    state.origin.value,
    undefined,
    5,
    state.tours.value,
  );
  return (
    <section aria-labelledby="where-title">
      <h2 id="where-title">{t('prepare.whereToGo')}</h2>
      {whereText && <p lang={whereText.lang}>{whereText.text}</p>}
      {where.length > 0 && <PlaceList items={where} />}
    </section>
  );
}
