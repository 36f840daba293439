import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_EACH_TIME } from '../../../src/server/db/Database';
import { wrapPglite } from '../../../src/server/db/openPglite';
import { preparedPglite } from '../../../src/server/db/preparedPglite';

// PGlite statements prepared once and run with values written as SQL literals: every
// value must reach PostgreSQL exactly as the usual (bound parameter) path sends it.

describe('preparedPglite', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create('memory://');
    await pg.exec(`CREATE TABLE t (id text PRIMARY KEY, n bigint, at timestamptz, ok boolean, note text)`);
  });
  afterAll(() => pg.close());

  const prepared = () => (pg.query<{ name: string }>('SELECT name FROM pg_prepared_statements').then((r) => r.rows.map((x) => x.name)));

  it('stores and reads back awkward strings, numbers, dates, booleans and null as the usual path does', async () => {
    const q = preparedPglite(pg);
    const values: Array<[string, number | bigint | null, Date | null, boolean | null, string | null]> = [
      ["l'apostrophe", 1, new Date('2026-11-22T10:00:00.123Z'), true, "O''Neil \\ back\\slash $1 -- ; DROP TABLE t;"],
      ['é ü 漢字 🚌', 9007199254740993n, null, false, null],
      ['vide', null, new Date(0), null, ''],
      ["'); DROP TABLE t; --", -42.5 as unknown as number, new Date('1999-12-31T23:59:59Z'), true, '\n\t\r'],
    ];
    for (const [id, n, at, ok, note] of values.slice(0, 3)) {
      await q.query('INSERT INTO t (id, n, at, ok, note) VALUES ($1, $2, $3, $4, $5)', [id, n, at, ok, note]);
    }
    // A fractional number into bigint is refused by PostgreSQL, as on the usual path.
    const [id, , at, ok, note] = values[3]!;
    await expect(q.query('INSERT INTO t (id, n, at, ok, note) VALUES ($1, $2, $3, $4, $5)', [id, -42.5, at, ok, note])).rejects.toThrow();
    await q.query('INSERT INTO t (id, n, at, ok, note) VALUES ($1, $2, $3, $4, $5)', [id, -42, at, ok, note]);
    const viaPrepared = await q.query('SELECT * FROM t WHERE id <> $1 ORDER BY id', ['none']);
    const viaPlain = await pg.query('SELECT * FROM t ORDER BY id');
    expect(viaPrepared.rows).toEqual(viaPlain.rows);
    expect(viaPrepared.rows).toHaveLength(4);
    const row = (await q.query<{ note: string; n: unknown }>('SELECT note, n FROM t WHERE id = $1', ["l'apostrophe"])).rows[0]!;
    expect(row.note).toBe("O''Neil \\ back\\slash $1 -- ; DROP TABLE t;");
    expect((await q.query<{ n: unknown }>('SELECT n FROM t WHERE id = $1', ['é ü 漢字 🚌'])).rows[0]!.n).toBe(9007199254740993n);
    expect((await q.query('UPDATE t SET ok = $2 WHERE id = $1', ['vide', true])).rowCount).toBe(1);
  });

  it('takes the usual path for values without one text form and for texts PREPARE refuses', async () => {
    const q = preparedPglite(pg);
    const before = await prepared();
    // An object (JSON), a string with NUL, a NaN: never written as literals.
    expect((await q.query<{ v: unknown }>('SELECT $1::jsonb AS v', [{ a: "l'x" }])).rows[0]!.v).toEqual({ a: "l'x" });
    await expect(q.query('SELECT $1::text AS v', ['a\0b'])).rejects.toThrow();
    // A text PREPARE refuses goes the usual way, and fails there with PostgreSQL's own message.
    await expect(q.query('SELECT $1 IS NULL AS v', ['seul'])).rejects.toThrow('could not determine data type of parameter $1');
    // A statement marked to be planned with its values at every call is never prepared.
    expect((await q.query<{ c: unknown }>(`${PLAN_EACH_TIME}SELECT count(*) AS c FROM t WHERE id > $1`, ['a'])).rows[0]!.c).toBeGreaterThan(0);
    expect(await prepared()).toEqual(before);
  });

  it('prepares a text once and keeps at most 200, deallocating the least recently used', async () => {
    const q = preparedPglite(pg);
    const start = (await prepared()).length;
    for (let i = 0; i < 3; i++) await q.query('SELECT count(*) AS c FROM t WHERE id <> $1', ['x']);
    expect((await prepared()).length).toBe(start + 1);
    for (let i = 0; i < 210; i++) await q.query(`SELECT ${i} AS k FROM t WHERE id = $1`, ['x']);
    expect((await prepared()).length).toBe(start + 200);
  });

  it('serves transactions too: a statement prepared in a rolled-back transaction still runs after it', async () => {
    const db = wrapPglite(pg);
    const insert = 'INSERT INTO t (id, note) VALUES ($1, $2)';
    await expect(db.transaction(async (tx) => {
      await tx.query(insert, ['rolled-back', 'a']);
      throw new Error('abandon');
    })).rejects.toThrow('abandon');
    await db.transaction(async (tx) => {
      await tx.query(insert, ['kept', "l'été"]);
    });
    await db.query(insert, ['outside', null]);
    const rows = await db.query<{ id: string; note: string | null }>('SELECT id, note FROM t WHERE id = ANY($1::text[]) ORDER BY id', ['{rolled-back,kept,outside}']);
    expect(rows.rows).toEqual([{ id: 'kept', note: "l'été" }, { id: 'outside', note: null }]);
    // A failing statement inside a transaction rolls it back whole, prepared or not.
    await expect(db.transaction(async (tx) => {
      await tx.query(insert, ['half', 'x']);
      await tx.query(insert, ['kept', 'doublon']);
    })).rejects.toThrow(/duplicate key/);
    expect((await db.query('SELECT 1 FROM t WHERE id = $1', ['half'])).rows).toHaveLength(0);
  });
});
