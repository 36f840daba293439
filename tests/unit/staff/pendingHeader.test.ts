import { describe, expect, test } from 'vitest';
import { getPull } from '../../../src/app/sync/syncHttp';

describe('a device tells the server what it still holds', () => {
  const answer = () => new Response(JSON.stringify({ changes: [], cursor: 'c', hasMore: false, lastMutationId: 0 }), { status: 200 });

  test('an authenticated pull carries X-Escale-Pending', async () => {
    let sent: Record<string, string> | undefined;
    await getPull(async (_url, init) => { sent = init?.headers; return answer(); }, '', 'token-token-token-token', { limit: 10 }, 3);
    expect(sent?.['x-escale-pending']).toBe('3');
  });

  test('a public pull does not', async () => {
    let sent: Record<string, string> | undefined;
    await getPull(async (_url, init) => { sent = init?.headers; return answer(); }, '', undefined, { limit: 10, territory: 't' }, 3);
    expect(sent?.['x-escale-pending']).toBeUndefined();
  });
});
