import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { AppContext } from './services/services';
import type { Services } from './services/services';
import type { AppState } from './state/appState';
import { Shell } from './ui/Shell';
import { NotFound } from './ui/NotFound';

// Three audiences, three entry points, each its own chunk: the public screens (one lazy
// chunk per screen, the map last of all), the aidant space and the staff space.
const Home = lazy(() => import('./public/HomeScreen').then((m) => m.HomeScreen));
const PlacePage = lazy(() => import('./public/place/PlaceScreen').then((m) => m.PlaceScreen));
const Bus = lazy(() => import('./public/bus/BusScreen').then((m) => m.BusScreen));
const Mobility = lazy(() => import('./public/mobility/MobilityScreen').then((m) => m.MobilityScreen));
const Checklists = lazy(() => import('./public/prepare/ChecklistsScreen').then((m) => m.ChecklistsScreen));
const ChecklistPage = lazy(() => import('./public/prepare/ChecklistScreen').then((m) => m.ChecklistScreen));
const MapPage = lazy(() => import('./map/MapScreen').then((m) => m.MapScreen));
const Aidant = lazy(() => import('./aidant/AidantSpace').then((m) => m.AidantSpace));
const Staff = lazy(() => import('./staff/StaffSpace').then((m) => m.StaffSpace));

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
