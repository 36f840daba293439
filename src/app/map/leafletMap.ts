import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { AppConfig } from '../config/appConfig';
import { fanOut } from './fanOut';

// The only file that talks to Leaflet. The commune outlines are drawn as vectors so the
// map reads with no tile at all (offline, first visit); tiles come from the configured
// source and go through the service worker's `escale-tiles` cache.

/** Words the map needs, in the interface language (Leaflet's own are English). */
export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  /** "France Services de Gençay, Gençay — Ouvert jusqu'à 12 h": a marker's accessible name. */
  markerName: (place: Place) => string;
  /** The opening status, said in the popup. */
  status: (place: Place) => string;
  openPage: string;
}

export interface MapHandle {
  /** Says the labels again (language changed, opening hours loaded). */
  relabel(): void;
  /** The places to mark, in list order; redraws only what changed. */
  setPlaces(places: readonly Place[]): void;
  destroy(): void;
}

export function createLeafletMap(
  element: HTMLElement,
  options: {
    config: AppConfig; territory: Territory; places: readonly Place[]; placeHref: (place: Place) => string; labels: () => MapLabels;
    onTilesShown?: () => void;
  },
): MapHandle {
  const { config, territory, places } = options;
  const [west, south, east, north] = territory.bbox;
  // No wheel zoom until the map is clicked or focused: a mouse wheel over the map must
  // scroll the page to the list and the keep-offline panel below it, not zoom out.
  const map = L.map(element, { minZoom: 8, maxZoom: Math.min(config.tileMaxZoom, 18), zoomSnap: 1, zoomControl: false, scrollWheelZoom: false });
  map.on('focus', () => map.scrollWheelZoom.enable());
  map.on('blur', () => map.scrollWheelZoom.disable());
  const zoom = L.control.zoom({ zoomInTitle: options.labels().zoomIn, zoomOutTitle: options.labels().zoomOut }).addTo(map);
  map.fitBounds([[south, west], [north, east]]);

  L.tileLayer(config.tileUrl, {
    attribution: config.tileAttribution,
    maxZoom: config.tileMaxZoom,
    // CORS tiles: cacheable by the service worker without opaque-response padding.
    crossOrigin: true,
  })
    // Every visible tile has loaded, so the worker has stored the new ones (or is about to).
    .on('load', () => options.onTilesShown?.())
    .addTo(map);

  const outlines = L.geoJSON(territory.outlines as unknown as GeoJSON.FeatureCollection, {
    style: { color: '#00566b', weight: 2, fillColor: '#00566b', fillOpacity: 0.05 },
    onEachFeature: (feature, layer) => {
      const name = (feature.properties as { nom?: string } | null)?.nom;
      if (name) layer.bindTooltip(name, { sticky: true });
    },
  }).addTo(map);
  // The commune names are a pointer hover aid. Leaflet listens for focus on each outline
  // to show its tooltip, and Chromium then makes an SVG path a tab stop: 35 nameless
  // stops before the first place. Out of the tab order they go (the list says the towns).
  outlines.eachLayer((layer) => (layer as L.Path).getElement()?.setAttribute('tabindex', '-1'));
  // A territory made without an outline file: its bounding box, dashed, and a dot at each
  // commune's centre with its name, so the map still says where the territory is.
  if (!territory.outlines.features.length) {
    L.rectangle([[south, west], [north, east]], { color: '#00566b', weight: 2, dashArray: '6 6', fill: false, interactive: false }).addTo(map);
    for (const commune of territory.communes) {
      const dot = L.circleMarker([commune.lat, commune.lon], { radius: 4, color: '#00566b', weight: 1, fillOpacity: 0.6 })
        .bindTooltip(commune.name, { sticky: true })
        .addTo(map);
      dot.getElement()?.setAttribute('tabindex', '-1');
    }
  }

  // Markers are HTML elements (not SVG circles) so each is a real tab stop: Leaflet gives
  // a keyboard marker tabindex 0 and role="button", pans to it on focus, and Enter opens
  // its popup; we give it a name, and move the focus into the popup and back.
  // They are added in the order of the list below the map, so Tab goes the same way.
  const markers = L.layerGroup().addTo(map);
  const byPlace = new Map<Place, L.Marker>();
  const escapeWired = new WeakSet<HTMLElement>();
  const markerFor = (place: Place, [dx, dy]: readonly [number, number]): L.Marker => {
    const kind = place.itinerant ? 'map-marker map-marker-itinerant' : 'map-marker';
    const marker = L.marker([place.lat, place.lon], {
      icon: L.divIcon({ className: kind, html: '<span class="map-marker-dot" aria-hidden="true"></span>', iconSize: [44, 44], iconAnchor: [22 - dx, 22 - dy] }),
      keyboard: true,
      title: place.name,
      riseOnHover: true,
    });
    marker.bindPopup(() => popupFor(place), { closeButton: true });
    marker.on('popupopen', (event: L.PopupEvent) => {
      const root = event.popup.getElement();
      if (!root) return;
      root.querySelector<HTMLElement>('.leaflet-popup-close-button')?.setAttribute('aria-label', options.labels().closePopup);
      // Leaflet closes on Escape only when the map itself has the focus, not a popup.
      // (The popup's element is reused at each opening: wire it once.)
      if (!escapeWired.has(root)) {
        escapeWired.add(root);
        root.addEventListener('keydown', (key) => {
          if (key.key !== 'Escape') return;
          key.stopPropagation();
          marker.closePopup();
        });
      }
      root.querySelector<HTMLAnchorElement>('a.map-popup-link')?.focus({ preventScroll: true });
    });
    marker.on('popupclose', (event: L.PopupEvent) => {
      // Back to the marker when the focus was in the popup (Escape, the close button),
      // never away from where the person went (another marker, the page).
      const active = document.activeElement;
      const root = event.popup.getElement();
      if (!active || active === document.body || !active.isConnected || root?.contains(active)) marker.getElement()?.focus();
    });
    return marker;
  };

  // The directory is read again after every sync (new objects, same places): redraw the
  // markers only when what they show changed, and never move the map for it.
  let drawn = '';
  const setPlaces = (next: readonly Place[]) => {
    const key = next.map((p) => `${p.id}|${p.lat}|${p.lon}|${p.name}|${p.city}|${p.itinerant}|${p.openingHours ?? ''}`).join('\n');
    if (key === drawn) return;
    drawn = key;
    markers.clearLayers();
    byPlace.clear();
    const offsets = fanOut(next);
    for (const [i, place] of next.entries()) {
      const marker = markerFor(place, offsets[i]!);
      marker.addTo(markers);
      byPlace.set(place, marker);
    }
    relabel();
  };

  const popupFor = (place: Place): HTMLElement => {
    const labels = options.labels();
    const popup = document.createElement('div');
    const name = document.createElement('p');
    name.className = 'map-popup-name';
    name.textContent = place.name;
    const town = document.createElement('p');
    town.textContent = place.city;
    const status = document.createElement('p');
    status.textContent = labels.status(place);
    const link = document.createElement('a');
    link.className = 'map-popup-link';
    link.href = options.placeHref(place);
    link.textContent = labels.openPage;
    link.setAttribute('aria-label', `${labels.openPage} — ${place.name}`);
    popup.append(name, town, status, link);
    return popup;
  };

  const relabel = () => {
    const labels = options.labels();
    for (const [place, marker] of byPlace) {
      const icon = marker.getElement();
      icon?.setAttribute('aria-label', labels.markerName(place));
    }
    const container = zoom.getContainer();
    for (const [selector, text] of [['.leaflet-control-zoom-in', labels.zoomIn], ['.leaflet-control-zoom-out', labels.zoomOut]] as const) {
      const link = container?.querySelector(selector);
      link?.setAttribute('title', text);
      link?.setAttribute('aria-label', text);
    }
  };
  setPlaces(places);

  return { relabel, setPlaces, destroy: () => map.remove() };
}

