import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config';
import { PageCache } from '../../../src/server/sync/pull/PageCache';

const page = (bytes: number) => ({ bytes });

describe('PageCache: kept pages by bytes, least recently asked out first', () => {
  it('keeps what fits its budget and lets the least recently asked go', () => {
    const cache = new PageCache<{ bytes: number }>(400);
    for (const k of ['a', 'b', 'c', 'd']) cache.set(k, 's1', page(100));
    expect(cache.get('a', 's1')).toEqual(page(100)); // a is now the most recent
    cache.set('e', 's1', page(100)); // over budget: b, the least recent, leaves
    expect(cache.get('b', 's1')).toBeUndefined();
    expect(['a', 'c', 'd', 'e'].map((k) => cache.get(k, 's1'))).toEqual(Array(4).fill(page(100)));
  });

  it('never serves a value read in another directory state, and forgets it', () => {
    const cache = new PageCache<{ bytes: number }>(1000);
    cache.set('a', 's1', page(10));
    expect(cache.get('a', 's2')).toBeUndefined();
    expect(cache.peek('a')).toBeUndefined();
  });

  it('does not keep a value bigger than a quarter of its budget (it would push out many)', () => {
    const cache = new PageCache<{ bytes: number }>(400);
    cache.set('big', 's1', page(101));
    expect(cache.peek('big')).toBeUndefined();
    cache.set('fits', 's1', page(100));
    expect(cache.get('fits', 's1')).toEqual(page(100));
  });

  it('pages cycled through by many territories are all hits once the budget holds them', () => {
    // The scale benchmark's lesson: 100 territories' pages asked in turn by devices. A
    // budget short of the whole set misses every time (LRU under a cycle); one that holds
    // it hits every time after the first round.
    const keys = Array.from({ length: 500 }, (_, i) => `t${i % 100}:p${Math.floor(i / 100)}`);
    const round = (cache: PageCache<{ bytes: number }>) => {
      let hits = 0;
      for (const k of keys) {
        if (cache.get(k, 's')) hits++;
        else cache.set(k, 's', page(1000));
      }
      return hits;
    };
    const short = new PageCache<{ bytes: number }>(400 * 1000);
    const enough = new PageCache<{ bytes: number }>(500 * 1000);
    round(short);
    round(enough);
    expect([round(short), round(enough)]).toEqual([0, 500]);
  });
});

describe('ESCALE_PULL_CACHE_MB', () => {
  it('defaults to 128 and takes a whole number of MB', () => {
    expect(loadConfig({}).pullCacheMb).toBe(128);
    expect(loadConfig({ ESCALE_PULL_CACHE_MB: '512' }).pullCacheMb).toBe(512);
  });

  it('refuses what is not a budget, naming the variable', () => {
    for (const raw of ['0', '-1', 'lots', '1.5']) {
      expect(() => loadConfig({ ESCALE_PULL_CACHE_MB: raw }), raw).toThrow(ConfigError);
      expect(() => loadConfig({ ESCALE_PULL_CACHE_MB: raw }), raw).toThrow(/ESCALE_PULL_CACHE_MB/);
    }
  });
});
