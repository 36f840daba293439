import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { homePreloadFiles, PUBLIC_ROUTES, routePreloads } from '../../../src/build/homePreload';

const chunk = (fileName: string, imports: string[], extra: { isEntry?: boolean; facadeModuleId?: string | null; moduleIds?: string[] } = {}) => ({
  type: 'chunk' as const, fileName, imports, isEntry: extra.isEntry ?? false, facadeModuleId: extra.facadeModuleId ?? null, moduleIds: extra.moduleIds,
});

describe('homePreloadFiles', () => {
  const chunks = [
    chunk('assets/index.js', ['assets/preact.js'], { isEntry: true, facadeModuleId: '/repo/index.html' }),
    chunk('assets/preact.js', []),
    chunk('assets/HomeScreen.js', ['assets/preact.js', 'assets/PlaceList.js', 'assets/hours.js'], { facadeModuleId: '/repo/src/app/public/HomeScreen.tsx' }),
    chunk('assets/PlaceList.js', ['assets/hours.js']),
    chunk('assets/hours.js', []),
    chunk('assets/BusScreen.js', ['assets/hours.js'], { facadeModuleId: '/repo/src/app/public/bus/BusScreen.tsx' }),
  ];

  it('lists the home chunk and its imports, dependencies first, without what the entry loads', () => {
    expect(homePreloadFiles(chunks, 'src/app/public/HomeScreen')).toEqual(['assets/hours.js', 'assets/PlaceList.js', 'assets/HomeScreen.js']);
  });

  it('lists nothing when the module has no chunk of its own', () => {
    expect(homePreloadFiles(chunks, 'src/app/public/Missing')).toEqual([]);
  });

  it('finds a route module bundled in a chunk without a facade (imported both statically and lazily)', () => {
    const shared = [...chunks, chunk('assets/screens.js', ['assets/hours.js'], { moduleIds: ['/repo/src/app/public/place/PlaceScreen.tsx', '/repo/src/app/aidant/x.tsx'] })];
    expect(homePreloadFiles(shared, 'src/app/public/place/PlaceScreen')).toEqual(['assets/hours.js', 'assets/screens.js']);
  });
});

describe('routePreloads', () => {
  const chunks = [
    chunk('assets/index.js', ['assets/preact.js'], { isEntry: true, facadeModuleId: '/repo/index.html' }),
    chunk('assets/preact.js', []),
    chunk('assets/HomeScreen.js', ['assets/hours.js'], { facadeModuleId: '/repo/src/app/public/HomeScreen.tsx' }),
    chunk('assets/hours.js', []),
    chunk('assets/BusScreen.js', ['assets/hours.js', 'assets/dexie.js'], { facadeModuleId: '/repo/src/app/public/bus/BusScreen.tsx' }),
    chunk('assets/createDataLayer.js', ['assets/dexie.js'], { facadeModuleId: '/repo/src/app/composition/createDataLayer.ts' }),
    chunk('assets/dexie.js', []),
  ];

  it('lists the home as index.html does, and each route with the data layer after it, each file once, as URLs under the base', () => {
    expect(routePreloads(chunks, 'src/app/public/HomeScreen', { '/bus': 'src/app/public/bus/BusScreen' }, 'src/app/composition/createDataLayer', '/app/')).toEqual({
      home: ['/app/assets/hours.js', '/app/assets/HomeScreen.js'],
      routes: [{ path: '/bus', files: ['/app/assets/hours.js', '/app/assets/dexie.js', '/app/assets/BusScreen.js', '/app/assets/createDataLayer.js'] }],
    });
  });
});

describe('PUBLIC_ROUTES', () => {
  it('names routes and modules as App.tsx routes them', () => {
    const app = readFileSync(new URL('../../../src/app/App.tsx', import.meta.url), 'utf8');
    for (const [path, module] of Object.entries(PUBLIC_ROUTES)) {
      expect(app, path).toContain(`<Route path="${path}"`);
      expect(app, module).toContain(`import('./${module.replace(/^src\/app\//, '')}')`);
    }
  });
});
