import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesRoute, swapPreloads } from '../../../src/server/routePreloads';
import type { RoutePreloadLists } from '../../../src/shared/build/routePreloadLists';
import { pgliteBackend } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';

// A navigation to a public route gets that route's chunks preloaded instead of the home's
// (src/server/routePreloads.ts); index.html as such, the home and the other spaces are
// served as built, which is what the service worker keeps.

const link = (href: string) => `<link rel="modulepreload" crossorigin href="${href}">`;
const INDEX = [
  '<!doctype html>', '<html lang="fr">', '  <head>', '    <title>Escale</title>',
  `    ${link('/assets/signals.js')}`,
  `    ${link('/assets/Loading.js')}`,
  `    ${link('/assets/HomeScreen.js')}`,
  '    <script type="module" crossorigin src="/assets/index.js"></script>', '  </head>', '  <body></body>', '</html>', '',
].join('\n');
const LISTS: RoutePreloadLists = {
  home: ['/assets/Loading.js', '/assets/HomeScreen.js'],
  routes: [
    { path: '/lieu/:id', files: ['/assets/Loading.js', '/assets/PlaceScreen.js', '/assets/createDataLayer.js'] },
    { path: '/bus', files: ['/assets/signals.js', '/assets/BusScreen.js'] },
  ],
};
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

describe('route preloads', () => {
  it('matches the router\'s patterns: literal segments, one non-empty segment per parameter', () => {
    expect(matchesRoute('/lieu/:id', '/lieu/place-1')).toBe(true);
    expect(matchesRoute('/lieu/:id', '/lieu/place-1/')).toBe(true);
    expect(matchesRoute('/lieu/:id', '/lieu/')).toBe(false);
    expect(matchesRoute('/lieu/:id', '/lieu/a/b')).toBe(false);
    expect(matchesRoute('/bus', '/bus')).toBe(true);
    expect(matchesRoute('/bus', '/bus/')).toBe(true);
    expect(matchesRoute('/bus', '/busy')).toBe(false);
    expect(matchesRoute('/preparer', '/preparer/papiers')).toBe(false);
  });

  it('swaps the home\'s links for the route\'s where they stood, keeping the entry\'s own, each URL once', () => {
    const html = swapPreloads(INDEX, LISTS.home, LISTS.routes[0]!.files);
    expect(preloads(html)).toEqual(['/assets/signals.js', '/assets/Loading.js', '/assets/PlaceScreen.js', '/assets/createDataLayer.js']);
    expect(html.indexOf('/assets/PlaceScreen.js')).toBeLessThan(html.indexOf('<script type="module"'));
    // A route list naming a link the entry already has does not repeat it.
    expect(preloads(swapPreloads(INDEX, LISTS.home, LISTS.routes[1]!.files))).toEqual(['/assets/signals.js', '/assets/BusScreen.js']);
  });

  it('leaves a page whose home links are not found as it is', () => {
    const other = '<!doctype html><title>Escale</title>';
    expect(swapPreloads(other, LISTS.home, LISTS.routes[0]!.files)).toBe(other);
  });

  describe('served', () => {
    let server: TestServer;
    let dist: string;
    beforeAll(async () => {
      dist = mkdtempSync(join(tmpdir(), 'escale-dist-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), INDEX);
      writeFileSync(join(dist, 'route-preloads.json'), JSON.stringify(LISTS));
      server = await createTestServer(pgliteBackend, { config: { distDir: dist } });
    });
    afterAll(async () => {
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('a navigation to a place preloads the place\'s chunks and the data layer, not the home\'s', async () => {
      const res = await server.fetch('/lieu/place-mairie-86141', { headers: { 'accept-encoding': 'br' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(preloads(html)).toEqual(['/assets/signals.js', '/assets/Loading.js', '/assets/PlaceScreen.js', '/assets/createDataLayer.js']);
      expect(html).toContain('<title>Escale</title>');
      // Its own validator: a revalidation answers 304 for this page, not for the home's.
      const tag = res.headers.get('etag')!;
      expect((await server.fetch('/lieu/place-2', { headers: { 'if-none-match': tag } })).status).toBe(304);
      const home = await server.fetch('/', { headers: { 'if-none-match': tag } });
      expect(home.status).toBe(200);
      expect(home.headers.get('etag')).not.toBe(tag);
    });

    it('the home, index.html itself (what the service worker keeps), other spaces and unknown pages are served as built', async () => {
      for (const path of ['/', '/index.html', '/aidant', '/bureau/lieux', '/lieu', '/nulle-part']) {
        const res = await server.fetch(path);
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).toBe(INDEX);
      }
    });

    it('a build without the lists (or with a broken file) serves every page as built', async () => {
      writeFileSync(join(dist, 'route-preloads.json'), '{"home": 1');
      // The lists are read again when index.html changes.
      writeFileSync(join(dist, 'index.html'), `${INDEX}\n`);
      const res = await server.fetch('/lieu/place-1');
      expect(await res.text()).toBe(`${INDEX}\n`);
    });
  });
});
