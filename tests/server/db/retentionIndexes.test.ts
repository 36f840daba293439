import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeTombstones } from '../../../src/server/sync/store/purgeTombstones';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';

// Migration 008 (src/server/db/migrations/008_retention_indexes.sql): the two partial
// indexes of the retention jobs, on both databases. Whether the planner picks them on a
// big table is what `npm run bench -- scale` measures; here, that they exist, that they
// answer the jobs' very conditions (with sequential scans off, the plan uses them), and
// that the jobs still do their work.

const TOMBSTONES = 'DELETE FROM record WHERE deleted_at IS NOT NULL AND deleted_at < $1 RETURNING server_seq';
const CLEAR_NOTES = "SELECT id FROM record WHERE collection = 'visit' AND deleted_at IS NULL AND data ? 'notes' AND created_at < $1";

describe.each(backends)('migration 008 (retention indexes) on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  it('is applied and creates both partial indexes', async () => {
    const { rows: applied } = await server.db.query<{ name: string }>('SELECT name FROM schema_migrations WHERE version = 8');
    expect(applied.map((r) => r.name)).toEqual(['008_retention_indexes']);
    const { rows } = await server.db.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'record' AND indexname IN ('record_tombstone_deleted', 'record_visit_clear_note') ORDER BY indexname",
    );
    expect(rows.map((r) => r.indexname)).toEqual(['record_tombstone_deleted', 'record_visit_clear_note']);
    expect(rows[0]!.indexdef).toMatch(/WHERE \(deleted_at IS NOT NULL\)/);
    expect(rows[1]!.indexdef).toMatch(/WHERE \(\(collection = 'visit'::text\) AND \(data \? 'notes'::text\)\)/);
  });

  it('serves the conditions of purgeTombstones and purgeVisitNotes', async () => {
    await server.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off');
      const plan = async (sql: string) => (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql.replace('$1', "'2026-01-01'::timestamptz")}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(await plan(TOMBSTONES)).toContain('record_tombstone_deleted');
      expect(await plan(CLEAR_NOTES)).toContain('record_visit_clear_note');
    });
  });

  it('the tombstone purge still removes old tombstones only, and raises the horizon', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    await server.db.query(
      `INSERT INTO record (collection, id, territory_id, version, server_seq, deleted_at, data) VALUES
         ('place', 'old-tombstone', $1, 2, nextval('sync_seq'), $2, '{}'), ('place', 'new-tombstone', $1, 2, nextval('sync_seq'), $3, '{}')`,
      [server.territoryId, new Date(now.getTime() - 400 * 86_400_000), new Date(now.getTime() - 86_400_000)],
    );
    const { rows: [old] } = await server.db.query<{ seq: string }>("SELECT server_seq::text AS seq FROM record WHERE id = 'old-tombstone'");
    expect(await purgeTombstones(server.db, now, 180)).toBe(1);
    const { rows: [horizon] } = await server.db.query<{ seq: string }>('SELECT seq::text AS seq FROM tombstone_horizon');
    expect(horizon!.seq).toBe(old!.seq);
    const { rows } = await server.db.query<{ id: string }>("SELECT id FROM record WHERE id IN ('old-tombstone', 'new-tombstone')");
    expect(rows.map((r) => r.id)).toEqual(['new-tombstone']);
  });
});
