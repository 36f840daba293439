import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/server/db/migrate';
import { seedTerritory } from '../../../src/server/seed/seedTerritory';
import { ensureFirstAdmin } from '../../../src/server/seed/ensureFirstAdmin';
import { verifyPassword } from '../../../src/server/auth/password';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { makeSeed } from '../support/fixtures';

describe.each(backends)('migrations and seeding on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend, { seed: false });
  });
  afterAll(() => server.close());

  it('migrations are recorded and applied once', async () => {
    expect(await migrate(server.db)).toEqual([]);
    const { rows } = await server.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    expect(rows[0]?.name).toBe('001_initial');
  });

  it('seeds through the write path (version 1, increasing seqs) once, and refuses an invalid seed', async () => {
    const seed = makeSeed('seed-test');
    expect(await seedTerritory(server.db, seed, new Date())).toBe(7);
    expect(await seedTerritory(server.db, seed, new Date())).toBe(0);
    const { rows } = await server.db.query<{ version: number; server_seq: unknown }>(
      "SELECT version, server_seq FROM record WHERE territory_id = 'seed-test' ORDER BY server_seq",
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.version === 1)).toBe(true);
    const bad = makeSeed('seed-bad');
    bad.places[0]!.lat = 500;
    await expect(seedTerritory(server.db, bad, new Date())).rejects.toThrow(/Invalid territory seed/);
    const foreign = makeSeed('seed-mixed');
    foreign.places[0]!.territoryId = 'ailleurs';
    await expect(seedTerritory(server.db, foreign, new Date())).rejects.toThrow(/belongs to ailleurs/);
    const { rows: none } = await server.db.query("SELECT 1 FROM record WHERE territory_id IN ('seed-bad', 'seed-mixed')");
    expect(none).toEqual([]);
  });

  it('creates the first admin once', async () => {
    const first = await ensureFirstAdmin(server.db, { territoryId: 'seed-test', login: 'admin-seed' });
    expect(first?.generated).toBe(true);
    const { rows } = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM account WHERE login = 'admin-seed'");
    expect(await verifyPassword(first!.password, rows[0]!.password_hash)).toBe(true);
    expect(await ensureFirstAdmin(server.db, { territoryId: 'seed-test', login: 'admin-seed' })).toBeUndefined();
  });
});
