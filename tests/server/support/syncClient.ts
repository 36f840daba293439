import { expect } from 'vitest';
import * as z from 'zod/mini';
import { PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema, type Change, type PushResponse } from '../../../src/shared/sync/protocol';
import type { TestAccount, TestServer } from './createTestServer';

// Thin protocol helpers for server tests: they parse every answer with the shared schemas.

export interface PushCall {
  status: number;
  body: unknown;
}

export async function pushRaw(server: TestServer, account: TestAccount, mutations: Array<{ id: number; name: string; args?: unknown; sealed?: unknown }>, clientId = account.clientId): Promise<PushCall> {
  const res = await server.fetch('/api/sync/push', {
    method: 'POST',
    headers: { ...account.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId, mutations }),
  });
  return { status: res.status, body: await res.json() };
}

/** Push that must succeed (200); returns the parsed answer. */
export async function push(server: TestServer, account: TestAccount, mutations: Array<{ id: number; name: string; args?: unknown; sealed?: unknown }>): Promise<PushResponse> {
  const r = await pushRaw(server, account, mutations);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return z.parse(pushResponseSchema, r.body);
}

export interface PullPage {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
  lastMutationId: number | null;
}

export async function pullPage(server: TestServer, who: TestAccount | { territory: string }, cursor?: string, limit?: number): Promise<PullPage | { reset: true }> {
  const params = new URLSearchParams();
  if (cursor) params.set('cursor', cursor);
  if (limit) params.set('limit', String(limit));
  const headers: Record<string, string> = {};
  if ('territory' in who) params.set('territory', who.territory);
  else Object.assign(headers, who.headers);
  const res = await server.fetch(`/api/sync/pull?${params}`, { headers });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return z.parse(pullResponseSchema, body) as PullPage | { reset: true };
}

/** The seq carried by a cursor (`1.<scope>.<seq>`). */
export function cursorSeq(cursor: string): number {
  return Number(cursor.split('.')[2]);
}

/**
 * Pulls to the end from `cursor`, asserting I4 on every page: seqs strictly increasing
 * within and across pages, cursor = last row's seq, cursors never going back.
 */
export async function pullAll(server: TestServer, who: TestAccount | { territory: string }, cursor?: string, limit = 50): Promise<{ changes: Change[]; cursor: string; lastMutationId: number | null }> {
  const changes: Change[] = [];
  let last = cursor ? cursorSeq(cursor) : 0;
  let lastMutationId: number | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page = await pullPage(server, who, cursor, limit);
    if ('reset' in page) throw new Error('unexpected reset');
    for (const c of page.changes) {
      expect(c.seq).toBeGreaterThan(last);
      last = c.seq;
    }
    expect(cursorSeq(page.cursor)).toBe(last);
    if (page.changes.length) expect(page.changes.length).toBeLessThanOrEqual(limit);
    changes.push(...page.changes);
    cursor = page.cursor;
    lastMutationId = page.lastMutationId;
    if (!page.hasMore) return { changes, cursor, lastMutationId };
  }
  throw new Error('pullAll did not end');
}

/** The latest state per (collection, id) from a list of changes. */
export function replicaOf(changes: Change[]): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const c of changes) out.set(`${c.collection}/${c.id}`, c);
  return out;
}
