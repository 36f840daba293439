import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../../src/server/auth/SessionCache';
import type { SessionUser } from '../../../src/server/auth/SessionUser';

const user: SessionUser = { id: 'u1', login: 'marie', displayName: 'Marie', role: 'aidant', territoryId: 't', clientId: 'c1', tokenHash: 'h1' };

describe('SessionCache', () => {
  it('keeps a valid session for its time to live, never past the token expiry', () => {
    const cache = new SessionCache(2_000);
    cache.set('h1', user, 10_000, cache.generation, 1_000);
    expect(cache.get('h1', 1_000)).toBe(user);
    expect(cache.get('h1', 2_999)).toBe(user);
    expect(cache.get('h1', 3_000)).toBeUndefined();
    cache.set('h1', user, 9_500, cache.generation, 9_000);
    expect(cache.get('h1', 9_499)).toBe(user);
    expect(cache.get('h1', 9_500)).toBeUndefined();
  });

  it('forgets everything when a session ends, and keeps no read begun before', () => {
    const cache = new SessionCache(2_000);
    cache.set('h1', user, 10_000, cache.generation, 1_000);
    const before = cache.generation; // a request reads the database…
    cache.forget(); // …while an admin revokes the device and commits
    expect(cache.get('h1', 1_000)).toBeUndefined();
    cache.set('h1', user, 10_000, before, 1_001);
    expect(cache.get('h1', 1_001)).toBeUndefined();
  });

  it('drops an entry when the clock goes back', () => {
    const cache = new SessionCache(2_000);
    cache.set('h1', user, 100_000, cache.generation, 50_000);
    expect(cache.get('h1', 10_000)).toBeUndefined();
  });
});
