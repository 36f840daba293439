import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTE_PRELOADS_FILE, routePreloadListsSchema, type RoutePreloadLists } from '../shared/build/routePreloadLists';

// A page opened from the network (a first visit, a link, a QR code on a poster) gets its
// own route's chunks preloaded instead of the home's: index.html lists the home's, and the
// build writes every public route's list beside it (src/build/homePreload.ts). The service
// worker keeps index.html as built, so an installed app starts as before.

export type { RoutePreloadLists };

/** The lists of the build in `distDir`; undefined when it has none or they cannot be read (index.html is then served as built). */
export async function readRoutePreloads(distDir: string): Promise<RoutePreloadLists | undefined> {
  try {
    const parsed = routePreloadListsSchema.safeParse(JSON.parse(await readFile(join(distDir, ROUTE_PRELOADS_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `path` against a router pattern: literal segments, and `:name` for exactly one non-empty segment. */
export function matchesRoute(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (got.length === 1) got.push('');
  return want.length === got.length && want.every((part, i) => (part.startsWith(':') ? got[i] !== '' : part === got[i]));
}

/** The route whose list applies to `path`, or undefined (the home, another space, an unknown page). */
export function routeFor(lists: RoutePreloadLists, path: string): RoutePreloadLists['routes'][number] | undefined {
  return lists.routes.find((r) => matchesRoute(r.path, path));
}

const LINK = /<link rel="modulepreload" crossorigin href="([^"]+)">\n?[ \t]*/g;

/**
 * index.html with the home's preloads swapped for `files`: the home's links are taken out
 * and the route's written where the first of them stood. Links that are not the home's
 * (the entry's own imports) stay. Unchanged when the home's links are not found (a build
 * that writes them otherwise): a page then merely loads as the home's would.
 */
export function swapPreloads(html: string, home: readonly string[], files: readonly string[]): string {
  const homeFiles = new Set(home);
  let at = -1;
  const kept = new Set<string>();
  const without = html.replace(LINK, (tag: string, href: string, offset: number) => {
    if (!homeFiles.has(href)) {
      kept.add(href);
      return tag;
    }
    if (at < 0) at = offset;
    return '';
  });
  if (at < 0) return html;
  const tags = files.filter((f) => !kept.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="${f.replace(/"/g, '&quot;')}">\n    `).join('');
  // `at` is an offset in the original text; no text before it was removed.
  return without.slice(0, at) + tags + without.slice(at);
}
