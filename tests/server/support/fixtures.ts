import { randomUUID } from 'node:crypto';
import type { Checklist } from '../../../src/shared/domain/checklist';
import type { MobilityOffer } from '../../../src/shared/domain/mobilityOffer';
import type { Place } from '../../../src/shared/domain/place';
import type { TerritorySeed } from '../../../src/shared/domain/territorySeed';
import type { Tour } from '../../../src/shared/domain/tour';
import type { VisitLog } from '../../../src/shared/domain/visitLog';
import type { ItinerantSession } from '../../../src/shared/domain/session';
import type { CoverageObservation } from '../../../src/shared/domain/coverageObservation';
import type { Correction } from '../../../src/shared/domain/correction';

// Small valid records for server tests. Every builder takes overrides.

export const TEST_TERRITORY = 'test-territoire';
export const OTHER_TERRITORY = 'autre-territoire';

export function makePlace(territoryId: string, id: string, overrides: Partial<Place> = {}): Place {
  return {
    id, territoryId, name: `Lieu ${id}`, category: 'mairie', insee: '86070', postcode: '86400', city: 'Civray',
    lat: 46.15, lon: 0.29, reseauxPorteurs: ['communes'], thematiques: [], publics: ['tous-publics'], frais: ['gratuit'],
    modesAccueil: ['en-presentiel'], services: [], digital: {}, accessibility: {}, languages: ['fr'], itinerant: false,
    verifiedAt: '', internal: { notes: `note interne ${id}`, directPhone: '05 49 00 00 00' },
    ...overrides,
  };
}

export function makeTour(territoryId: string, id: string): Tour {
  return {
    id, territoryId, name: `Tournée ${id}`, vehicle: 'minibus', services: ['aide-numerique'], isExample: true, verifiedAt: '',
    stops: [{ id: `${id}-s1`, insee: '86070', meetingPoint: 'Place de la mairie', lat: 46.15, lon: 0.29, schedule: 'Tu 09:30-12:00' }],
  };
}

export function makeMobility(territoryId: string, id: string): MobilityOffer {
  return {
    id, territoryId, name: `Transport ${id}`, kind: 'transport-solidaire', description: { fr: 'Un transport.' },
    communesServed: 'all', booking: { phone: '05 49 00 00 01' }, verifiedAt: '',
  };
}

export function makeChecklist(territoryId: string, id: string): Checklist {
  return {
    id, territoryId, title: { fr: 'Demander le RSA' }, need: 'papers', forWhom: { fr: 'Pour tous.' },
    documents: [{ id: 'd1', label: { fr: 'Pièce d’identité' } }], steps: [{ id: 's1', label: { fr: 'Créer un compte' } }],
    whereToGo: { placeCategories: ['france-services'], placeIds: [] }, links: [], reviewedAt: '',
  };
}

/** A tiny but schema-valid territory seed: 1 territory, 3 places, 1 tour, 1 mobility offer, 1 checklist. */
export function makeSeed(territoryId = TEST_TERRITORY): TerritorySeed {
  return {
    territory: {
      id: territoryId, name: `Territoire ${territoryId}`, epciCode: '200069987', timeZone: 'Europe/Paris', region: 'Nouvelle-Aquitaine',
      poles: [{ name: 'Civray', insee: '86070' }],
      communes: [{ insee: '86070', name: 'Civray', postcodes: ['86400'], population: 2600, lat: 46.15, lon: 0.29 }],
      bbox: [0.1, 46.0, 0.6, 46.4], schoolHolidays: [], outlines: { type: 'FeatureCollection', features: [] },
    },
    places: [1, 2, 3].map((n) => makePlace(territoryId, `${territoryId}-place-${n}`)),
    tours: [makeTour(territoryId, `${territoryId}-tour-1`)],
    mobility: [makeMobility(territoryId, `${territoryId}-mob-1`)],
    checklists: [makeChecklist(territoryId, `${territoryId}-check-1`)],
  };
}

export function makeVisit(territoryId: string, aidantId: string, overrides: Partial<VisitLog> = {}): VisitLog {
  return {
    id: randomUUID(), territoryId, aidantId, createdAt: '2026-11-20T10:00:00.000Z', kind: 'individuel', participants: 1,
    durationMinutes: 20, themes: ['demarche-administrative'], procedures: ['caf'], autonomy: 'partiellement-autonome',
    referral: [], ageBand: '60-69', equipment: ['smartphone'], checklistRuns: [],
    ...overrides,
  };
}

export function makeSession(territoryId: string, aidantId: string): ItinerantSession {
  return {
    id: randomUUID(), territoryId, insee: '86070', vehicle: 'minibus', date: '2026-11-20',
    startedAt: '2026-11-20T09:00:00.000Z', aidantIds: [aidantId], aidantNames: ['Aidant'],
  };
}

export function makeCoverage(territoryId: string): CoverageObservation {
  return { id: randomUUID(), territoryId, insee: '86070', observedAt: '2026-11-20T09:05:00.000Z', online: false };
}

export function makeCorrection(territoryId: string, proposedBy: string, recordId: string): Correction {
  return {
    id: randomUUID(), territoryId, collection: 'place', recordId, message: 'Le téléphone a changé.', proposedBy,
    createdAt: '2026-11-20T09:10:00.000Z', status: 'pending',
  };
}
