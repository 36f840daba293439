import { t } from '../../i18n/i18n';
import { useAppState } from '../../services/services';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { BusPassages, TourAbout } from './BusPassages';
import { stopsByCommune, stopsIn } from './stopsIn';
import '../../i18n/screens';

/** "Quand passe le bus ?": the next passages in the chosen commune, then elsewhere. */
export function BusScreen() {
  usePageTitle(t('bus.title'));
  const state = useAppState();
  if (!state.loaded.value) return <Loading />;
  const commune = state.commune.value;
  const tours = state.tours.value;
  const here = commune ? stopsIn(tours, commune.insee) : [];
  const communes = state.territory.value?.communes ?? [];
  const others = [...stopsByCommune(tours).entries()]
    .filter(([insee]) => insee !== commune?.insee)
    .map(([insee, stops]) => ({ name: communes.find((c) => c.insee === insee)?.name ?? insee, insee, stops }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const described = new Set(here.map(({ tour }) => tour.id));

  return (
    <>
      <h1>{t('bus.title')}</h1>
      <p>{t('bus.intro')}</p>
      {tours.length === 0 && <p class="notice">{t('bus.noneAnywhere')}</p>}
      {commune ? (
        <section aria-labelledby="bus-here">
          <h2 id="bus-here">{t('bus.forCommune', { commune: commune.name })}</h2>
          {here.length === 0 ? <p>{t('bus.none', { commune: commune.name })}</p> : <BusPassages stops={here} />}
        </section>
      ) : (
        tours.length > 0 && <p class="notice"><span>{t('bus.chooseCommune')} <a href="/">{t('nav.home')}</a></span></p>
      )}
      {others.length > 0 && (
        <section aria-labelledby="bus-others">
          <h2 id="bus-others">{t('bus.otherCommunes')}</h2>
          {/* What each tour is (an example timetable, what is on board) is said once: above
              the chosen commune's passages, or here, never again in each commune's card
              (issue 22: 35 cards said it 35 times). */}
          {tours.filter((tour) => !described.has(tour.id)).map((tour) => <TourAbout key={tour.id} tour={tour} headingLevel={3} />)}
          {others.map((group) => (
            <details key={group.insee} class="card">
              <summary>{group.name}</summary>
              <BusPassages stops={group.stops} about={false} />
            </details>
          ))}
        </section>
      )}
    </>
  );
}
