import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sealForServer } from '../../src/app/aidant/crypto/serverSeal';
import { newNotesKey } from '../../src/server/sync/store/NoteCipher';
import { noteServerKeySchema } from '../../src/shared/domain/sealedNote';
import { postgresAvailable } from './support/backends';
import { killLeftoverServers, runScript, signIn, startEscale, type EscaleProcess } from './support/escaleProcess';

// `npm run notes:rotate-key` with the real start command, on both databases
// (docs/privacy.md#rotating-the-notes-key): a note pushed before the rotation still reads
// the same after it, under the new key only. PGlite uses the generated key file beside its
// folder; PostgreSQL the ESCALE_NOTES_KEY / ESCALE_NOTES_PREVIOUS_KEYS pair.

const ADMIN = { ESCALE_ADMIN_LOGIN: 'chef', ESCALE_ADMIN_PASSWORD: 'un-mot-de-passe-solide' };
const NOTE = 'Rappeler Mme B. pour le dossier APL';

afterAll(killLeftoverServers);

/** An aidant made by the admin pushes one visit with a note; returns its id. */
async function pushNote(server: EscaleProcess): Promise<string> {
  const admin = await signIn(server.url, 'chef', ADMIN.ESCALE_ADMIN_PASSWORD, randomUUID());
  const login = `aidant-${randomUUID().slice(0, 6)}`;
  const made = await fetch(`${server.url}/api/admin/accounts`, {
    method: 'POST', headers: admin.headers, body: JSON.stringify({ login, displayName: 'Aidante', role: 'aidant', password: 'mot-de-passe-aidant' }),
  });
  expect(made.status).toBe(201);
  const clientId = randomUUID();
  const aidant = await signIn(server.url, login, 'mot-de-passe-aidant', clientId);
  const id = randomUUID();
  const visit = {
    id, territoryId: 'civraisien-en-poitou', aidantId: aidant.userId, createdAt: new Date().toISOString(), kind: 'individuel',
    participants: 1, durationMinutes: 20, themes: ['courriels'], procedures: [], autonomy: 'autonome', referral: [],
    ageBand: '60-69', equipment: [], checklistRuns: [], notes: NOTE,
  };
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST', headers: aidant.headers, body: JSON.stringify({ protocol: 1, clientId, mutations: [{ id: 1, name: 'visit.create@1', args: visit }] }),
  });
  expect(await res.json()).toMatchObject({ results: [{ status: 'applied' }] });
  return id;
}

/**
 * A visit whose note is sealed for the server's published key (what a tablet's outbox
 * holds), pushed: the server opens it only if it unwraps its sealing key with its notes key.
 */
async function pushSealedNote(server: EscaleProcess, note: string): Promise<string> {
  const admin = await signIn(server.url, 'chef', ADMIN.ESCALE_ADMIN_PASSWORD, randomUUID());
  const login = `aidant-${randomUUID().slice(0, 6)}`;
  await fetch(`${server.url}/api/admin/accounts`, {
    method: 'POST', headers: admin.headers, body: JSON.stringify({ login, displayName: 'Aidante', role: 'aidant', password: 'mot-de-passe-aidant' }),
  });
  const clientId = randomUUID();
  const aidant = await signIn(server.url, login, 'mot-de-passe-aidant', clientId);
  const key = noteServerKeySchema.parse(await (await fetch(`${server.url}/api/sync/note-key`)).json());
  const id = randomUUID();
  const visit = {
    id, territoryId: 'civraisien-en-poitou', aidantId: aidant.userId, createdAt: new Date().toISOString(), kind: 'individuel',
    participants: 1, durationMinutes: 20, themes: ['courriels'], procedures: [], autonomy: 'autonome', referral: [],
    ageBand: '60-69', equipment: [], checklistRuns: [], sealedNotes: await sealForServer(key, note, id),
  };
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST', headers: aidant.headers, body: JSON.stringify({ protocol: 1, clientId, mutations: [{ id: 1, name: 'visit.create@2', args: visit }] }),
  });
  expect(await res.json()).toMatchObject({ results: [{ status: 'applied' }] });
  return id;
}

async function readNote(server: EscaleProcess, visitId: string): Promise<unknown> {
  const admin = await signIn(server.url, 'chef', ADMIN.ESCALE_ADMIN_PASSWORD, randomUUID());
  return (await fetch(`${server.url}/api/notes/${visitId}`, { headers: admin.headers })).json();
}

describe('npm run notes:rotate-key', () => {
  it('PGlite with the generated key file: refused while the server runs; afterwards the note reads the same under a new key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-rotate-'));
    const env = { ...ADMIN, ESCALE_DATA_DIR: join(dir, 'db') };
    const keyFile = join(dir, 'notes.key');
    try {
      const first = await startEscale(env);
      expect(first.output()).toContain(`visit notes key: ${keyFile}`);
      const oldKey = readFileSync(keyFile, 'utf8').trim();
      expect(oldKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const visitId = await pushNote(first);
      const refused = await runScript('notes:rotate-key', [], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/ouverte par le processus \d+/);
      expect(await first.stop()).toBe(0);

      const done = await runScript('notes:rotate-key', [], env);
      expect(done.stdout, done.stderr).toMatch(/Notes re-encrypted under key nk[0-9a-f]{12}: 1\./);
      // The tablets' sealing key, wrapped under the notes key, moved with the notes.
      expect(done.stdout).toMatch(/Tablet sealing keys wrapped under key nk[0-9a-f]{12}: 1\./);
      expect(done.code).toBe(0);
      const newKey = readFileSync(keyFile, 'utf8').trim();
      expect(newKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(newKey).not.toBe(oldKey);
      const second = await startEscale(env);
      expect(await readNote(second, visitId)).toMatchObject({ note: NOTE });
      // A box sealed for the same published key still opens: its private half unwraps under the new notes key.
      expect(await readNote(second, await pushSealedNote(second, 'Scellée après la rotation'))).toMatchObject({ note: 'Scellée après la rotation' });
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it.skipIf(!postgresAvailable)('PostgreSQL with ESCALE_NOTES_KEY: the new key set, the old one given as previous, then dropped', async () => {
    const name = `escale_t_rotate_${randomUUID().slice(0, 8)}`;
    const maintenance = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await maintenance.connect();
    await maintenance.query(`CREATE DATABASE ${name}`);
    try {
      const base = { ...ADMIN, DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` };
      const oldKey = newNotesKey();
      const first = await startEscale({ ...base, ESCALE_NOTES_KEY: oldKey });
      const visitId = await pushNote(first);
      expect(await first.stop()).toBe(0);
      const printed = await runScript('notes:rotate-key', ['--new-key'], {});
      const newKey = printed.stdout.trim();
      expect(newKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      // Servers run during the rotation: they hold both keys.
      const during = await startEscale({ ...base, ESCALE_NOTES_KEY: newKey, ESCALE_NOTES_PREVIOUS_KEYS: oldKey });
      const done = await runScript('notes:rotate-key', [], { ...base, ESCALE_NOTES_KEY: newKey, ESCALE_NOTES_PREVIOUS_KEYS: oldKey });
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toMatch(/: 1\./);
      expect(await during.stop()).toBe(0);
      // The old key forgotten: the note still reads; a server given only the old key does not read it.
      const after = await startEscale({ ...base, ESCALE_NOTES_KEY: newKey });
      expect(await readNote(after, visitId)).toMatchObject({ note: NOTE });
      expect(await readNote(after, await pushSealedNote(after, 'Scellée après la rotation'))).toMatchObject({ note: 'Scellée après la rotation' });
      expect(await after.stop()).toBe(0);
      const stale = await startEscale({ ...base, ESCALE_NOTES_KEY: oldKey });
      expect(await readNote(stale, visitId)).toMatchObject({ code: 'internal_error' });
      expect(await stale.stop()).toBe(0);
    } finally {
      await maintenance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await maintenance.end();
    }
  }, 240_000);
});
