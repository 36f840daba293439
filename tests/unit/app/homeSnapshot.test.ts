// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  HOME_SNAPSHOT_KEY, PAINTED_ATTRIBUTE, paintHomeSnapshot, readHomeSnapshot, saveHomeSnapshot, snapshotMarkup,
} from '../../../src/app/public/home/homeSnapshot';
import { withSnapshotScript } from '../../../src/build/homeSnapshotScript';

// The home as it last looked, painted before the app starts (homeSnapshot.ts).

const HOME = { pathname: '/', search: '' };

function renderHome(places: string[]): HTMLElement {
  const root = document.getElementById('app')!;
  root.innerHTML = `<div class="shell"><main id="main"><h1>Trouver de l’aide</h1>
    <div class="notice next-bus" data-volatile="">Prochain passage mardi à 9:00</div>
    <ul class="place-list">${places.map((p) => `<li class="place-item"><a href="/lieu/${p}"><span class="place-name">${p}</span>
      <span class="status status-open" data-volatile="Horaires…"><svg></svg>Ouvert jusqu’à 12:00</span></a></li>`).join('')}</ul></main></div>`;
  return root;
}

beforeEach(() => {
  document.head.innerHTML = '<script type="module" src="/assets/index-AAAA.js"></script>';
  document.body.innerHTML = '<div id="app"></div>';
  document.documentElement.lang = 'fr';
  localStorage.clear();
});
afterEach(() => localStorage.clear());

describe('home snapshot', () => {
  test('keeps the markup without what may be wrong at the next start, and the first places only', () => {
    const html = snapshotMarkup(renderHome(Array.from({ length: 12 }, (_, i) => `lieu-${i}`)));
    const copy = document.createElement('div');
    copy.innerHTML = html;
    expect(copy.querySelectorAll('.place-item')).toHaveLength(8);
    expect(copy.querySelector('.next-bus')).toBeNull();
    expect(html).not.toContain('Ouvert');
    const badges = [...copy.querySelectorAll('.status')];
    expect(badges).toHaveLength(8);
    expect(badges.every((b) => b.className === 'status status-loading' && b.textContent === 'Horaires…')).toBe(true);
    // The page itself is left as it was.
    expect(document.querySelectorAll('#app .place-item')).toHaveLength(12);
    expect(document.querySelector('#app .next-bus')).not.toBeNull();
  });

  test('painted on the home of the same build, in the language it was written in', () => {
    expect(saveHomeSnapshot(renderHome(['mairie-civray']))).toBe(true);
    document.documentElement.lang = 'en';
    document.getElementById('app')!.innerHTML = '<p>Chargement…</p>';
    document.documentElement.lang = 'fr';
    const root = document.getElementById('app')!;
    expect(paintHomeSnapshot(root, HOME)).toBe(true);
    expect(root.querySelector('.place-name')?.textContent).toBe('mairie-civray');
    expect(root.hasAttribute(PAINTED_ATTRIBUTE)).toBe(true);
  });

  test('not painted on another address, nor with a filter', () => {
    saveHomeSnapshot(renderHome(['mairie-civray']));
    const root = document.getElementById('app')!;
    root.innerHTML = '';
    expect(paintHomeSnapshot(root, { pathname: '/bus', search: '' })).toBe(false);
    expect(paintHomeSnapshot(root, { pathname: '/', search: '?besoin=health' })).toBe(false);
    expect(root.innerHTML).toBe('');
    expect(readHomeSnapshot()).toBeDefined();
  });

  test('a snapshot of another build or an unreadable one is dropped, not painted', () => {
    saveHomeSnapshot(renderHome(['mairie-civray']));
    document.head.innerHTML = '<script type="module" src="/assets/index-BBBB.js"></script>';
    const root = document.getElementById('app')!;
    root.innerHTML = '';
    expect(paintHomeSnapshot(root, HOME)).toBe(false);
    expect(localStorage.getItem(HOME_SNAPSHOT_KEY)).toBeNull();
    localStorage.setItem(HOME_SNAPSHOT_KEY, '{not json');
    expect(paintHomeSnapshot(root, HOME)).toBe(false);
    expect(localStorage.getItem(HOME_SNAPSHOT_KEY)).toBeNull();
  });

  test('a full storage loses the snapshot only', () => {
    const full = { setItem() { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    expect(saveHomeSnapshot(renderHome(['mairie-civray']), full)).toBe(false);
  });

  test('the build lists the painter right after #app, once', () => {
    const html = '<html><body><div id="app"></div></body></html>';
    const once = withSnapshotScript(html);
    expect(once).toContain('<div id="app"></div>  <script src="/home-snapshot.js"></script>\n  </body>');
    expect(withSnapshotScript(once)).toBe(once);
    expect(() => withSnapshotScript('<div id="app"></div>')).toThrow(/body/);
  });
});
