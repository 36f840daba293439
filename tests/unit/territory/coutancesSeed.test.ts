import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { territorySeedSchema } from '../../../src/shared/domain/territorySeed';
import { loadFranceData } from '../../../src/server/cli/territory/loadFranceData';
import { getTerritorySeed, territories } from '../../../src/territories';
import { pgliteBackend } from '../../server/support/backends';
import { createTestServer } from '../../server/support/createTestServer';
import { pullAll } from '../../server/support/syncClient';

// The second territory in the repository, written by `npm run territory:create -- --epci
// 200067023` (CC Coutances Mer et Bocage, Manche, Normandie): registered, valid, official,
// served by the real start command, and able to share one database with the Civraisien.

const ROOT = resolve(import.meta.dirname, '../../..');
const ID = 'coutances-mer-et-bocage';
const seed = getTerritorySeed(ID)!;
const civraisien = getTerritorySeed('civraisien-en-poitou')!;
const france = loadFranceData();
const work = mkdtempSync(join(tmpdir(), 'escale-coutances-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`${ID} seed`, () => {
  it('is registered, parses with the seed schema, and holds the 48 official communes', () => {
    expect(territories[ID]).toBe(seed);
    expect(territorySeedSchema.safeParse(seed).success).toBe(true);
    const { territory } = seed;
    expect(territory).toMatchObject({ id: ID, name: 'Communauté de communes Coutances Mer et Bocage', epciCode: '200067023', region: 'Normandie', poles: [] });
    expect(territory.communes.map((c) => c.insee)).toEqual(france.epci.get('200067023')!.members);
    expect(territory.communes).toHaveLength(48);
    expect(territory.communes.reduce((s, c) => s + c.population, 0)).toBe(47_755);
    for (const c of territory.communes) {
      const official = france.communes.get(c.insee)!;
      expect([c.name, c.postcodes, c.population, c.lat, c.lon]).toEqual([official.name, official.postcodes, official.population, official.lat, official.lon]);
    }
    expect(territory.outlines.features).toEqual([]);
  });

  it('has an empty directory, no tour or offer, the national checklists, and no record id of the Civraisien', () => {
    expect([seed.places, seed.tours, seed.mobility]).toEqual([[], [], []]);
    expect(seed.checklists).toHaveLength(18);
    for (const c of seed.checklists) {
      expect([c.territoryId, c.reviewedAt, c.whereToGo.placeIds]).toEqual([ID, '', []]);
    }
    // The server keys records by (collection, id) for every territory of a database.
    const ids = (s: typeof seed) => [s.territory.id, ...s.places.map((r) => r.id), ...s.tours.map((r) => r.id), ...s.mobility.map((r) => r.id), ...s.checklists.map((r) => r.id)];
    expect(ids(seed).filter((id) => ids(civraisien).includes(id))).toEqual([]);
  });

  it('is what the command writes today (the school calendar aside, which starts with the current school year)', () => {
    const out = join(work, ID);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/createTerritory.ts', '--epci', '200067023', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const inRepo = join(ROOT, 'src/territories', ID);
    const { schoolHolidays: _a, ...written } = read(out, 'territory.json');
    const { schoolHolidays: _b, ...committed } = read(inRepo, 'territory.json');
    expect(written).toEqual(committed);
    for (const file of ['places.json', 'tours.json', 'mobility.json', 'checklists.json']) expect(read(out, file), file).toEqual(read(inRepo, file));
  });

  it('seeds beside the Civraisien in one database: every record of both is stored, and each public pull gets its own', async () => {
    const server = await createTestServer(pgliteBackend, { seed: civraisien });
    try {
      expect(await server.seed(seed)).toBe(1 + 18);
      const pulled = await pullAll(server, { territory: ID }, undefined, 500);
      const byCollection = (changes: { collection: string }[]) => changes.reduce<Record<string, number>>((m, c) => ({ ...m, [c.collection]: (m[c.collection] ?? 0) + 1 }), {});
      expect(byCollection(pulled.changes)).toEqual({ territory: 1, checklist: 18 });
      const other = await pullAll(server, { territory: 'civraisien-en-poitou' }, undefined, 500);
      expect(other.changes.filter((c) => c.collection === 'checklist')).toHaveLength(civraisien.checklists.length);
    } finally {
      await server.close();
    }
  });

  it('is served by the real start command with ESCALE_TERRITORY', async () => {
    const dataDir = mkdtempSync(join(work, 'db-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ESCALE_TERRITORY: ID, ESCALE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ESCALE_SKIP_BUILD: '1', ESCALE_DIST_DIR: join(work, 'no-dist') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const { url, output } = await new Promise<{ url: string; output: string }>((ok, fail) => {
        let out = '';
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) ok({ url: m[1]!, output: out });
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
      });
      expect(output).toContain(`territory ${ID} seeded: 19 records`);
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, db: 'pglite' });
      const page = (await (await fetch(`${url}/api/sync/pull?territory=${ID}&limit=1000`)).json()) as { changes: { collection: string; id: string }[]; hasMore: boolean };
      expect(page.hasMore).toBe(false);
      expect(page.changes.filter((c) => c.collection === 'territory').map((c) => c.id)).toEqual([ID]);
      expect(page.changes.filter((c) => c.collection === 'checklist')).toHaveLength(18);
    } finally {
      child.removeAllListeners('exit');
      await new Promise((done) => {
        child.on('exit', done);
        child.kill('SIGTERM');
      });
    }
    // A real start (PGlite created, migrated, seeded): over 30 s on a loaded 2-core machine.
  }, 120_000);
});
