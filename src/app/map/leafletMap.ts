import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Place } from '../../shared/domain/place';
import type { Territory } from '../../shared/domain/territory';
import type { AppConfig } from '../config/appConfig';

// The only file that talks to Leaflet. The commune outlines are drawn as vectors so the
// map reads with no tile at all (offline, first visit); tiles come from the configured
// source and go through the service worker's `escale-tiles` cache.

export interface MapHandle {
  destroy(): void;
}

export function createLeafletMap(
  element: HTMLElement,
  options: { config: AppConfig; territory: Territory; places: readonly Place[]; placeHref: (place: Place) => string; labels: { places: string } },
): MapHandle {
  const { config, territory, places } = options;
  const [west, south, east, north] = territory.bbox;
  const map = L.map(element, { minZoom: 8, maxZoom: Math.min(config.tileMaxZoom, 18), zoomSnap: 1 });
  map.fitBounds([[south, west], [north, east]]);

  L.tileLayer(config.tileUrl, {
    attribution: config.tileAttribution,
    maxZoom: config.tileMaxZoom,
    // CORS tiles: cacheable by the service worker without opaque-response padding.
    crossOrigin: true,
  }).addTo(map);

  L.geoJSON(territory.outlines as unknown as GeoJSON.FeatureCollection, {
    style: { color: '#00566b', weight: 2, fillColor: '#00566b', fillOpacity: 0.05 },
    onEachFeature: (feature, layer) => {
      const name = (feature.properties as { nom?: string } | null)?.nom;
      if (name) layer.bindTooltip(name, { sticky: true });
    },
  }).addTo(map);

  const markers = L.layerGroup().addTo(map);
  for (const place of places) {
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 9, color: '#ffffff', weight: 3, fillColor: place.itinerant ? '#7a4b00' : '#00566b', fillOpacity: 1,
    });
    const popup = document.createElement('div');
    const link = document.createElement('a');
    link.href = options.placeHref(place);
    link.textContent = place.name;
    const town = document.createElement('div');
    town.textContent = place.city;
    popup.append(link, town);
    marker.bindPopup(popup);
    marker.addTo(markers);
  }

  return { destroy: () => map.remove() };
}
