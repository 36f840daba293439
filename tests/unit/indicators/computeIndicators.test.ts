import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src/shared/indicators/computeIndicators';
import { filterPeriod, parisDateOfInstant } from '../../../src/shared/indicators/filterPeriod';
import { monthsOfPeriod } from '../../../src/shared/indicators/monthsOfPeriod';
import { PERIOD, TERRITORY, communes, coverage, outside, sessionId, sessions, tours, visits } from './fixtures';

// The rows that are no commune are named by the interface (the staff catalogue's French here).
const ROW_NAMES = { unknownResidence: 'Non renseignée', noSession: 'Hors tournée', unknownSession: 'Session inconnue' };
const indicators = computeIndicators({ visits: [...visits, ...outside], sessions, coverage, communes, tours, territoryId: TERRITORY, names: ROW_NAMES, ...PERIOD });
const nonZero = <T extends { visits: number }>(rows: readonly T[]) => rows.filter((r) => r.visits > 0);

describe('filterPeriod', () => {
  it('compares Paris calendar dates, across both daylight-saving changes', () => {
    expect(parisDateOfInstant('2026-10-31T23:30:00Z')).toBe('2026-11-01'); // CET, UTC+1
    expect(parisDateOfInstant('2026-10-31T22:59:00Z')).toBe('2026-10-31');
    expect(parisDateOfInstant('2026-09-30T22:30:00Z')).toBe('2026-10-01'); // CEST, UTC+2
    expect(parisDateOfInstant('2026-10-25T00:30:00Z')).toBe('2026-10-25'); // 02:30 CEST, before the change
    expect(parisDateOfInstant('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 00:30 CET, the spring-forward day
    expect(parisDateOfInstant('2026-11-01T00:30:00+01:00')).toBe('2026-11-01');
  });

  it('keeps both ends of the period and nothing outside', () => {
    expect(filterPeriod([...visits, ...outside.slice(0, 2)], PERIOD)).toEqual(visits);
    expect(filterPeriod(visits, { from: '2026-11-01', to: '2026-11-01' }).map((v) => v.createdAt)).toEqual(['2026-10-31T23:30:00Z']);
  });

  it('throws on a reversed or malformed period', () => {
    expect(() => filterPeriod(visits, { from: '2026-11-30', to: '2026-10-01' })).toThrow(RangeError);
    expect(() => filterPeriod(visits, { from: '2026-02-30', to: '2026-03-01' })).toThrow(RangeError);
  });
});

describe('monthsOfPeriod', () => {
  it('lists every month touched, across a new year', () => {
    expect(monthsOfPeriod({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOfPeriod({ from: '2026-10-01', to: '2026-10-31' })).toEqual(['2026-10']);
  });
});

describe('computeIndicators', () => {
  it('totals', () => {
    expect(indicators.totals).toEqual({ visits: 12, peopleHelped: 21, firstVisits: 6, sessions: 4, minutes: 370 });
    expect(indicators.period).toEqual(PERIOD);
  });

  it('by month, with the DST-boundary visits in their Paris month and empty months kept', () => {
    expect(indicators.byMonth).toEqual([
      { month: '2026-10', visits: 7, people: 13 },
      { month: '2026-11', visits: 5, people: 8 },
    ]);
    const wide = computeIndicators({ visits, sessions, coverage, communes, from: '2026-09-01', to: '2026-12-31' });
    expect(wide.byMonth.map((m) => [m.month, m.visits])).toEqual([['2026-09', 0], ['2026-10', 7], ['2026-11', 5], ['2026-12', 0]]);
  });

  it('by commune of residence: every commune of the territory, plus the unknown', () => {
    expect(indicators.byCommune.slice(0, 3)).toEqual([
      { insee: '86078', name: 'Civray', visits: 6, people: 11 },
      { insee: '86103', name: 'Gençay', visits: 4, people: 7 },
      { insee: 'unknown', name: 'Non renseignée', visits: 2, people: 3 },
    ]);
    expect(indicators.byCommune).toHaveLength(communes.length + 1);
    expect(indicators.byCommune.slice(3).every((r) => r.visits === 0 && r.people === 0)).toBe(true);
    const names = indicators.byCommune.slice(3).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('names the rows that are no commune with the words it is given, else by their key', () => {
    const bare = computeIndicators({ visits: [...visits, ...outside], sessions, coverage, communes, tours, territoryId: TERRITORY, ...PERIOD });
    expect(bare.byCommune.find((r) => r.insee === 'unknown')?.name).toBe('unknown');
    expect(bare.bySessionCommune.find((r) => r.insee === 'none')?.name).toBe('none');
    const english = computeIndicators({
      visits: [...visits, ...outside], sessions, coverage, communes, tours, territoryId: TERRITORY, ...PERIOD,
      names: { unknownResidence: 'Not given', noSession: 'Outside the tours', unknownSession: 'Unknown session' },
    });
    expect(english.byCommune.find((r) => r.insee === 'unknown')?.name).toBe('Not given');
    expect(english.bySessionCommune.find((r) => r.insee === 'none')?.name).toBe('Outside the tours');
  });

  it('by commune where the help happened', () => {
    expect(indicators.bySessionCommune).toEqual([
      { insee: '86078', name: 'Civray', visits: 5, people: 10 },
      { insee: 'none', name: 'Hors tournée', visits: 4, people: 4 },
      { insee: '86103', name: 'Gençay', visits: 3, people: 7 },
    ]);
  });

  it('by theme: each visit under each of its themes', () => {
    expect(nonZero(indicators.byTheme)).toEqual([
      { theme: 'prendre-en-main-materiel', visits: 1, people: 6 },
      { theme: 'naviguer-sur-internet', visits: 1, people: 1 },
      { theme: 'courriels', visits: 3, people: 4 },
      { theme: 'sante', visits: 1, people: 1 },
      { theme: 'banque-et-achats', visits: 1, people: 1 },
      { theme: 'emploi', visits: 1, people: 2 },
      { theme: 'scolarite', visits: 1, people: 4 },
      { theme: 'parentalite', visits: 1, people: 4 },
      { theme: 'demarche-administrative', visits: 3, people: 3 },
      { theme: 'securite-numerique', visits: 1, people: 1 },
      { theme: 'autre', visits: 1, people: 1 },
    ]);
    expect(indicators.byTheme).toHaveLength(17); // zeros included
  });

  it('by age band, autonomy and kind', () => {
    expect(indicators.byAgeBand).toEqual([
      { ageBand: 'moins-de-12', visits: 0, people: 0 },
      { ageBand: '12-17', visits: 0, people: 0 },
      { ageBand: '18-24', visits: 1, people: 1 },
      { ageBand: '25-39', visits: 2, people: 6 },
      { ageBand: '40-59', visits: 2, people: 2 },
      { ageBand: '60-69', visits: 3, people: 8 },
      { ageBand: '70-et-plus', visits: 3, people: 3 },
      { ageBand: 'non-communique', visits: 1, people: 1 },
    ]);
    expect(indicators.byAutonomy).toEqual([
      { autonomy: 'entierement-accompagne', visits: 3, people: 3 },
      { autonomy: 'partiellement-autonome', visits: 4, people: 13 },
      { autonomy: 'autonome', visits: 5, people: 5 },
    ]);
    expect(indicators.byKind).toEqual([
      { kind: 'individuel', visits: 9, people: 9 },
      { kind: 'collectif', visits: 3, people: 12 },
    ]);
  });

  it('by referral and procedure, with "none" for visits without one', () => {
    expect(nonZero(indicators.byReferral)).toEqual([
      { referral: 'france-services', visits: 1, people: 1 },
      { referral: 'caf', visits: 2, people: 5 },
      { referral: 'cpam', visits: 1, people: 1 },
      { referral: 'france-travail', visits: 1, people: 2 },
      { referral: 'mairie-ccas', visits: 1, people: 1 },
      { referral: 'impots', visits: 1, people: 1 },
      { referral: 'none', visits: 6, people: 11 },
    ]);
    expect(nonZero(indicators.byProcedure)).toEqual([
      { procedure: 'caf', visits: 2, people: 5 },
      { procedure: 'ameli', visits: 1, people: 1 },
      { procedure: 'france-travail', visits: 1, people: 2 },
      { procedure: 'impots', visits: 1, people: 1 },
      { procedure: 'ants', visits: 1, people: 1 },
      { procedure: 'autre', visits: 1, people: 1 },
      { procedure: 'none', visits: 6, people: 11 },
    ]);
  });

  it('per session, in date order, the December session left out', () => {
    expect(indicators.perSession).toEqual([
      { sessionId: sessionId(1), date: '2026-10-06', insee: '86078', name: 'Civray', stopId: 'stop-civray-marche', visits: 3, people: 8, minutes: 135 },
      { sessionId: sessionId(2), date: '2026-10-20', insee: '86103', name: 'Gençay', stopId: 'stop-gencay-place', visits: 2, people: 3, minutes: 65 },
      { sessionId: sessionId(3), date: '2026-11-03', insee: '86078', name: 'Civray', stopId: 'stop-civray-marche', visits: 2, people: 2, minutes: 55 },
      { sessionId: sessionId(4), date: '2026-11-17', insee: '86103', name: 'Gençay', visits: 1, people: 4, minutes: 60 },
    ]);
  });

  it('per stop, named by the tour, sessions without a stop grouped by commune', () => {
    expect(indicators.perStop).toEqual([
      { key: 'stop-civray-marche', stopId: 'stop-civray-marche', insee: '86078', name: 'Civray', meetingPoint: 'Place du marché', sessions: 2, visits: 5, people: 10, average: 5 },
      { key: 'insee:86103', insee: '86103', name: 'Gençay', sessions: 1, visits: 1, people: 4, average: 4 },
      { key: 'stop-gencay-place', stopId: 'stop-gencay-place', insee: '86103', name: 'Gençay', meetingPoint: 'Place du Champ de Foire', sessions: 1, visits: 2, people: 3, average: 3 },
    ]);
  });

  it('coverage per commune for the white-zone map', () => {
    expect(indicators.coverage).toEqual([
      { insee: '86078', name: 'Civray', observations: 3, online: 2, offline: 1, shareOnline: 2 / 3, bestEffectiveType: '4g', whiteZone: false },
      { insee: '86103', name: 'Gençay', observations: 2, online: 0, offline: 2, shareOnline: 0, whiteZone: true },
      { insee: '86211', name: 'Romagne', observations: 1, online: 1, offline: 0, shareOnline: 1, whiteZone: false },
    ]);
  });

  it('leaves other territories out only when asked', () => {
    const all = computeIndicators({ visits: [...visits, ...outside], sessions, coverage, communes, ...PERIOD });
    expect(all.totals.visits).toBe(13);
  });

  it('is all zeros, not an error, on an empty period', () => {
    const empty = computeIndicators({ visits: [], sessions: [], coverage: [], communes, from: '2026-10-01', to: '2026-10-31' });
    expect(empty.totals).toEqual({ visits: 0, peopleHelped: 0, firstVisits: 0, sessions: 0, minutes: 0 });
    expect(empty.byMonth).toEqual([{ month: '2026-10', visits: 0, people: 0 }]);
    expect(empty.perStop).toEqual([]);
    expect(empty.coverage).toEqual([]);
  });
});
