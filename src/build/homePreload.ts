import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { ROUTE_PRELOADS_FILE, type RoutePreloadLists } from '../shared/build/routePreloadLists';

/**
 * `<link rel="modulepreload">` in index.html for the public home's lazy chunk and the
 * chunks it imports (those the entry does not already import), and `route-preloads.json`
 * beside it: the same list for each other public route, which the server puts in place of
 * the home's when it answers a navigation to that route (src/server/routePreloads.ts).
 *
 * Why: the router asks for a route's chunk only once the entry has been evaluated and the
 * app has rendered, and Vite's preload helper adds that chunk's dependencies at that same
 * moment; on a phone at 4× CPU that was ~1 s after navigation, then a round of 10–13
 * requests through the service worker before the list could render (the offline cold
 * start, docs/quality.md: < 1 s). Listed in the HTML, they are fetched and compiled while the
 * entry loads and runs. The service worker keeps index.html as built, with the home's list:
 * the offline cold start is the home's. A page opened from the network (a first visit, a
 * QR code on a poster) gets its own route's chunks instead, and the data layer's, which a
 * first visit needs for its first sync: on a place page Lighthouse counted the home's chunks
 * (about 16 KB) and two more round trips (the place's chunk, then the data layer's) before
 * the place could show.
 */
export interface HomePreloadOptions {
  /** The home route's module, a path suffix without extension. */
  module?: string;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  /** The modules bundled in the chunk (a module imported both statically and lazily has no facade). */
  moduleIds?: string[];
}

const stripExt = (id: string) => id.replace(/\?.*$/, '').replace(/\.[cm]?[jt]sx?$/, '');

/** Pure: the files to preload for `module`, in dependency order (exported for tests). */
export function homePreloadFiles(chunks: ChunkLike[], module: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (roots: string[]): string[] => {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file) || !byFile.has(file)) return;
      seen.add(file);
      for (const dep of byFile.get(file)!.imports) visit(dep);
      order.push(file); // dependencies first
    };
    roots.forEach(visit);
    return order;
  };
  const entries = chunks.filter((c) => c.isEntry && c.facadeModuleId !== null && /\.html$/.test(c.facadeModuleId));
  const loaded = new Set(closure((entries.length ? entries : chunks.filter((c) => c.isEntry)).map((c) => c.fileName)));
  const isModule = (id: string | null) => id !== null && stripExt(id).endsWith(module);
  const home = chunks.find((c) => isModule(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds?.some(isModule));
  if (!home) return [];
  return closure([home.fileName]).filter((f) => !loaded.has(f));
}

/** Pure: the lists of `route-preloads.json` (exported for tests). */
export function routePreloads(chunks: ChunkLike[], home: string, routes: Record<string, string>, dataLayer: string, base = '/'): RoutePreloadLists {
  const url = (file: string) => `${base}${file}`;
  const data = homePreloadFiles(chunks, dataLayer);
  return {
    home: homePreloadFiles(chunks, home).map(url),
    routes: Object.entries(routes).map(([path, module]) => {
      const own = homePreloadFiles(chunks, module);
      return { path, files: [...new Set([...own, ...data])].map(url) };
    }),
  };
}

/** The public routes other than the home, as App.tsx routes them, and their modules (App.tsx's own table cannot be shared: its lazy imports must be literal; tests/unit/build/homePreload.test.ts checks the two agree). */
export const PUBLIC_ROUTES: Record<string, string> = {
  '/lieu/:id': 'src/app/public/place/PlaceScreen',
  '/bus': 'src/app/public/bus/BusScreen',
  '/trajets': 'src/app/public/mobility/MobilityScreen',
  '/preparer': 'src/app/public/prepare/ChecklistsScreen',
  '/preparer/:id': 'src/app/public/prepare/ChecklistScreen',
};

export function homePreload(options: HomePreloadOptions = {}): Plugin {
  const module = options.module ?? 'src/app/public/HomeScreen';
  let base = '/';
  return {
    name: 'escale:home-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk') as unknown as ChunkLike[];
      const lists = routePreloads(chunks, module, PUBLIC_ROUTES, 'src/app/composition/createDataLayer', base);
      this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: `${JSON.stringify(lists, null, 1)}\n` });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, ctx: IndexHtmlTransformContext) {
        if (!ctx.bundle) return;
        const chunks = Object.values(ctx.bundle).filter((o) => o.type === 'chunk') as unknown as ChunkLike[];
        return homePreloadFiles(chunks, module).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
