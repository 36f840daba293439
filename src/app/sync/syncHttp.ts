import {
  apiErrorSchema, pullResponseSchema, pushGapSchema, pushProtocolOf, pushResponseSchema,
  type Mutation, type PullResponse, type PushResponse,
} from '../../shared/sync/protocol';
import type { FetchLike } from '../data/fetchLike';
import type { Timers } from './environment';

// The two sync requests. Each answer is parsed with the shared protocol schemas before it
// is trusted (docs/style.md #8): a body cut at any byte fails to parse and is a plain retry.

export type AuthProblem = 'sessionExpired' | 'deviceRevoked';

export type HttpOutcome<T> =
  | { kind: 'ok'; body: T }
  | { kind: 'gap'; expected: number }
  | { kind: 'auth'; problem: AuthProblem; code: string }
  | { kind: 'tooLarge' }
  /** Network down, 5xx, a cut or malformed answer: retry later with backoff. */
  | { kind: 'retry'; error: string };

const REVOKED = new Set(['device_revoked']);

/**
 * fetch with a deadline covering the whole answer (its body is read within it). The push
 * lock is held across requests, so a request that never ends must not keep every tab from
 * syncing: past `ms`, it is aborted (a plain retry). The answer is handed on as it came,
 * the deadline still running until its body has been read (`text()`, the only way this
 * folder reads one): reading it here and building a new Response from the text decoded
 * and copied every pull page twice (a tenth of a first sync's main thread in Chromium).
 * A body nobody reads is aborted at the deadline, which nothing waits for.
 */
export function withDeadline(fetch: FetchLike, timers: Timers, ms: number): FetchLike {
  return async (input, init) => {
    const controller = new AbortController();
    const handle = timers.setTimeout(() => controller.abort(), ms);
    const clear = () => timers.clearTimeout(handle);
    let res: Response;
    try {
      res = await fetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      clear();
      throw error;
    }
    const read = res.text.bind(res);
    res.text = () => read().finally(clear);
    return res;
  };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  return JSON.parse(text) as unknown;
}

async function classifyFailure(res: Response): Promise<HttpOutcome<never>> {
  let code = `http_${res.status}`;
  try {
    const body = apiErrorSchema.safeParse(await readJson(res));
    if (body.success) code = body.data.code;
  } catch { /* a cut error body: keep the status */ }
  if (res.status === 401 || (res.status === 403 && code !== 'forbidden')) {
    return { kind: 'auth', problem: REVOKED.has(code) ? 'deviceRevoked' : 'sessionExpired', code };
  }
  if (res.status === 413) return { kind: 'tooLarge' };
  return { kind: 'retry', error: code };
}

function headers(token: string | undefined, json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (json) h['content-type'] = 'application/json';
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

export async function postPush(
  fetch: FetchLike, baseUrl: string, token: string | undefined, clientId: string, mutations: Mutation[],
): Promise<HttpOutcome<PushResponse>> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/sync/push`, {
      method: 'POST',
      headers: headers(token, true),
      // 1 unless a change is sealed: an older server still takes every clear push.
      body: JSON.stringify({ protocol: pushProtocolOf(mutations), clientId, mutations }),
    });
  } catch (err) {
    return { kind: 'retry', error: `network: ${String(err)}` };
  }
  try {
    if (res.status === 409) {
      const gap = pushGapSchema.safeParse(await readJson(res));
      return gap.success ? { kind: 'gap', expected: gap.data.expected } : { kind: 'retry', error: 'bad 409 body' };
    }
    if (!res.ok) return await classifyFailure(res);
    const body = pushResponseSchema.safeParse(await readJson(res));
    return body.success ? { kind: 'ok', body: body.data } : { kind: 'retry', error: 'bad push answer' };
  } catch (err) {
    return { kind: 'retry', error: `cut answer: ${String(err)}` };
  }
}

/**
 * `pending`: how many changes the device still holds (its outbox), sent with an
 * authenticated pull as `X-Escale-Pending` so the office sees what a tablet has not sent
 * yet (admin devices list). Information only: the server never acts on it.
 */
/** A pull answer; a page carries its JSON text as it came (`text`). */
export type PulledResponse = Exclude<PullResponse, { changes: unknown }> | (Extract<PullResponse, { changes: unknown }> & { text?: string });

export async function getPull(
  fetch: FetchLike, baseUrl: string, token: string | undefined, query: { cursor?: string; limit: number; territory?: string },
  pending?: number,
): Promise<HttpOutcome<PulledResponse>> {
  const params = new URLSearchParams();
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(query.limit));
  if (query.territory) params.set('territory', query.territory);
  let res: Response;
  try {
    const h = headers(token, false);
    if (token && pending !== undefined) h['x-escale-pending'] = String(pending);
    res = await fetch(`${baseUrl}/api/sync/pull?${params.toString()}`, { method: 'GET', headers: h });
  } catch (err) {
    return { kind: 'retry', error: `network: ${String(err)}` };
  }
  try {
    if (!res.ok) return await classifyFailure(res);
    // The text is kept with a page: its packs store it as it came (src/app/replica/packs.ts).
    const text = await res.text();
    const body = pullResponseSchema.safeParse(JSON.parse(text));
    if (!body.success) return { kind: 'retry', error: 'bad pull answer' };
    return { kind: 'ok', body: 'changes' in body.data ? { ...body.data, text } : body.data };
  } catch (err) {
    return { kind: 'retry', error: `cut answer: ${String(err)}` };
  }
}
