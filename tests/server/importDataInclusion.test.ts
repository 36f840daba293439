import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../src/server/cli/runImportCommand';
import type { Database } from '../../src/server/db/Database';
import { migrate } from '../../src/server/db/migrate';
import { openDatabase } from '../../src/server/db/openDatabase';
import { seedTerritory } from '../../src/server/seed/seedTerritory';
import type { ImportReportLine } from '../../src/shared/datainclusion/planImport';
import type { TerritorySeed } from '../../src/shared/domain/territorySeed';
import { COMPLETE_FILE, COMPLETE_STRUCTURE } from '../unit/datainclusion/support/v1Records';
import { backends } from './support/backends';
import { countRecords } from './support/countRows';
import { createTestServer, type TestAccount, type TestServer } from './support/createTestServer';
import { runScript } from './support/escaleProcess';
import { makeSeed } from './support/fixtures';

// The data·inclusion import for staff without a browser: POST /api/import/datainclusion
// and `npm run import:datainclusion` (its work, runImportCommand, on the same database),
// with the transfer screen's checks and report. Real server, PGlite and PostgreSQL.

/** The test seed plus Civray (86078), where the real-shaped records of v1Records.ts are. */
function seedWithCivray(): TerritorySeed {
  const seed = makeSeed();
  seed.territory.communes.push({ insee: '86078', name: 'Civray', postcodes: ['86400'], population: 2543, lat: 46.141223, lon: 0.300987 });
  return seed;
}

const SECOND = {
  source: 'dora', id: 'dora--mairie-civray', nom: 'Mairie de Civray', date_maj: '2026-10-01', code_insee: '86078',
  latitude: 46.148, longitude: 0.296, telephone: '05 49 87 00 49', horaires_accueil: 'Mo-Fr 09:00-12:00',
};
const REFUSED = { source: 'dora', id: 'dora--insee-faux', nom: 'Code INSEE faux', date_maj: '2026-10-01', code_insee: '8607' };
/** Two valid structures (one with three services) and one refused on its code_insee. */
const FILE: { structures: Record<string, unknown>[]; services: Record<string, unknown>[] } = { structures: [COMPLETE_STRUCTURE, SECOND, REFUSED], services: COMPLETE_FILE.services };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function maxSeq(db: Database): Promise<number> {
  const { rows } = await db.query<{ s: unknown }>('SELECT coalesce(max(server_seq), 0) AS s FROM record');
  return Number(rows[0]!.s);
}
async function auditCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'place.%'");
  return Number(rows[0]!.n);
}
const outcomes = (lines: readonly ImportReportLine[]) => lines.map((l) => [l.sourceId, l.outcome]);

interface ImportAnswer { dryRun: boolean; written: boolean; counts: Record<string, number>; records: ImportReportLine[]; report: string[]; code?: string; message?: string }

describe.each(backends)('data·inclusion import endpoint and command on $name', (backend) => {
  let server: TestServer;
  let staff: TestAccount;

  beforeAll(async () => {
    server = await createTestServer(backend, { seed: seedWithCivray() });
    staff = await server.createAccount('staff');
  }, 120_000);
  afterAll(() => server.close());

  async function post(body: unknown, query = '', who: TestAccount = staff): Promise<{ status: number; body: ImportAnswer }> {
    const res = await server.fetch(`/api/import/datainclusion${query}`, {
      method: 'POST', headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as ImportAnswer };
  }

  it('a dry run reports what would change (created / refused with record id, field, reason) and writes nothing', async () => {
    const before = { places: await countRecords(server.db, 'place'), seq: await maxSeq(server.db), audit: await auditCount(server.db) };
    const { status, body } = await post(FILE, '?dryRun=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, written: false, counts: { created: 2, updated: 0, unchanged: 0, refused: 1 } });
    expect(outcomes(body.records)).toEqual([[COMPLETE_STRUCTURE.id, 'created'], [SECOND.id, 'created'], [REFUSED.id, 'refused']]);
    const refusal = body.records[2]!.issues.find((i) => i.level === 'refus');
    expect(refusal).toMatchObject({ recordId: REFUSED.id, field: 'code_insee', reason: expect.stringMatching(/code INSEE/) });
    // The non-OSM hours of a service: kept, and said « à vérifier », naming the service.
    expect(body.records[0]!.issues).toContainEqual(expect.objectContaining({ recordId: 'dora--droits-civray', field: 'horaires_accueil', level: 'avertissement', reason: expect.stringMatching(/à vérifier/) }));
    expect(body.report).toContain(`refusé : structure « ${REFUSED.id} » « Code INSEE faux »`);
    expect(body.report.some((l) => l.includes(`structure « ${REFUSED.id} » · code_insee :`))).toBe(true);
    expect(body.report.at(-2)).toBe('Essai à blanc, rien n’est écrit : 2 créé(s), 0 mis à jour, 0 inchangé(s), 1 refusé(s).');
    expect({ places: await countRecords(server.db, 'place'), seq: await maxSeq(server.db), audit: await auditCount(server.db) }).toEqual(before);
  });

  it('imports the valid records in one go, the refused one changes nothing; a second import changes nothing', async () => {
    const places = await countRecords(server.db, 'place');
    const audit = await auditCount(server.db);
    const first = await post(FILE);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, written: true, counts: { created: 2, updated: 0, unchanged: 0, refused: 1 } });
    expect(await countRecords(server.db, 'place')).toBe(places + 2);
    expect(await auditCount(server.db)).toBe(audit + 2);
    const { rows } = await server.db.query<{ data: { name: string; services: unknown[]; dataInclusion?: { record: { id: string } } }; version: number }>(
      "SELECT data, version FROM record WHERE collection = 'place' AND id = $1", [first.body.records[0]!.placeId],
    );
    expect(rows[0]!.version).toBe(1);
    expect(rows[0]!.data.services).toHaveLength(3);
    expect(rows[0]!.data.dataInclusion?.record.id).toBe(COMPLETE_STRUCTURE.id); // the file's record kept whole
    const { rows: none } = await server.db.query("SELECT 1 FROM record WHERE collection = 'place' AND data->>'name' = 'Code INSEE faux'");
    expect(none).toEqual([]);

    const seq = await maxSeq(server.db);
    const again = await post(FILE);
    expect(again.body).toMatchObject({ written: false, counts: { created: 0, updated: 0, unchanged: 2, refused: 1 } });
    expect(await maxSeq(server.db)).toBe(seq);
    expect(await auditCount(server.db)).toBe(audit + 2);
  });

  it('a changed record is an update of the fields it changes, a new version, one audit line', async () => {
    const file = clone(FILE);
    file.structures[1]!.telephone = '05 49 87 00 50';
    const dry = await post(file, '?dryRun=1');
    expect(dry.body.records[1]).toMatchObject({ outcome: 'updated', changedFields: expect.arrayContaining(['phone']) });
    expect(dry.body.report).toContainEqual(expect.stringMatching(/^serait mis à jour : structure « dora--mairie-civray ».*champs : .*phone/));
    const done = await post(file);
    expect(done.body.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 1 });
    const { rows } = await server.db.query<{ version: number; phone: string }>("SELECT version, data->>'phone' AS phone FROM record WHERE collection = 'place' AND id = $1", [done.body.records[1]!.placeId]);
    expect(rows[0]).toEqual({ version: 2, phone: '05 49 87 00 50' });
    const { rows: audit } = await server.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'place.update' AND target = $1", [done.body.records[1]!.placeId]);
    expect(audit.map((a) => a.details)).toEqual([{ version: 2, via: 'datainclusion.import' }]);
  });

  it('the API’s paginated form is read; a body that is not data·inclusion is a 400, nothing written', async () => {
    // SECOND as the previous test left it (its new phone): the same facts, so unchanged.
    const page = { items: [{ ...clone(SECOND), telephone: '05 49 87 00 50' }], total: 1, page: 1, size: 100, pages: 1 };
    expect((await post(page, '?dryRun=1')).body.counts).toMatchObject({ unchanged: 1 });
    const bad = await post({ lieux: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_body');
    expect(bad.body.message).toMatch(/format data·inclusion/);
    expect((await post(FILE, '?dryRun=peut-etre')).status).toBe(400);
  });

  it('the command on a file: --dry-run prints what would change, the run imports, the rerun prints « inchangé »; exit 3 with a refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-di-'));
    try {
      const file = clone(FILE);
      file.structures[0]!.id = 'dora--cli-structure';
      for (const s of file.services) s.structure_id = 'dora--cli-structure';
      file.services = file.services.map((s) => ({ ...s, id: `${s.id}-cli` }));
      file.structures = [file.structures[0]!, file.structures[2]!];
      writeFileSync(join(dir, 'lieux.json'), JSON.stringify(file));
      const run = async (dryRun: boolean) => {
        const lines: string[] = [];
        const code = await runImportCommand({
          db: server.db, sources: ['lieux.json'], dryRun, territoryId: server.territoryId, now: new Date(), actorId: 'cli:test',
          io: { fetch, cwd: dir }, print: (l) => lines.push(l),
        });
        return { code, lines };
      };
      const places = await countRecords(server.db, 'place');
      const dry = await run(true);
      expect(dry.code).toBe(3);
      expect(dry.lines[0]).toMatch(/^serait créé : structure « dora--cli-structure » « Espace social et culturel du Civraisien »$/);
      expect(dry.lines).toContainEqual(expect.stringMatching(/^ {4}✗ structure « dora--insee-faux » · code_insee : .*\(refusé\)\.$/));
      expect(await countRecords(server.db, 'place')).toBe(places);
      const done = await run(false);
      expect(done.lines.at(-1)).toBe('Import: 1 created, 0 updated, 0 unchanged, 1 refused.');
      expect(await countRecords(server.db, 'place')).toBe(places + 1);
      const rerun = await run(false);
      expect(rerun.lines[0]).toMatch(/^inchangé : structure « dora--cli-structure »/);
      expect(await countRecords(server.db, 'place')).toBe(places + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the command on URLs of the data·inclusion API', () => {
    let http: Server;
    let base = '';
    const asked: string[] = [];
    const structures = [1, 2, 3].map((n) => ({ ...SECOND, id: `dora--api-${n}`, nom: `Lieu de l’API ${n}` }));
    const services = [{ source: 'dora', id: 'dora--api-1--accueil', structure_id: 'dora--api-1', nom: 'Accueil', description: 'Accueil du public.', date_maj: '2026-10-01', frais: 'gratuit' }];

    beforeAll(async () => {
      http = createServer((req, res) => {
        asked.push(req.url ?? '');
        const url = new URL(req.url ?? '/', 'http://x');
        const page = Number(url.searchParams.get('page') ?? '1');
        const size = 2;
        const list = url.pathname === '/api/v1/structures' ? structures : url.pathname === '/api/v1/services' ? services : undefined;
        if (!list || req.headers.authorization !== 'Bearer jeton-di') {
          res.writeHead(list ? 401 : 404).end();
          return;
        }
        const pages = Math.max(1, Math.ceil(list.length / size));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: list.slice((page - 1) * size, page * size), total: list.length, page, size, pages }));
      });
      await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => http.close(() => done())));

    const run = async (sources: string[], token = 'jeton-di') => {
      const lines: string[] = [];
      const code = await runImportCommand({
        db: server.db, sources, dryRun: false, territoryId: server.territoryId, now: new Date(), actorId: 'cli:test',
        io: { fetch, cwd: tmpdir(), token }, print: (l) => lines.push(l),
      });
      return { code, lines };
    };

    it('follows the pages of each URL and imports structures with their services; the rerun changes nothing', async () => {
      asked.length = 0;
      const places = await countRecords(server.db, 'place');
      const done = await run([`${base}/api/v1/structures?size=2`, `${base}/api/v1/services`]);
      expect(done.code).toBe(0);
      expect(asked).toEqual(['/api/v1/structures?size=2', '/api/v1/structures?size=2&page=2', '/api/v1/services']);
      expect(done.lines.at(-2)).toBe('Import : 3 créé(s), 0 mis à jour, 0 inchangé(s), 0 refusé(s).');
      expect(await countRecords(server.db, 'place')).toBe(places + 3);
      const { rows } = await server.db.query<{ n: unknown }>("SELECT jsonb_array_length(data->'services') AS n FROM record WHERE collection = 'place' AND data->>'name' = 'Lieu de l’API 1'");
      expect(Number(rows[0]!.n)).toBe(1);
      const seq = await maxSeq(server.db);
      const again = await run([`${base}/api/v1/structures?size=2`, `${base}/api/v1/services`]);
      expect(again.lines.at(-2)).toBe('Import : 0 créé(s), 0 mis à jour, 3 inchangé(s), 0 refusé(s).');
      expect(await maxSeq(server.db)).toBe(seq);
    });

    it('an answer that is not 200 stops everything before any write, said in French then English', async () => {
      const seq = await maxSeq(server.db);
      await expect(run([`${base}/api/v1/structures`], 'mauvais-jeton')).rejects.toThrow(/répond 401 : rien n’est écrit\.\n.*answers 401: nothing written/);
      await expect(run([`${base}/ailleurs`])).rejects.toThrow(/répond 404/);
      expect(await maxSeq(server.db)).toBe(seq);
    });
  });

  it('a place deleted in Escale is refused by name, not recreated', async () => {
    const dry = await post({ structures: [{ ...SECOND, id: 'dora--supprime', nom: 'Lieu supprimé' }] }, '?dryRun=1');
    const placeId = dry.body.records[0]!.placeId!;
    await post({ structures: [{ ...SECOND, id: 'dora--supprime', nom: 'Lieu supprimé' }] });
    await server.db.query("UPDATE record SET deleted_at = now() WHERE collection = 'place' AND id = $1", [placeId]);
    const again = await post({ structures: [{ ...SECOND, id: 'dora--supprime', nom: 'Lieu supprimé' }] });
    expect(again.body.counts).toMatchObject({ created: 0, refused: 1 });
    expect(again.body.records[0]!.issues.at(-1)).toMatchObject({ recordId: 'dora--supprime', field: 'id', reason: expect.stringMatching(/supprimé dans Escale/) });
  });
});

// The real command, as the operator types it, on the database `npm start` would open.
describe('npm run import:datainclusion (the real command)', () => {
  it.each(backends.map((b) => [b.name, b] as const))('on %s: --dry-run writes nothing, the run imports, exit 3 names the refusal', async (name, backend) => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-di-cmd-'));
    const file = join(dir, 'lieux.json');
    writeFileSync(file, JSON.stringify(FILE));
    let env: Record<string, string>;
    let open: () => Promise<{ db: Database; close: () => Promise<void> }>;
    let dropDb = async () => {};
    if (name === 'pglite') {
      const dataDir = join(dir, 'db');
      env = { ESCALE_DATA_DIR: dataDir, DATABASE_URL: '' };
      open = async () => {
        const db = await openDatabase({ dataDir });
        return { db, close: () => db.close() };
      };
    } else {
      const opened = await backend.open();
      const { url } = opened;
      dropDb = opened.drop;
      if (!url) throw new Error('postgres backend without url');
      env = { DATABASE_URL: url };
      open = async () => {
        const db = await openDatabase({ databaseUrl: url });
        return { db, close: () => db.close() };
      };
    }
    env.ESCALE_TERRITORY = makeSeed().territory.id;
    try {
      const first = await open();
      await migrate(first.db);
      await seedTerritory(first.db, seedWithCivray(), new Date());
      await first.close();

      const dry = await runScript('import:datainclusion', ['--dry-run', file], env);
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(3);
      expect(dry.stdout).toMatch(/^serait créé : structure « dora--espace-sociàl-civray » \(lieu .+\)/m);
      expect(dry.stdout).toMatch(/^ {4}✗ structure « dora--insee-faux » · code_insee : /m);
      const done = await runScript('import:datainclusion', [file], env);
      expect(done.code).toBe(3);
      expect(done.stdout).toMatch(/^Import: 2 created, 0 updated, 0 unchanged, 1 refused\.$/m);
      const again = await runScript('import:datainclusion', [file], env);
      expect(again.stdout).toMatch(/^Import: 0 created, 0 updated, 2 unchanged, 1 refused\.$/m);
      const bad = await runScript('import:datainclusion', [join(dir, 'absent.json')], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^Impossible de lire .*absent\.json/);

      const after = await open();
      expect(await countRecords(after.db, 'place')).toBe(makeSeed().places.length + 2);
      const { rows } = await after.db.query<{ actor_id: string }>("SELECT DISTINCT actor_id FROM audit_log WHERE action = 'place.create'");
      expect(rows.map((r) => r.actor_id)).toEqual([expect.stringMatching(/^cli:/)]);
      await after.close();
    } finally {
      await dropDb();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 360_000);
});
