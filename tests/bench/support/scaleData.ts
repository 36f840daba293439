import { createHash } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../../../src/server/auth/password';
import { hashToken } from '../../../src/server/auth/sessionToken';
import { AGE_BANDS, AUTONOMY_LEVELS, VISIT_PROCEDURES, VISIT_THEMES } from '../../../src/shared/domain/vocabularies';
import { getTerritorySeed } from '../../../src/territories/index';
import { generatePlaces, generateVisit } from './records';

/**
 * The data of the `scale` benchmark, written straight into PostgreSQL (generate_series,
 * one INSERT … SELECT per territory), not through the HTTP API: territories `scale-001`…,
 * each a copy of the Civraisien's territory record with its own id and name, its places
 * (generated like the server benchmark's), its aidants with one device and one live
 * session each, one staff account, and a year of visit logs per device, each with the
 * mutation_result row and the device's lastMutationId a real push would have left.
 * Growing is additive: `growTo(…, 10)` after `growTo(…, 1)` adds territories 2 to 10.
 */
export interface ScaleSizes {
  placesPerTerritory: number;
  devicesPerTerritory: number;
  visitsPerDevice: number;
}

export interface ScaleDevice {
  territoryId: string;
  userId: string;
  clientId: string;
  token: string;
}

export interface ScaleTerritory {
  id: string;
  aidants: ScaleDevice[];
  staff: ScaleDevice;
}

export const territoryIdOf = (n: number) => `scale-${String(n).padStart(3, '0')}`;

/** A UUID made from a text (shaped as a version 4 one, as devices make them), so that every run writes the same ids. */
function uuidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function device(territoryId: string, role: 'aidant' | 'staff', i: number): ScaleDevice {
  const userId = `${territoryId}-${role}-${i}`;
  return { territoryId, userId, clientId: uuidOf(`device:${userId}`), token: createHash('sha256').update(`scale-token:${userId}`).digest('base64url') };
}

/** The accounts and devices of territory `n` (the same whether it was just written or is already there). */
export function territoryOf(n: number, sizes: ScaleSizes): ScaleTerritory {
  const id = territoryIdOf(n);
  return { id, aidants: Array.from({ length: sizes.devicesPerTerritory }, (_, i) => device(id, 'aidant', i + 1)), staff: device(id, 'staff', 1) };
}

let passwordHash: Promise<string> | undefined;

/**
 * Adds territories `from + 1` … `to` to the database at `url` (already migrated). Returns
 * the seconds it took. One transaction per territory; synchronous_commit off for the
 * session (nothing here needs to survive a crash of the machine).
 */
export async function growTo(url: string, from: number, to: number, sizes: ScaleSizes): Promise<number> {
  const t0 = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const base = getTerritorySeed('civraisien-en-poitou')!.territory;
    const placeTemplate = { ...generatePlaces(1, 'x')[0]! } as Record<string, unknown>;
    const visitTemplate = { ...generateVisit('x', 'x', 0) } as Record<string, unknown>;
    passwordHash ??= hashPassword('scale-bench-password');
    const hash = await passwordHash;
    for (let n = from + 1; n <= to; n++) {
      const t = territoryOf(n, sizes);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO record (collection, id, territory_id, version, server_seq, data)
         VALUES ('territory', $1, $1, 1, nextval('sync_seq'), $2::jsonb || jsonb_build_object('id', $1::text, 'name', $3::text))`,
        [t.id, JSON.stringify(base), `Communauté de communes du Banc d'essai ${n}`],
      );
      // Places: the template with its own id, name and position (spread over the Civraisien's bbox).
      await client.query(
        `INSERT INTO record (collection, id, territory_id, version, server_seq, data)
         SELECT 'place', p.id, $1, 1, nextval('sync_seq'),
                $2::jsonb || jsonb_build_object('id', p.id, 'territoryId', $1::text, 'name', 'Accueil ' || p.i || ' du territoire ' || $4::text,
                                                'lat', round((46.05 + (p.i * 0.6180339887 % 1) * 0.36)::numeric, 6),
                                                'lon', round((0.11 + (p.i * 0.4142135623 % 1) * 0.44)::numeric, 6))
           FROM (SELECT i, $1 || '-place-' || lpad(i::text, 5, '0') AS id FROM generate_series(1, $3::int) i) p`,
        [t.id, JSON.stringify(placeTemplate), sizes.placesPerTerritory, String(n)],
      );
      const people = [...t.aidants.map((d) => ({ d, role: 'aidant' })), { d: t.staff, role: 'staff' }];
      await client.query(
        `INSERT INTO account (id, login, display_name, role, territory_id, password_hash)
         SELECT id, id, 'Compte ' || id, role, $3, $4 FROM unnest($1::text[], $2::text[]) AS a(id, role)`,
        [people.map((p) => p.d.userId), people.map((p) => p.role), t.id, hash],
      );
      await client.query(
        `INSERT INTO sync_client (client_id, user_id, last_mutation_id, last_seen)
         SELECT c, u, CASE WHEN r = 'aidant' THEN $4::bigint ELSE 0 END, now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS d(c, u, r)`,
        [people.map((p) => p.d.clientId), people.map((p) => p.d.userId), people.map((p) => p.role), sizes.visitsPerDevice],
      );
      await client.query(
        `INSERT INTO session_token (token_hash, user_id, client_id, expires_at)
         SELECT h, u, c, now() + interval '30 days' FROM unnest($1::text[], $2::text[], $3::uuid[]) AS s(h, u, c)`,
        [people.map((p) => hashToken(p.d.token)), people.map((p) => p.d.userId), people.map((p) => p.d.clientId)],
      );
      // A year of visit logs per device, in time order (so seq order is time order), each
      // with a few of the vocabularies' values, and the stored answer of its push.
      await client.query(
        `INSERT INTO record (collection, id, territory_id, owner_id, client_id, mutation_id, version, server_seq, created_at, updated_at, data)
         SELECT 'visit', v.id, $1, v.owner, v.client, v.k, 1, nextval('sync_seq'), v.at, v.at,
                $4::jsonb || jsonb_build_object('id', v.id, 'territoryId', $1::text, 'aidantId', v.owner,
                  'createdAt', to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'themes', jsonb_build_array($5::jsonb->(v.k % jsonb_array_length($5::jsonb))),
                  'procedures', jsonb_build_array($6::jsonb->(v.k % jsonb_array_length($6::jsonb))),
                  'ageBand', $7::jsonb->(v.k % jsonb_array_length($7::jsonb)),
                  'autonomy', $8::jsonb->(v.k % jsonb_array_length($8::jsonb)))
           FROM (SELECT overlay(overlay(md5(d.client::text || ':' || k) placing '4' from 13) placing '8' from 17)::uuid::text AS id, d.owner, d.client, k,
                        now() - (365.0 * (1 - k::float8 / $9::int) + abs(hashtext(d.owner) % 1000) / 10000.0) * interval '1 day' AS at
                   FROM unnest($2::text[], $3::uuid[]) AS d(owner, client), generate_series(1, $9::int) k
                  ORDER BY at) v`,
        [t.id, t.aidants.map((d) => d.userId), t.aidants.map((d) => d.clientId), JSON.stringify(visitTemplate),
          JSON.stringify(VISIT_THEMES), JSON.stringify(VISIT_PROCEDURES), JSON.stringify(AGE_BANDS), JSON.stringify(AUTONOMY_LEVELS), sizes.visitsPerDevice],
      );
      await client.query(
        `INSERT INTO mutation_result (client_id, mutation_id, status, result)
         SELECT c, k, 'applied', jsonb_build_object('id', k, 'status', 'applied')
           FROM unnest($1::uuid[]) AS d(c), generate_series(1, $2::int) k`,
        [t.aidants.map((d) => d.clientId), sizes.visitsPerDevice],
      );
      await client.query('COMMIT');
    }
    // A database in service has planner statistics (autovacuum): take them now.
    await client.query('ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return (Date.now() - t0) / 1000;
}
