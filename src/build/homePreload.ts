import type { IndexHtmlTransformContext, Plugin } from 'vite';

/**
 * `<link rel="modulepreload">` in index.html for the public home's lazy chunk and the
 * chunks it imports (those the entry does not already import).
 *
 * Why: the router asks for the home's chunk only once the entry has been evaluated and the
 * app has rendered, and Vite's preload helper adds that chunk's dependencies at that same
 * moment; on a phone at 4× CPU that was ~1 s after navigation, then a round of 10–13
 * requests through the service worker before the list could render (the offline cold
 * start, docs/quality.md: < 1 s). Listed in the HTML, they are fetched and compiled while the
 * entry loads and runs. Other routes fetch them too (about 8 KB gzipped), which is what the
 * first-paint budget already counts for every visit (src/build/firstPaintBudget.ts).
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
  const home = chunks.find((c) => c.facadeModuleId !== null && stripExt(c.facadeModuleId).endsWith(module));
  if (!home) return [];
  return closure([home.fileName]).filter((f) => !loaded.has(f));
}

export function homePreload(options: HomePreloadOptions = {}): Plugin {
  const module = options.module ?? 'src/app/public/HomeScreen';
  let base = '/';
  return {
    name: 'escale:home-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
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
