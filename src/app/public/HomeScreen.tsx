import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
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
import { useHomeSnapshot } from './home/useHomeSnapshot';
import { NextBusTeaser } from './bus/NextBusTeaser';

/** "Where am I, and what is near": the commune (or position), a need, the nearest places. */
export function HomeScreen() {
  usePageTitle(t('home.title'));
  const state = useAppState();
  const { query, route } = useLocation();
  const need = parseNeed(query['besoin']);
  const territory = state.territory.value;
  const commune = state.commune.value;

  // The commune found by the position (its INSEE code), to say "Position trouvée".
  const located = useSignal<string | undefined>(undefined);
  // The control that had the focus disappears with the choice: put the focus on the
  // control that replaces it, never back on <body> (keyboard and screen reader users).
  const focusAfterChange = useRef<'change' | 'picker' | undefined>(undefined);
  const changeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = focusAfterChange.current;
    if (target === 'change' && commune) changeButton.current?.focus();
    else if (target === 'picker' && !commune) document.getElementById('commune-query')?.focus();
    else return;
    focusAfterChange.current = undefined;
  }, [commune?.insee]);

  const selectNeed = (next: Need | undefined) => route(next ? `/?besoin=${next}` : '/', true);

  const items = territory ? nearestPlaces(state.places.value, state.origin.value, need, 100, state.tours.value) : [];
  // Kept for the next start's first paint: what the list shows, in which language.
  useHomeSnapshot(state.loaded.value && territory !== undefined, [document.documentElement.lang, territory, state.places.value, commune?.insee, state.origin.value, need]);

  if (!state.loaded.value) return <Loading />;
  // The same heading, first, in both shapes: when the first sync's data arrives the notice
  // is replaced under a heading that stays put. Wrapped in a section, the notice's section
  // became the commune picker's and moved down by the heading's height (a layout shift).
  if (!territory) {
    return (
      <>
        <h1>{t('home.title')}</h1>
        <NoDataYet />
      </>
    );
  }

  return (
    <>
      <h1>{t('home.title')}</h1>
      <section class="where" aria-labelledby="where-title">
        <h2 id="where-title">{t('home.where')}</h2>
        <div class={commune ? 'chosen' : undefined}>
          {/* One polite live region for both ways of choosing, present before the choice
              and kept after it (the picker and the position button are replaced), so a
              screen reader hears which commune was chosen or found, and everyone reads it. */}
          <p role="status" aria-live="polite" class={commune ? undefined : 'visually-hidden'}>
            {commune && (
              <>
                <Icon name="pin" />{' '}
                {located.value === commune.insee
                  ? t('geo.found', { commune: commune.name })
                  : t('commune.chosen', { commune: commune.name })}
              </>
            )}
          </p>
          {commune && (
            <button ref={changeButton} type="button" class="button button-quiet" onClick={() => {
                located.value = undefined;
                focusAfterChange.current = 'picker';
                void state.chooseCommune(undefined);
              }}>
              {t('commune.change')}
            </button>
          )}
        </div>
        {!commune && (
          <>
            <CommunePicker communes={territory.communes} onChoose={(c) => {
                state.position.value = undefined;
                located.value = undefined;
                focusAfterChange.current = 'change';
                void state.chooseCommune(c.insee);
              }} />
            <p class="or">{t('home.or')}</p>
            <PositionButton
              territory={territory}
              onLocated={(point, insee) => {
                state.position.value = point;
                if (insee) {
                  located.value = insee;
                  focusAfterChange.current = 'change';
                  void state.chooseCommune(insee);
                }
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
