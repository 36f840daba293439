import { describe, expect, it } from 'vitest';
import { latestRows, PACK_MIN, packRows, packsHolding } from '../../../src/app/replica/packs';
import type { ReplicaRow } from '../../../src/app/replica/rows';

// The pure rules of packed rows (src/app/replica/packs.ts).

const place = (id: string, version = 1, seq = 1): ReplicaRow => ({ collection: 'place', id, version, seq, record: { id } });
const places = (n: number, from = 1): ReplicaRow[] => Array.from({ length: n }, (_, i) => place(`p${String(from + i).padStart(5, '0')}`, 1, from + i));

describe('packRows', () => {
  it('packs a page\'s places once they are PACK_MIN or more, keyed by their lowest seq; the rest stay single rows', () => {
    const tour: ReplicaRow = { collection: 'tour', id: 't', version: 1, seq: 3, record: {} };
    const page = [...places(PACK_MIN, 10).reverse(), tour];
    const { packs, rows } = packRows(page);
    expect(packs).toHaveLength(1);
    expect(packs[0]!.first).toBe(10);
    expect(packs[0]!.rows).toHaveLength(PACK_MIN);
    expect(rows).toEqual([tour]);
  });

  it('a small page is stored as single rows, as before packs', () => {
    const page = places(PACK_MIN - 1);
    expect(packRows(page)).toEqual({ packs: [], ids: [], rows: page });
  });
});

describe('latestRows', () => {
  it('keeps the highest version of each record wherever it is held, tombstones included, sorted by id', () => {
    const pack1 = [place('b', 1, 1), place('a', 1, 2), place('c', 1, 3)];
    const pack2 = [place('a', 3, 9)];
    const single = [{ ...place('b', 2, 5), record: undefined, deleted: true as const }, place('c', 1, 3)];
    expect(latestRows([single, pack1, pack2]).map((r) => [r.id, r.version, r.deleted ?? false])).toEqual([['a', 3, false], ['b', 2, true], ['c', 1, false]]);
  });

  it('an older copy never wins, in any order of the sources', () => {
    const old = [place('a', 1, 1)];
    const fresh = [place('a', 2, 7)];
    expect(latestRows([old, fresh])).toEqual(fresh);
    expect(latestRows([fresh, old])).toEqual(fresh);
  });

  it('one unsorted source comes back sorted', () => {
    expect(latestRows([[place('b'), place('a')]]).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('packsHolding', () => {
  it('names only the packs that hold one of the ids asked for', () => {
    const index = [{ collection: 'place' as const, first: 1, ids: ['a', 'b'] }, { collection: 'place' as const, first: 50, ids: ['c'] }, { collection: 'place' as const, first: 90, ids: ['a'] }];
    expect(packsHolding(index, new Set(['a']))).toEqual([1, 90]);
    expect(packsHolding(index, new Set(['z']))).toEqual([]);
  });
});

describe('rowsOfPack', () => {
  it('reads a pack held as its page\'s text: that collection\'s changes only, tombstones included', async () => {
    const { rowsOfPack } = await import('../../../src/app/replica/packs');
    const page = { changes: [
      { collection: 'place', op: 'put', id: 'a', version: 2, seq: 4, record: { id: 'a' } },
      { collection: 'tour', op: 'put', id: 't', version: 1, seq: 5, record: { id: 't' } },
      { collection: 'place', op: 'delete', id: 'b', version: 3, seq: 6 },
    ], cursor: 'c6', hasMore: false, lastMutationId: null };
    expect(rowsOfPack({ collection: 'place', first: 4, page: JSON.stringify(page) })).toEqual([
      { collection: 'place', id: 'a', version: 2, seq: 4, record: { id: 'a' } },
      { collection: 'place', id: 'b', version: 3, seq: 6, deleted: true },
    ]);
  });
});
