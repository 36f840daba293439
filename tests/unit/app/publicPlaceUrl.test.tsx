// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import qrcode from 'qrcode-generator';
import { afterEach, describe, expect, test } from 'vitest';
import { publicPlaceUrl } from '../../../src/app/public/place/publicPlaceUrl';
import { QrCode } from '../../../src/app/public/place/QrCode';
import { qrMatrix } from '../../../src/app/public/place/qrMatrix';
import { renderApp } from './support';

afterEach(cleanup);

/** The dark modules of `text`'s QR code, read from the library itself (decoding an image is
 *  not available here: comparing module by module says the drawing holds exactly this text). */
function darkModules(text: string): string {
  qrcode.stringToBytes = (s: string) => Array.from(new TextEncoder().encode(s));
  const qr = qrcode(0, 'L');
  qr.addData(text, 'Byte');
  qr.make();
  let path = '';
  for (let row = 0; row < qr.getModuleCount(); row++) {
    for (let col = 0; col < qr.getModuleCount(); col++) if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
  }
  return path;
}

describe('the hand-off QR code: the public page of the place', () => {
  test('the URL is the public place route on the app\'s own origin', () => {
    expect(publicPlaceUrl('https://escale.example.fr', 'place-france-services-gencay')).toBe('https://escale.example.fr/lieu/place-france-services-gencay');
    // Whatever page the tablet is on, and whatever the id holds.
    expect(publicPlaceUrl('https://escale.example.fr/aidant/lieu/x', 'a b/é')).toBe('https://escale.example.fr/lieu/a%20b%2F%C3%A9');
    expect(publicPlaceUrl('http://127.0.0.1:8080', 'p1')).toBe('http://127.0.0.1:8080/lieu/p1');
  });

  test('the URL opens the public page of that place (the route App.tsx declares)', async () => {
    const url = publicPlaceUrl('http://localhost', 'place-france-services-gencay');
    await renderApp(new URL(url).pathname);
    expect(await screen.findByRole('heading', { level: 1, name: 'France Services de Gençay (mairie annexe)' }, { timeout: 10_000 })).toBeTruthy();
  });

  test('the SVG is drawn on the device and holds exactly the URL', async () => {
    const url = publicPlaceUrl('https://escale.example.fr', 'place-france-services-gencay');
    const m = await qrMatrix(url);
    expect(m.path).toBe(darkModules(url));
    expect(m.path).not.toBe(darkModules(publicPlaceUrl('https://escale.example.fr', 'place-mairie-86103')));
    expect((m.size - 8 - 17) % 4).toBe(0); // a QR version's side: 17 + 4 × version modules

    render(<QrCode text={url} label={`QR code : ${url}`} />);
    const svg = await screen.findByRole('img', { name: `QR code : ${url}` });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${m.size} ${m.size}`);
    expect(svg.querySelector('path')!.getAttribute('d')).toBe(m.path);
  });
});
