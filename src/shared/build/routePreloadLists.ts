import { z } from 'zod';

/**
 * What the build writes beside index.html (src/build/homePreload.ts) and the server reads
 * when it answers a navigation (src/server/routePreloads.ts): the modulepreload URLs of the
 * home, as index.html lists them, and those of each other public route, `path` written as
 * the router writes it (`/lieu/:id`).
 */
export const routePreloadListsSchema = z.object({
  home: z.array(z.string()),
  routes: z.array(z.object({ path: z.string(), files: z.array(z.string()) })),
});
export type RoutePreloadLists = z.infer<typeof routePreloadListsSchema>;

/** The file's name, at the root of the built app. */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';
