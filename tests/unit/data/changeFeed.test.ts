import { describe, expect, it } from 'vitest';
import { createChangeFeed, type ChangedCollections } from '../../../src/app/data/changeFeed';
import { touches } from '../../../src/shared/sync/changedCollections';

// The change feed tells what a change touched when it is known, in this tab and in the
// others (BroadcastChannel), so screens skip reads a change cannot affect.

const nextMessage = () => new Promise((r) => setTimeout(r, 20));

describe('change feed', () => {
  it('tells its listeners the collections a change touched, or undefined when it may be any', () => {
    const feed = createChangeFeed();
    const told: ChangedCollections[] = [];
    const off = feed.onChange((changed) => told.push(changed));
    feed.notify(['visit', 'visit', 'session']);
    feed.notify();
    off();
    feed.notify(['place']);
    expect(told).toEqual([new Set(['visit', 'session']), undefined]);
    feed.close();
  });

  it('carries the collections to the other tabs, and reads an older tab\'s bare message as "any"', async () => {
    const a = createChangeFeed('escale-changes:test-feed');
    const b = createChangeFeed('escale-changes:test-feed');
    const told: ChangedCollections[] = [];
    b.onChange((changed) => told.push(changed));
    a.notify(['visit']);
    await nextMessage();
    a.notify();
    await nextMessage();
    const old = new BroadcastChannel('escale-changes:test-feed');
    old.postMessage('changed');
    await nextMessage();
    expect(told).toEqual([new Set(['visit']), undefined, undefined]);
    old.close();
    a.close();
    b.close();
  });

  it('touches: unknown changes touch everything, known ones only their collections', () => {
    expect(touches(undefined, ['place'])).toBe(true);
    expect(touches(new Set(['visit']), ['place', 'tour'])).toBe(false);
    expect(touches(new Set(['visit', 'tour']), ['place', 'tour'])).toBe(true);
  });
});
