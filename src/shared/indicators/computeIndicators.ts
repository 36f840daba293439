import type { CoverageObservation } from '../domain/coverageObservation';
import type { ItinerantSession } from '../domain/session';
import type { Commune } from '../domain/territory';
import type { Tour } from '../domain/tour';
import type { VisitLog } from '../domain/visitLog';
import { AGE_BANDS, AUTONOMY_LEVELS, REFERRAL_PARTNERS, VISIT_KINDS, VISIT_PROCEDURES, VISIT_THEMES } from '../domain/vocabularies';
import { coverageByCommune, type CommuneCoverage } from './coverageByCommune';
import { checkPeriod, filterPeriod, inPeriod, parisDateOfInstant, type Period } from './filterPeriod';
import { monthsOfPeriod } from './monthsOfPeriod';
import { tally, type Count } from './tally';

// The figures of the staff dashboard and of the CAF/MSA steering committee, computed from
// plain records: no storage, no clock. Conventions, so that each table reads alone:
// - a "visit" is a visit log; "people" is the sum of its participants (a collective
//   workshop of 8 is one visit and 8 people);
// - a multi-theme (or multi-procedure, multi-referral) visit counts once under each of
//   its values, so those tables add up to more than the total, by design; the tables by
//   month, commune, age band, autonomy and kind add up exactly to the totals;
// - `firstVisits` counts the logs marked first visit (not people);
// - every date is a Paris calendar date (filterPeriod.ts).

export type Bucket<K extends string, F extends string> = Record<F, K> & Count;

export interface IndicatorsInput extends Period {
  visits: readonly VisitLog[];
  sessions: readonly ItinerantSession[];
  coverage: readonly CoverageObservation[];
  /** The territory's communes, to name the INSEE codes. */
  communes: readonly Commune[];
  /** The tours, to name the stops by their meeting point. */
  tours?: readonly Tour[];
  /** When given, records of other territories are left out. */
  territoryId?: string;
  /** The names of the rows that are no commune, in the interface's words (the staff
   *  catalogue); without them those rows are named by their key (`unknown`, `none`). */
  names?: IndicatorNames;
}

export interface IndicatorNames {
  /** byCommune's `unknown`: the residence was not said. */
  unknownResidence: string;
  /** bySessionCommune's `none`: help given outside any session. */
  noSession: string;
  /** bySessionCommune's `unknown`: a session not among the input's. */
  unknownSession: string;
}

export interface CommuneRow extends Count {
  /** INSEE code, or `unknown` (not said), or `none` (help given outside any session). */
  insee: string;
  name: string;
}

export interface SessionRow extends Count {
  sessionId: string;
  date: string;
  insee: string;
  name: string;
  stopId?: string;
  minutes: number;
}

export interface StopRow {
  /** The stop id, or `insee:<code>` for sessions opened without a stop. */
  key: string;
  stopId?: string;
  insee: string;
  name: string;
  meetingPoint?: string;
  sessions: number;
  visits: number;
  people: number;
  /** People helped per session, rounded to one decimal. */
  average: number;
}

export interface Indicators {
  period: Period;
  totals: { visits: number; peopleHelped: number; firstVisits: number; sessions: number; minutes: number };
  byMonth: Array<{ month: string } & Count>;
  /** Commune of residence; every commune of the territory, zeros included. */
  byCommune: CommuneRow[];
  /** Where the help happened: the session's commune. */
  bySessionCommune: CommuneRow[];
  byTheme: Array<Bucket<(typeof VISIT_THEMES)[number], 'theme'>>;
  byAgeBand: Array<Bucket<(typeof AGE_BANDS)[number], 'ageBand'>>;
  byReferral: Array<Bucket<(typeof REFERRAL_PARTNERS)[number] | 'none', 'referral'>>;
  byProcedure: Array<Bucket<(typeof VISIT_PROCEDURES)[number] | 'none', 'procedure'>>;
  byAutonomy: Array<Bucket<(typeof AUTONOMY_LEVELS)[number], 'autonomy'>>;
  byKind: Array<Bucket<(typeof VISIT_KINDS)[number], 'kind'>>;
  perSession: SessionRow[];
  perStop: StopRow[];
  coverage: CommuneCoverage[];
}

const UNKNOWN = 'unknown';
const NONE = 'none';

function rows<K extends string, F extends string>(field: F, counts: Map<K, Count>): Array<Bucket<K, F>> {
  return [...counts].map(([key, count]) => ({ [field]: key, ...count }) as Bucket<K, F>);
}

const byVisitsThenName = (a: CommuneRow, b: CommuneRow) => b.visits - a.visits || a.name.localeCompare(b.name, 'fr');

export function computeIndicators(input: IndicatorsInput): Indicators {
  const period: Period = { from: input.from, to: input.to };
  checkPeriod(period);
  const ofTerritory = <T extends { territoryId: string }>(records: readonly T[]) =>
    input.territoryId === undefined ? records : records.filter((r) => r.territoryId === input.territoryId);

  const visits = filterPeriod(ofTerritory(input.visits), period);
  const sessions = ofTerritory(input.sessions)
    .filter((s) => inPeriod(s.date, period))
    .sort((a, b) => a.date.localeCompare(b.date) || a.startedAt.localeCompare(b.startedAt));
  const coverage = ofTerritory(input.coverage).filter((o) => inPeriod(parisDateOfInstant(o.observedAt), period));
  const communeName = new Map(input.communes.map((c) => [c.insee, c.name]));
  const nameOf = (insee: string) => communeName.get(insee) ?? insee;
  const names = input.names;
  // Sessions by id over all input sessions: a visit of the period may belong to a session
  // the caller did not filter the same way; its place is still known.
  const sessionById = new Map(ofTerritory(input.sessions).map((s) => [s.id, s]));

  const months = tally(visits, monthsOfPeriod(period), (v) => [parisDateOfInstant(v.createdAt).slice(0, 7)]);

  const residence = tally(visits, input.communes.map((c) => c.insee), (v) => [v.residenceInsee ?? UNKNOWN]);
  const byCommune = [...residence]
    .filter(([insee, count]) => insee !== UNKNOWN || count.visits > 0)
    .map(([insee, count]) => ({ insee, name: insee === UNKNOWN ? names?.unknownResidence ?? UNKNOWN : nameOf(insee), ...count }))
    .sort(byVisitsThenName);

  const where = tally(visits, [], (v) => {
    if (v.sessionId === undefined) return [NONE];
    return [sessionById.get(v.sessionId)?.insee ?? UNKNOWN];
  });
  const placeName = (insee: string) => (insee === NONE ? names?.noSession ?? NONE : insee === UNKNOWN ? names?.unknownSession ?? UNKNOWN : nameOf(insee));
  const bySessionCommune = [...where].map(([insee, count]) => ({ insee, name: placeName(insee), ...count })).sort(byVisitsThenName);

  const visitsOfSession = new Map<string, VisitLog[]>();
  for (const v of visits) {
    if (v.sessionId === undefined) continue;
    visitsOfSession.set(v.sessionId, [...(visitsOfSession.get(v.sessionId) ?? []), v]);
  }
  const perSession: SessionRow[] = sessions.map((s) => {
    const own = visitsOfSession.get(s.id) ?? [];
    return {
      sessionId: s.id,
      date: s.date,
      insee: s.insee,
      name: nameOf(s.insee),
      ...(s.stopId !== undefined ? { stopId: s.stopId } : {}),
      visits: own.length,
      people: own.reduce((sum, v) => sum + v.participants, 0),
      minutes: own.reduce((sum, v) => sum + v.durationMinutes, 0),
    };
  });

  const stopById = new Map((input.tours ?? []).flatMap((t) => t.stops.map((stop) => [stop.id, stop] as const)));
  const stops = new Map<string, StopRow>();
  for (const row of perSession) {
    const key = row.stopId ?? `insee:${row.insee}`;
    const meetingPoint = row.stopId === undefined ? undefined : stopById.get(row.stopId)?.meetingPoint;
    const stop = stops.get(key) ?? {
      key,
      ...(row.stopId !== undefined ? { stopId: row.stopId } : {}),
      insee: row.insee,
      name: row.name,
      ...(meetingPoint !== undefined ? { meetingPoint } : {}),
      sessions: 0, visits: 0, people: 0, average: 0,
    };
    stop.sessions += 1;
    stop.visits += row.visits;
    stop.people += row.people;
    stops.set(key, stop);
  }
  const perStop = [...stops.values()]
    .map((s) => ({ ...s, average: Math.round((s.people / s.sessions) * 10) / 10 }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name, 'fr') || a.key.localeCompare(b.key));

  return {
    period,
    totals: {
      visits: visits.length,
      peopleHelped: visits.reduce((sum, v) => sum + v.participants, 0),
      firstVisits: visits.filter((v) => v.firstVisit === true).length,
      sessions: sessions.length,
      minutes: visits.reduce((sum, v) => sum + v.durationMinutes, 0),
    },
    byMonth: [...months].map(([month, count]) => ({ month, ...count })),
    byCommune,
    bySessionCommune,
    byTheme: rows('theme', tally(visits, VISIT_THEMES, (v) => v.themes)),
    byAgeBand: rows('ageBand', tally(visits, AGE_BANDS, (v) => [v.ageBand])),
    byReferral: rows('referral', tally(visits, [...REFERRAL_PARTNERS, NONE] as const, (v) => (v.referral.length ? v.referral : [NONE]))),
    byProcedure: rows('procedure', tally(visits, [...VISIT_PROCEDURES, NONE] as const, (v) => (v.procedures.length ? v.procedures : [NONE]))),
    byAutonomy: rows('autonomy', tally(visits, AUTONOMY_LEVELS, (v) => [v.autonomy])),
    byKind: rows('kind', tally(visits, VISIT_KINDS, (v) => [v.kind])),
    perSession,
    perStop,
    coverage: coverageByCommune(coverage, input.communes),
  };
}
