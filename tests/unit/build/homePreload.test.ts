import { describe, expect, it } from 'vitest';
import { homePreloadFiles } from '../../../src/build/homePreload';

const chunk = (fileName: string, imports: string[], extra: { isEntry?: boolean; facadeModuleId?: string | null } = {}) => ({
  type: 'chunk' as const, fileName, imports, isEntry: extra.isEntry ?? false, facadeModuleId: extra.facadeModuleId ?? null,
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
});
