import type { GeoPoint } from '../../../shared/geo/geoPoint';

/** A geo: URI, which phones open in their own maps app (works offline with OsmAnd, Organic Maps…). */
export function geoUri(point: GeoPoint, name: string): string {
  return `geo:${point.lat},${point.lon}?q=${point.lat},${point.lon}(${encodeURIComponent(name)})`;
}

/** OpenStreetMap's directions page, from the person's position when we know it. */
export function osmDirectionsUrl(to: GeoPoint, from?: GeoPoint): string {
  const params = new URLSearchParams({ engine: 'fossgis_osrm_car', route: `${from ? `${from.lat},${from.lon}` : ''};${to.lat},${to.lon}` });
  return `https://www.openstreetmap.org/directions?${params.toString()}`;
}

/** The phone number as a tel: link target (digits and a leading +). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits}`;
}
