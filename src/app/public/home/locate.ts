import type { GeoPoint } from '../../../shared/geo/geoPoint';

export type LocateResult =
  | { ok: true; point: GeoPoint }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported' };

/** How long we wait for a fix: in a village without coverage GPS alone can be slow, and
 *  an older person should not be left waiting without an answer. */
export const LOCATE_TIMEOUT_MS = 20_000;

/** One position from the browser, with every failure turned into a reason we can say. */
export function locate(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation): Promise<LocateResult> {
  if (!geolocation) return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    // Belt and braces: some browsers never call back when the prompt is dismissed.
    const guard = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), LOCATE_TIMEOUT_MS + 5_000);
    geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(guard);
        resolve({ ok: true, point: { lat: position.coords.latitude, lon: position.coords.longitude } });
      },
      (error) => {
        clearTimeout(guard);
        const reason = error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
        resolve({ ok: false, reason });
      },
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: 10 * 60_000 },
    );
  });
}
