/**
 * The e2e files' calls to the server's API outside the browser (accounts, sessions, what
 * the server holds): `serverApi(() => server.url)` gives `api(path, { token, method,
 * body })`. POST when there is a body, GET otherwise, unless `method` says; JSON in and
 * out; a non-2xx answer throws with the path, the status and the body, so a failed setup
 * step names itself.
 */
export interface ApiCall {
  token?: string;
  method?: string;
  body?: unknown;
}

export function serverApi(baseUrl: () => string): <T>(path: string, init?: ApiCall) => Promise<T> {
  return async <T>(path: string, init: ApiCall = {}): Promise<T> => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
