import type { ItinerantSession } from '../domain/session';
import type { Commune } from '../domain/territory';
import type { VisitLog } from '../domain/visitLog';
import { csvCell, csvLines } from './csvCell';
import { parisDateOfInstant } from './filterPeriod';

// CSV export of the visit logs for the steering committee, opened in Excel.
//
// Format: RFC 4180 quoting and CRLF line ends, `;` as separator (French Excel reads `;`
// and treats `,` as the decimal mark), UTF-8 with a byte-order mark (without it Excel
// reads UTF-8 as Windows-1252 and "Gençay" becomes "GenÃ§ay"). Multi-valued fields are
// one cell, values joined by ", ". Values are the vocabulary slugs, which are French and
// stable for pivot tables.
//
// Anonymous fields only. Left out on purpose:
// - `notes`: the only personal field of a visit (visitLog.ts), never exported;
// - `aidantId`: an account id, not data about the visitor, but it ties each visit to a
//   named colleague and to the tablet's records; the committee needs neither;
// - the visit and session ids (keys that join back to the stored records and their
//   notes) and the time of day (with the date, the commune and the age band it could
//   point at one person in a small village): the Paris date is enough;
// - checklist runs' `missingNote` (free text); only the checklist ids are kept.

export interface VisitsCsvOptions {
  communes: readonly Commune[];
  /** To give, for visits made during a session, the commune where the help happened. */
  sessions?: readonly ItinerantSession[];
  lang: 'fr' | 'en';
}

const HEADERS = {
  fr: [
    'Date', 'Mois', 'Type', 'Personnes', 'Durée (min)', 'Thèmes', 'Démarches', 'Autonomie', 'Orientation',
    "Tranche d'âge", 'Commune de résidence', 'Code INSEE résidence', 'Première visite', 'Équipement',
    'Commune de la permanence', 'Code INSEE permanence', 'Fiches démarches suivies',
  ],
  en: [
    'Date', 'Month', 'Kind', 'People', 'Duration (min)', 'Themes', 'Procedures', 'Autonomy', 'Referral',
    'Age band', 'Commune of residence', 'Residence INSEE code', 'First visit', 'Equipment',
    'Session commune', 'Session INSEE code', 'Checklists gone through',
  ],
} as const;

const YES_NO = { fr: ['oui', 'non'], en: ['yes', 'no'] } as const;

const BOM = '\uFEFF';

/** The visit logs as CSV text (with BOM), one row per visit, sorted by date. */
export function visitsToCsv(visits: readonly VisitLog[], options: VisitsCsvOptions): string {
  const communeName = new Map(options.communes.map((c) => [c.insee, c.name]));
  const sessionInsee = new Map((options.sessions ?? []).map((s) => [s.id, s.insee]));
  const [yes, no] = YES_NO[options.lang];
  const dated = visits
    .map((visit) => ({ visit, date: parisDateOfInstant(visit.createdAt) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.visit.createdAt.localeCompare(b.visit.createdAt));
  const rows = dated.map(({ visit: v, date }) => {
    const where = v.sessionId === undefined ? undefined : sessionInsee.get(v.sessionId);
    // Each field is named one by one: a field added to VisitLog later stays out of the
    // export until someone decides it is anonymous.
    return [
      date,
      date.slice(0, 7),
      v.kind,
      v.participants,
      v.durationMinutes,
      v.themes.join(', '),
      v.procedures.join(', '),
      v.autonomy,
      v.referral.join(', '),
      v.ageBand,
      v.residenceInsee === undefined ? undefined : (communeName.get(v.residenceInsee) ?? v.residenceInsee),
      v.residenceInsee,
      v.firstVisit === undefined ? undefined : v.firstVisit ? yes : no,
      v.equipment.join(', '),
      where === undefined ? undefined : (communeName.get(where) ?? where),
      where,
      v.checklistRuns.map((run) => run.checklistId).join(', '),
    ].map(csvCell);
  });
  return BOM + csvLines([HEADERS[options.lang].map(csvCell), ...rows]);
}
