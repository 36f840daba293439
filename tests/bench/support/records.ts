import { randomUUID } from 'node:crypto';
import type { Place } from '../../../src/shared/domain/place';
import type { VisitLog } from '../../../src/shared/domain/visitLog';
import { seededRandom, TERRITORY_BBOX } from '../common';

/**
 * Generated directory records for the sync benchmarks: realistic places of about 600
 * bytes of JSON each (name, address, phone, opening hours, a short description), spread
 * over the territory's bbox, with ids that sort after the real seed's.
 */
const CITIES = [
  ['86070', '86400', 'Civray'], ['86141', '86160', 'Magné'], ['86066', '86160', 'Charroux'],
  ['86046', '86400', 'Champagné-le-Sec'], ['86231', '86400', 'Savigné'], ['86114', '86400', 'Linazay'],
] as const;
const CATEGORIES = ['mairie', 'france-services', 'mediatheque', 'centre-social', 'solidarites', 'emploi', 'sante'] as const;
const STREETS = ['rue de la Mairie', 'place du Marché', 'avenue de la Gare', 'rue des Écoles', 'chemin du Moulin', 'rue du Château'];
const HOURS = ['Mo-Fr 09:00-12:00,14:00-17:30', 'Tu,Th 09:00-12:30; Sa 09:00-12:00', 'Mo,We,Fr 08:30-12:00,13:30-17:00'];

export function generatePlaces(count: number, territoryId: string, seed = 1): Place[] {
  const random = seededRandom(seed);
  const { minLon, maxLon, minLat, maxLat } = TERRITORY_BBOX;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const [insee, postcode, city] = pick(CITIES);
    const category = pick(CATEGORIES);
    const n = String(i).padStart(6, '0');
    return {
      id: `zz-bench-place-${n}`,
      territoryId,
      name: `Accueil ${i} de ${city}`,
      category,
      description: { fr: `Aide aux démarches, avec ou sans rendez-vous.` },
      address: `${1 + Math.floor(random() * 80)} ${pick(STREETS)}`,
      insee,
      postcode,
      city,
      lat: Math.round((minLat + random() * (maxLat - minLat)) * 1e6) / 1e6,
      lon: Math.round((minLon + random() * (maxLon - minLon)) * 1e6) / 1e6,
      phone: `05 49 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
      openingHours: pick(HOURS),
      reseauxPorteurs: ['communes'],
      thematiques: [],
      publics: ['tous-publics'],
      frais: ['gratuit'],
      modesAccueil: ['en-presentiel'],
      services: [],
      digital: { wifi: random() < 0.5, computer: random() < 0.5 },
      accessibility: { stepFree: random() < 0.7 },
      languages: ['fr'],
      itinerant: false,
      verifiedAt: '2026-10-01',
    } satisfies Place;
  });
}

export function generateVisit(territoryId: string, aidantId: string, i: number): VisitLog {
  return {
    id: randomUUID(), territoryId, aidantId, createdAt: new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + i * 1000).toISOString(), kind: 'individuel',
    participants: 1, durationMinutes: 20, themes: ['demarche-administrative'], procedures: ['caf'], autonomy: 'partiellement-autonome',
    referral: [], ageBand: '60-69', equipment: ['smartphone'], checklistRuns: [],
  } as VisitLog;
}
