/**
 * The part of `fetch` the app's network code uses (the sync requests, the sign-in, the
 * admin endpoints), injected so that tests hand in a server in the same process, a faulty
 * network or a scripted one (docs/style.md #7). The composition root passes the browser's.
 */
export type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<Response>;
