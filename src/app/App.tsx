import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { AppContext, useServices } from './services/services';
import type { Services } from './services/services';
import type { AppState } from './state/appState';
import { Shell } from './ui/Shell';
import { NotFound } from './ui/NotFound';
import { applyLanguage, lang, t } from './i18n/i18n';

// Three audiences, three entry points, each its own chunk: the public screens (one lazy
// chunk per screen, the map last of all), the aidant space and the staff space.
const Home = lazy(() => import('./public/HomeScreen').then((m) => m.HomeScreen));
/** Loads the home's chunk ahead of the first render (main.tsx, over a painted snapshot). */
export const preloadHome = (): Promise<unknown> => Home.preload();
const PlacePage = lazy(() => import('./public/place/PlaceScreen').then((m) => m.PlaceScreen));
const Bus = lazy(() => import('./public/bus/BusScreen').then((m) => m.BusScreen));
const Mobility = lazy(() => import('./public/mobility/MobilityScreen').then((m) => m.MobilityScreen));
const Checklists = lazy(() => import('./public/prepare/ChecklistsScreen').then((m) => m.ChecklistsScreen));
const ChecklistPage = lazy(() => import('./public/prepare/ChecklistScreen').then((m) => m.ChecklistScreen));
const MapPage = lazy(() => import('./map/MapScreen').then((m) => m.MapScreen));
const AidantSpace = lazy(() => import('./aidant/AidantSpace').then((m) => m.AidantSpace));
const StaffSpace = lazy(() => import('./staff/StaffSpace').then((m) => m.StaffSpace));
// The aidant and staff spaces need the whole data layer (account, writes), which loads
// after the public home's first paint (wiring.ts): they wait for it.
const Aidant = (props: object) => <Connected chunk={AidantSpace}><AidantSpace {...props} /></Connected>;
const Staff = (props: object) => <Connected chunk={StaffSpace}><StaffSpace {...props} /></Connected>;

interface AppProps {
  services: Services;
  state: AppState;
}

export function App({ services, state }: AppProps) {
  return (
    <AppContext.Provider value={{ services, state }}>
      <LocationProvider>
        <Shell>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={Home} />
              <Route path="/lieu/:id" component={PlacePage} />
              <Route path="/bus" component={Bus} />
              <Route path="/trajets" component={Mobility} />
              <Route path="/preparer" component={Checklists} />
              <Route path="/preparer/:id" component={ChecklistPage} />
              <Route path="/carte" component={MapPage} />
              <Route path="/aidant" component={Aidant} />
              <Route path="/aidant/*" component={Aidant} />
              <Route path="/bureau" component={Staff} />
              <Route path="/bureau/*" component={Staff} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </Shell>
      </LocationProvider>
    </AppContext.Provider>
  );
}

/**
 * Renders its children once `services.connect()` has settled and their chunk is loaded,
 * with its messages in the interface language (the space's English is a chunk of its own),
 * all fetched side by side (at once without `connect`: the tests' in-memory twins).
 * Meanwhile a page with its heading, as every screen has.
 */
function Connected({ chunk, children }: { chunk: { preload(): Promise<unknown> }; children: ComponentChildren }) {
  const { connect } = useServices();
  const [ready, setReady] = useState(connect === undefined);
  useEffect(() => {
    if (ready || !connect) return;
    let live = true;
    void Promise.all([connect().catch(() => undefined), chunk.preload().then(() => applyLanguage(lang.peek())).catch(() => undefined)]).then(() => live && setReady(true));
    return () => void (live = false);
  }, [connect, ready, chunk]);
  return ready ? <>{children}</> : <section class="page" aria-busy="true"><h1>{t('app.loading')}</h1></section>;
}
