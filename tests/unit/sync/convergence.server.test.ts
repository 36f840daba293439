import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayer } from '../../../src/app/composition/createDataLayer';
import { makePlace, makeVisit, prng, seededUuid, TERRITORY_ID } from './support/fixtures';
import { freshDbName, openClient } from './support/clients';
import { serverProjection, startTestServer, type TestServer } from './support/testServer';

// I3: seeded random operations on several devices (aidants, staff, a public one) with
// random sync interleavings; at rest every replica equals the server's projection of its
// scope, versions and contents.

let server: TestServer;
beforeAll(async () => { server = await startTestServer(6); });
afterAll(async () => { await server.close(); });

type Role = 'aidant' | 'staff' | 'public';
interface Device { role: Role; userId?: string; client: DataLayer }

async function openDevice(role: Role, label: string): Promise<Device> {
  const client = await openClient({ fetch: server.fetch, dbName: freshDbName(label), pullLimit: 4, pushBatchSize: 3 });
  if (role === 'public') return { role, client };
  const account = await server.account(role, await client.clientId());
  client.setToken(account.token);
  return { role, userId: account.userId, client };
}

async function step(d: Device, random: () => number, uuid: () => string, n: number): Promise<void> {
  const r = random();
  if (d.role === 'public' || r < 0.25) {
    await d.client.syncNow();
    return;
  }
  const at = new Date(Date.UTC(2026, 10, 22, 9, n)).toISOString();
  if (d.role === 'aidant') {
    if (r < 0.75) await d.client.writes.createVisit(makeVisit(uuid(), d.userId!, { createdAt: at }));
    else if (r < 0.9) {
      await d.client.writes.recordCoverage({ id: uuid(), territoryId: TERRITORY_ID, insee: '86078', observedAt: at, online: random() < 0.5 });
    } else {
      await d.client.writes.proposeCorrection({
        id: uuid(), territoryId: TERRITORY_ID, collection: 'place', recordId: 'lieu-1', message: `Horaires à revoir ${n}`,
        proposedBy: d.userId!, createdAt: at, status: 'pending',
      });
    }
    return;
  }
  const places = await d.client.directory.list('place');
  const target = places[Math.floor(random() * places.length)];
  if (r < 0.55 && target) {
    await d.client.writes.editRecord('place', target.record.id, target.version, { name: `Lieu modifié ${n}` });
  } else if (r < 0.65 && target && places.length > 3) {
    await d.client.writes.deleteRecord('place', target.record.id, target.version);
  } else if (r < 0.8) {
    await d.client.writes.createRecord('place', makePlace(`cree-${uuid().slice(-6)}-${n}`));
  } else {
    await d.client.writes.createVisit(makeVisit(uuid(), d.userId!, { createdAt: at }));
  }
}

async function expectConverged(devices: Device[]): Promise<void> {
  // At rest: everyone pushes, then everyone pulls what the others pushed.
  for (let round = 0; round < 2; round++) for (const d of devices) expect(await d.client.syncNow()).toBe('ok');
  const { rows: serverPlaces } = await server.db.query<{ id: string; data: unknown }>(
    "SELECT id, data FROM record WHERE collection = 'place' AND deleted_at IS NULL AND territory_id = $1", [TERRITORY_ID],
  );
  for (const d of devices) {
    expect(await d.client.pendingCount()).toBe(0);
    expect(await d.client.db.pendingEdits.count()).toBe(0);
    const rows = await d.client.db.rows.toArray();
    const replica = new Map(rows.filter((r) => !r.deleted).map((r) => [`${r.collection}/${r.id}`, r.version]));
    expect(replica).toEqual(await serverProjection(server.db, { role: d.role, ...(d.userId ? { userId: d.userId } : {}) }));
    const places = new Map((await d.client.directory.places()).map((p) => [p.id, p]));
    for (const sp of serverPlaces) {
      const { internal: _internal, ...publicPart } = sp.data as Record<string, unknown>;
      expect(places.get(sp.id)).toEqual(d.role === 'public' ? publicPart : sp.data);
    }
  }
}

describe('convergence of several devices (I3)', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: every replica equals the server's projection of its scope`, async () => {
      const random = prng(seed);
      const uuid = seededUuid(seed * 31);
      const devices = [
        await openDevice('aidant', `c${seed}-a1`), await openDevice('aidant', `c${seed}-a2`),
        await openDevice('staff', `c${seed}-s1`), await openDevice('staff', `c${seed}-s2`),
        await openDevice('public', `c${seed}-p`),
      ];
      for (const d of devices) await d.client.syncNow();
      for (let n = 0; n < 45; n++) await step(devices[Math.floor(random() * devices.length)]!, random, uuid, n);
      await expectConverged(devices);
      const conflicts = (await Promise.all(devices.map((d) => d.client.issues.conflicts()))).flat();
      const rejections = (await Promise.all(devices.map((d) => d.client.issues.rejections()))).flat();
      // Conflicts are expected (staff editing the same places); rejections are not.
      expect(rejections).toEqual([]);
      expect(conflicts.every((c) => c.collection === 'place')).toBe(true);
      const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mutation_result');
      expect(rows[0]!.n).toBeGreaterThan(20);
      for (const d of devices) d.client.close();
    });
  }
});
