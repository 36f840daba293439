import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeSchema } from '../../../src/shared/domain/place';
import { checklistSchema } from '../../../src/shared/domain/checklist';
import { upgradeVocabularies } from '../../../src/server/seed/upgradeVocabularies';
import { backends } from '../support/backends';
import { createTestServer, type TestServer } from '../support/createTestServer';
import { pullAll } from '../support/syncClient';

// A database written before the move to data·inclusion v1 holds slugs today's schemas
// refuse: the start-up step rewrites them as normal writes that every device pulls.

describe.each(backends)('pre-v1 slugs upgraded on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(backend);
  });
  afterAll(() => server.close());

  it('rewrites old place and checklist slugs once, as new versions devices pull', async () => {
    const t = server.territoryId;
    const { rows } = await server.db.query<{ collection: string; id: string }>(
      "SELECT collection, id FROM record WHERE territory_id = $1 AND collection IN ('place', 'checklist') ORDER BY collection, id", [t],
    );
    const place = rows.find((r) => r.collection === 'place')!;
    const checklist = rows.find((r) => r.collection === 'checklist')!;
    // As an Escale database from before v1 stored them.
    await server.db.query(
      `UPDATE record SET data = data || $2::jsonb WHERE collection = 'place' AND id = $1`,
      [place.id, JSON.stringify({
        publics: ['enfants', 'seniors-65'], frais: ['adhesion'], reseauxPorteurs: ['unccas'],
        thematiques: ['numerique--realiser-des-demarches-administratives-avec-un-accompagnement', 'ancien--sans-equivalent'],
        services: [{ id: 'svc', name: 'Aide', thematiques: ['famille--soutien-a-la-parentalite'] }],
      })],
    );
    await server.db.query(`UPDATE record SET data = data || '{"partner":"assurance-maladie"}'::jsonb WHERE collection = 'checklist' AND id = $1`, [checklist.id]);
    const before = await pullAll(server, { territory: t });

    expect(await upgradeVocabularies(server.db, new Date())).toBe(2);
    expect(await upgradeVocabularies(server.db, new Date())).toBe(0);

    const after = await pullAll(server, { territory: t }, before.cursor);
    const byId = new Map(after.changes.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([checklist.id, place.id].sort());
    const placeChange = byId.get(place.id)!;
    expect(placeChange.op === 'put' && placeChange.version).toBe(2);
    const upgraded = placeSchema.parse(placeChange.op === 'put' ? placeChange.record : null);
    expect(upgraded.publics).toEqual(['familles', 'seniors']);
    expect(upgraded.frais).toEqual(['payant']);
    expect(upgraded.reseauxPorteurs).toEqual(['ccas-cias']);
    expect(upgraded.thematiques).toEqual([
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'numerique--acceder-a-des-services-en-ligne',
    ]);
    expect(upgraded.services[0]?.thematiques).toEqual(['famille--soutien-a-la-parentalite-et-a-leducation']);
    const checklistChange = byId.get(checklist.id)!;
    expect(checklistSchema.parse(checklistChange.op === 'put' ? checklistChange.record : null).partner).toBe('cpam');
  });
});
