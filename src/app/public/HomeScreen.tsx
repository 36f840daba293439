import { useLocation } from 'preact-iso';
import type { Need } from '../../shared/domain/vocabularies';
import { t } from '../i18n/i18n';
import { useAppState } from '../services/services';
import { Icon } from '../ui/Icon';
import { Loading } from '../ui/Loading';
import { NoDataYet } from '../ui/NoDataYet';
import { usePageTitle } from '../ui/usePageTitle';
import { CommunePicker } from './home/CommunePicker';
import { nearestPlaces } from './home/nearestPlaces';
import { NeedFilter, parseNeed } from './home/NeedFilter';
import { PlaceList } from './home/PlaceList';
import { PositionButton } from './home/PositionButton';
import { NextBusTeaser } from './bus/NextBusTeaser';

/** "Where am I, and what is near": the commune (or position), a need, the nearest places. */
export function HomeScreen() {
  usePageTitle(t('home.title'));
  const state = useAppState();
  const { query, route } = useLocation();
  const need = parseNeed(query['besoin']);
  const territory = state.territory.value;
  const commune = state.commune.value;

  const selectNeed = (next: Need | undefined) => route(next ? `/?besoin=${next}` : '/', true);

  if (!state.loaded.value) return <Loading />;
  if (!territory) {
    return (
      <section class="page">
        <h1>{t('home.title')}</h1>
        <NoDataYet />
      </section>
    );
  }

  const items = nearestPlaces(state.places.value, state.origin.value, need);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <section class="where" aria-labelledby="where-title">
        <h2 id="where-title">{t('home.where')}</h2>
        {commune ? (
          <div class="chosen">
            {/* A status: when a position or a choice sets it, screen readers hear it. */}
            <p role="status">
              <Icon name="pin" /> {t('commune.chosen', { commune: commune.name })}
            </p>
            <button type="button" class="button button-quiet" onClick={() => void state.chooseCommune(undefined)}>
              {t('commune.change')}
            </button>
          </div>
        ) : (
          <>
            <CommunePicker communes={territory.communes} onChoose={(c) => {
                state.position.value = undefined;
                void state.chooseCommune(c.insee);
              }} />
            <p class="or">{t('home.or')}</p>
            <PositionButton
              territory={territory}
              onLocated={(point, insee) => {
                state.position.value = point;
                if (insee) void state.chooseCommune(insee);
              }}
            />
          </>
        )}
      </section>

      {commune && <NextBusTeaser commune={commune} />}

      <section aria-labelledby="places-title">
        <h2 id="places-title">{commune ? t('home.placesNear', { commune: commune.name }) : t('home.placesTitle')}</h2>
        {!state.origin.value && <p class="notice">{t('home.chooseFirst')}</p>}
        <NeedFilter selected={need} onSelect={selectNeed} />
        <p role="status" aria-live="polite">{t('places.count', { count: items.length })}</p>
        {items.length === 0 ? <p>{t('places.none')}</p> : <PlaceList items={items} />}
      </section>

      <section aria-labelledby="quick-title">
        <h2 id="quick-title">{t('home.quickLinks')}</h2>
        <ul class="quick-links">
          <li><a class="button button-quiet" href="/bus"><Icon name="bus" />{t('home.busLink')}</a></li>
          <li><a class="button button-quiet" href="/trajets"><Icon name="route" />{t('home.mobilityLink')}</a></li>
          <li><a class="button button-quiet" href="/preparer"><Icon name="checklist" />{t('home.prepareLink')}</a></li>
          <li><a class="button button-quiet" href="/carte"><Icon name="map" />{t('home.mapLink')}</a></li>
        </ul>
      </section>
    </>
  );
}
