import type { Place } from '../../../../src/shared/domain/place';
import type { VisitLog } from '../../../../src/shared/domain/visitLog';
import type { Territory } from '../../../../src/shared/domain/territory';
import type { Change } from '../../../../src/shared/sync/protocol';

export const TERRITORY_ID = 'civraisien-en-poitou';

export function makePlace(id: string, overrides: Partial<Place> = {}): Place {
  return {
    id, territoryId: TERRITORY_ID, name: `Lieu ${id}`, category: 'mairie', insee: '86078', postcode: '86400', city: 'Civray',
    lat: 46.14, lon: 0.3, reseauxPorteurs: [], thematiques: [], publics: [], frais: [], modesAccueil: [], services: [],
    digital: {}, accessibility: {}, languages: ['fr'], itinerant: false, verifiedAt: '', ...overrides,
  };
}

export function makeVisit(id: string, aidantId: string, overrides: Partial<VisitLog> = {}): VisitLog {
  return {
    id, territoryId: TERRITORY_ID, aidantId, createdAt: '2026-11-22T10:00:00.000Z', kind: 'individuel', participants: 1,
    durationMinutes: 15, themes: ['courriels'], procedures: [], autonomy: 'autonome', referral: [], ageBand: '60-69',
    equipment: [], checklistRuns: [], ...overrides,
  };
}

export function makeTerritory(): Territory {
  return {
    id: TERRITORY_ID, name: 'CC du Civraisien en Poitou', epciCode: '200070043', timeZone: 'Europe/Paris', region: 'Nouvelle-Aquitaine',
    poles: [{ name: 'Civray', insee: '86078' }],
    communes: [{ insee: '86078', name: 'Civray', postcodes: ['86400'], population: 2600, lat: 46.14, lon: 0.3 }],
    bbox: [0.108, 46.048, 0.55, 46.412], schoolHolidays: [], outlines: { type: 'FeatureCollection', features: [] },
  };
}

export const put = (id: string, version: number, seq: number, record: unknown = makePlace(id, { name: `Lieu ${id} v${version}` })): Change =>
  ({ collection: 'place', op: 'put', id, version, seq, record });
export const del = (id: string, version: number, seq: number): Change => ({ collection: 'place', op: 'delete', id, version, seq });

/** Deterministic UUID v4 from a seed and a counter (tests never use the wall clock or Math.random). */
export function seededUuid(seed: number): () => string {
  let n = 0;
  const s = (seed >>> 0).toString(16).padStart(8, '0').slice(-8);
  return () => {
    const c = (++n).toString(16).padStart(12, '0');
    return `${s}-0000-4000-8000-${c}`;
  };
}

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
