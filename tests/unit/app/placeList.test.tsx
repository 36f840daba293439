// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { FIRST_PLACES, NEXT_PLACES } from '../../../src/app/public/home/PlaceList';
import { GENCAY, placeLike, renderApp } from './support';

afterEach(cleanup);

/** n places going north from Gençay's France Services, nearest first, named in that order. */
const places = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    placeLike({ id: `lieu-${i}`, name: `Lieu ${String(i).padStart(3, '0')}`, lat: 46.3706 + i * 0.001, thematiques: i % 2 ? ['sante--acces-aux-soins'] : [] }));
const names = () => [...document.querySelectorAll('.place-list .place-name')].map((n) => n.textContent);

describe('PlaceList: a long list is shown a few places per task', () => {
  test('the home shows FIRST_PLACES first, then NEXT_PLACES more per task, in order, until the whole list', async () => {
    const all = places(50);
    // Every length the list takes, from its first render on.
    const seen: number[] = [];
    const watch = new MutationObserver(() => {
      const n = document.querySelectorAll('.place-list .place-item').length;
      if (n && seen.at(-1) !== n) seen.push(n);
    });
    watch.observe(document.body, { childList: true, subtree: true });
    try {
      await renderApp('/', { data: { places: all }, commune: GENCAY });
      await waitFor(() => expect(names()).toHaveLength(50));
    } finally {
      watch.disconnect();
    }
    expect(names()).toEqual(all.map((p) => p.name));
    expect(seen[0]).toBe(FIRST_PLACES);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    for (const n of seen.slice(0, -1)) expect((n - FIRST_PLACES) % NEXT_PLACES, `length ${n}`).toBe(0);
    expect(seen.length).toBe(1 + Math.ceil((50 - FIRST_PLACES) / NEXT_PLACES));
  });

  test('once shown whole, a new list (a need chosen, then all again) is rendered whole at once', async () => {
    await renderApp('/', { data: { places: places(30) }, commune: GENCAY });
    await waitFor(() => expect(names()).toHaveLength(30));
    fireEvent.click(screen.getByRole('button', { name: 'Santé' }));
    await waitFor(() => expect(names()).toHaveLength(15));
    fireEvent.click(screen.getByRole('button', { name: 'Tout' }));
    // The first render of the new list already holds all of it.
    await waitFor(() => expect(names().length).not.toBe(15));
    expect(names()).toHaveLength(30);
  });
});
