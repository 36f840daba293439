// Hand-built records for the indicator tests: two months (October and November 2026),
// two communes (Civray 86078, Gençay 86103), and timestamps on the Paris date boundaries
// (the clocks go back on 25 October 2026).
import * as z from 'zod/mini';
import { coverageObservationSchema, type CoverageObservation } from '../../../src/shared/domain/coverageObservation';
import { sessionSchema, type ItinerantSession } from '../../../src/shared/domain/session';
import { territorySchema } from '../../../src/shared/domain/territory';
import { tourSchema, type Tour } from '../../../src/shared/domain/tour';
import { visitLogSchema, type VisitLog } from '../../../src/shared/domain/visitLog';
import territoryJson from '../../../src/territories/civraisien-en-poitou/territory.json';

export const territory = territorySchema.parse(territoryJson);
export const communes = territory.communes;
export const TERRITORY = territory.id;
export const PERIOD = { from: '2026-10-01', to: '2026-11-30' };
export const NOTE = 'Mme Dupont, 06 12 34 56 78, dossier APL en retard';
export const AIDANT = 'aidant-marie-42';

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const sessionId = (n: number) => uuid('5e551011', n);
const visitId = (n: number) => uuid('0f151700', n);

export const tours: Tour[] = z.array(tourSchema).parse([
  {
    id: 'tour-test', territoryId: TERRITORY, name: 'Tournée test', vehicle: 'minibus', services: [], isExample: true, verifiedAt: '',
    stops: [
      { id: 'stop-civray-marche', insee: '86078', meetingPoint: 'Place du marché', lat: 46.14, lon: 0.3, schedule: 'Tu 09:00-12:00' },
      { id: 'stop-gencay-place', insee: '86103', meetingPoint: 'Place du Champ de Foire', lat: 46.37, lon: 0.4, schedule: 'Tu 09:00-12:00' },
    ],
  },
]);

const session = (n: number, insee: string, date: string, stopId?: string) => ({
  id: sessionId(n), territoryId: TERRITORY, insee, vehicle: 'minibus', date, startedAt: `${date}T07:30:00Z`,
  endedAt: `${date}T11:30:00Z`, aidantIds: [AIDANT], aidantNames: ['Marie'], ...(stopId ? { stopId, tourId: 'tour-test' } : {}),
});

export const sessions: ItinerantSession[] = z.array(sessionSchema).parse([
  session(1, '86078', '2026-10-06', 'stop-civray-marche'),
  session(2, '86103', '2026-10-20', 'stop-gencay-place'),
  session(3, '86078', '2026-11-03', 'stop-civray-marche'),
  session(4, '86103', '2026-11-17'),
  session(5, '86078', '2026-12-01', 'stop-civray-marche'), // after the period
]);

type VisitFields = Partial<VisitLog> & Pick<VisitLog, 'createdAt'>;
let counter = 0;
export const visit = (fields: VisitFields): VisitLog =>
  visitLogSchema.parse({
    id: visitId(++counter), territoryId: TERRITORY, aidantId: AIDANT, kind: 'individuel', participants: 1,
    durationMinutes: 20, themes: ['courriels'], procedures: [], autonomy: 'autonome', referral: [], ageBand: '60-69',
    equipment: ['smartphone'], checklistRuns: [], notes: NOTE, ...fields,
  });

export const visits: VisitLog[] = [
  // v1: 00:30 on 1 October in Paris (CEST, UTC+2), still 30 September in UTC.
  visit({ createdAt: '2026-09-30T22:30:00Z', residenceInsee: '86078', firstVisit: true }),
  visit({ createdAt: '2026-10-06T08:00:00Z', sessionId: sessionId(1), durationMinutes: 30, themes: ['demarche-administrative', 'naviguer-sur-internet'], procedures: ['caf'], autonomy: 'entierement-accompagne', referral: ['caf'], ageBand: '70-et-plus', residenceInsee: '86078', firstVisit: true }),
  visit({ createdAt: '2026-10-06T09:00:00Z', sessionId: sessionId(1), kind: 'collectif', participants: 6, durationMinutes: 90, themes: ['prendre-en-main-materiel'], autonomy: 'partiellement-autonome', residenceInsee: '86078', firstVisit: false }),
  visit({ createdAt: '2026-10-06T10:00:00Z', sessionId: sessionId(1), durationMinutes: 15, themes: ['sante'], procedures: ['ameli'], referral: ['cpam'], ageBand: '40-59', residenceInsee: '86103' }),
  visit({ createdAt: '2026-10-20T08:30:00Z', sessionId: sessionId(2), durationMinutes: 25, themes: ['demarche-administrative'], procedures: ['impots'], autonomy: 'entierement-accompagne', referral: ['impots', 'france-services'], ageBand: '70-et-plus', residenceInsee: '86103', firstVisit: true }),
  visit({ createdAt: '2026-10-20T09:30:00Z', sessionId: sessionId(2), kind: 'collectif', participants: 2, durationMinutes: 40, themes: ['emploi', 'courriels'], procedures: ['france-travail'], autonomy: 'partiellement-autonome', referral: ['france-travail'], ageBand: '25-39', firstVisit: true }),
  // v7: 02:30 CEST on 25 October, half an hour before the clocks go back.
  visit({ createdAt: '2026-10-25T00:30:00Z', durationMinutes: 10, themes: ['autre'], ageBand: 'non-communique' }),
  // v8: 00:30 CET on 1 November, still 31 October in UTC.
  visit({ createdAt: '2026-10-31T23:30:00Z', themes: ['securite-numerique'], ageBand: '18-24', residenceInsee: '86103', firstVisit: false }),
  visit({ createdAt: '2026-11-03T08:00:00Z', sessionId: sessionId(3), durationMinutes: 35, themes: ['demarche-administrative'], procedures: ['ants', 'autre'], autonomy: 'entierement-accompagne', referral: ['mairie-ccas'], ageBand: '70-et-plus', residenceInsee: '86078', firstVisit: true }),
  visit({ createdAt: '2026-11-03T09:00:00Z', sessionId: sessionId(3), themes: ['banque-et-achats'], autonomy: 'partiellement-autonome', residenceInsee: '86078', firstVisit: false }),
  visit({ createdAt: '2026-11-17T09:00:00Z', sessionId: sessionId(4), kind: 'collectif', participants: 4, durationMinutes: 60, themes: ['parentalite', 'scolarite'], procedures: ['caf'], autonomy: 'partiellement-autonome', referral: ['caf'], ageBand: '25-39', residenceInsee: '86103', firstVisit: true }),
  // v12: 23:59 CET on 30 November, the last minute of the period.
  visit({ createdAt: '2026-11-30T22:59:00Z', durationMinutes: 5, ageBand: '40-59', residenceInsee: '86078', firstVisit: false }),
];

export const outside: VisitLog[] = [
  visit({ createdAt: '2026-11-30T23:30:00Z', residenceInsee: '86078' }), // 1 December in Paris
  visit({ createdAt: '2026-09-30T21:59:00Z', residenceInsee: '86078' }), // 23:59 on 30 September in Paris
  visit({ createdAt: '2026-10-15T10:00:00Z', territoryId: 'autre-territoire', residenceInsee: '86078' }),
];

let observation = 0;
const observe = (insee: string, observedAt: string, online: boolean, effectiveType?: CoverageObservation['effectiveType']) =>
  coverageObservationSchema.parse({
    id: uuid('c0fe0000', ++observation), territoryId: TERRITORY, insee, observedAt, online, ...(effectiveType ? { effectiveType } : {}),
  });

export const coverage: CoverageObservation[] = [
  observe('86078', '2026-10-06T08:00:00Z', true, '4g'),
  observe('86078', '2026-11-03T08:00:00Z', true, '3g'),
  observe('86078', '2026-11-03T10:00:00Z', false),
  observe('86103', '2026-10-20T08:00:00Z', false),
  observe('86103', '2026-11-17T08:00:00Z', false),
  observe('86211', '2026-11-10T08:00:00Z', true),
  observe('86211', '2026-12-02T08:00:00Z', false), // after the period
];
