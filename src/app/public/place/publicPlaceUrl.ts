/**
 * The address of a place's public page (the `/lieu/:id` route of App.tsx), on the origin the
 * app is served from: what a hand-off QR code carries, so the phone that scans it opens the
 * inhabitant's page on that place. Built on the device, no network.
 */
export function publicPlaceUrl(origin: string, placeId: string): string {
  return new URL(`/lieu/${encodeURIComponent(placeId)}`, origin).href;
}
