import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitLog } from '../../../src/shared/domain/visitLog';
import { visitLogSchema } from '../../../src/shared/domain/visitLog';
import {
  AGE_BANDS, AUTONOMY_LEVELS, EQUIPMENT, REFERRAL_PARTNERS, VISIT_KINDS, VISIT_PROCEDURES, VISIT_THEMES,
} from '../../../src/shared/domain/vocabularies';
import { computeIndicators } from '../../../src/shared/indicators/computeIndicators';
import { TERRITORY, communes, sessions } from './fixtures';

const residences = [undefined, ...communes.slice(0, 4).map((c) => c.insee)];
const sessionIds = [undefined, ...sessions.map((s) => s.id), '00000000-0000-4000-8000-00000000dead'];

const visitArb: fc.Arbitrary<VisitLog> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    // Around the period, so that some fall outside and some on the DST boundaries.
    createdAt: fc.date({ min: new Date('2026-09-25T00:00:00Z'), max: new Date('2026-12-05T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    kind: fc.constantFrom(...VISIT_KINDS),
    participants: fc.integer({ min: 1, max: 200 }),
    durationMinutes: fc.integer({ min: 1, max: 480 }),
    themes: fc.subarray([...VISIT_THEMES], { minLength: 1 }),
    procedures: fc.subarray([...VISIT_PROCEDURES]),
    autonomy: fc.constantFrom(...AUTONOMY_LEVELS),
    referral: fc.subarray([...REFERRAL_PARTNERS]),
    ageBand: fc.constantFrom(...AGE_BANDS),
    residenceInsee: fc.constantFrom(...residences),
    sessionId: fc.constantFrom(...sessionIds),
    firstVisit: fc.constantFrom(undefined, true, false),
    equipment: fc.subarray([...EQUIPMENT]),
  })
  .map((fields) => {
    const { residenceInsee, sessionId, firstVisit, ...rest } = fields;
    return visitLogSchema.parse({
      ...rest, territoryId: TERRITORY, aidantId: 'aidant-1', checklistRuns: [],
      ...(residenceInsee ? { residenceInsee } : {}), ...(sessionId ? { sessionId } : {}), ...(firstVisit !== undefined ? { firstVisit } : {}),
    });
  });

const sum = (rows: readonly { visits: number; people: number }[]) =>
  rows.reduce((acc, r) => ({ visits: acc.visits + r.visits, people: acc.people + r.people }), { visits: 0, people: 0 });

describe('indicator sums (property)', () => {
  it('tables of single-valued fields add up to the totals; multi-valued ones to the mentions', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 60 }), (visits) => {
        const result = computeIndicators({ visits, sessions, coverage: [], communes, from: '2026-10-01', to: '2026-11-30' });
        const totals = { visits: result.totals.visits, people: result.totals.peopleHelped };
        for (const table of [result.byMonth, result.byCommune, result.bySessionCommune, result.byAgeBand, result.byAutonomy, result.byKind]) {
          expect(sum(table)).toEqual(totals);
        }
        // A visit is counted once under each theme: the theme table adds up to the mentions,
        // and no theme exceeds the totals.
        const inPeriod = visits.filter((v) => {
          const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(v.createdAt));
          return paris >= '2026-10-01' && paris <= '2026-11-30';
        });
        expect(inPeriod.length).toBe(result.totals.visits);
        expect(sum(result.byTheme).visits).toBe(inPeriod.reduce((n, v) => n + v.themes.length, 0));
        for (const row of [...result.byTheme, ...result.byReferral, ...result.byProcedure]) {
          expect(row.visits).toBeLessThanOrEqual(totals.visits);
          expect(row.people).toBeLessThanOrEqual(totals.people);
        }
        // Every visit appears at least once in the referral and procedure tables ("none").
        expect(sum(result.byReferral).visits).toBeGreaterThanOrEqual(totals.visits);
        expect(sum(result.byProcedure).visits).toBeGreaterThanOrEqual(totals.visits);
        // Sessions: visits attached to a session of the period, per session and per stop.
        expect(sum(result.perStop)).toEqual(sum(result.perSession));
        expect(result.perStop.reduce((n, s) => n + s.sessions, 0)).toBe(result.totals.sessions);
      }),
      { numRuns: 100 },
    );
  });
});
