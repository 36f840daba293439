import { describe, expect, it } from 'vitest';
import type { Commune } from '../../../src/shared/domain/territory';
import { csvCell } from '../../../src/shared/indicators/csvCell';
import { visitsToCsv } from '../../../src/shared/indicators/visitsToCsv';
import { AIDANT, NOTE, communes, sessions, visit, visits } from './fixtures';

/** Minimal RFC 4180 reader with `;`, to check the text parses back to the right cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('visitsToCsv', () => {
  const csv = visitsToCsv(visits, { communes, sessions, lang: 'fr' });
  const rows = parseCsv(csv.slice(1));

  it('starts with a BOM, uses CRLF, and has French headers', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(rows[0]).toEqual([
      'Date', 'Mois', 'Type', 'Personnes', 'Durée (min)', 'Thèmes', 'Démarches', 'Autonomie', 'Orientation',
      "Tranche d'âge", 'Commune de résidence', 'Code INSEE résidence', 'Première visite', 'Équipement',
      'Commune de la permanence', 'Code INSEE permanence', 'Fiches démarches suivies',
    ]);
    expect(rows).toHaveLength(visits.length + 1);
    expect(rows.every((r) => r.length === 17)).toBe(true);
  });

  it('writes one row per visit with Paris dates and readable values', () => {
    expect(rows[1]).toEqual([
      '2026-10-01', '2026-10', 'individuel', '1', '20', 'courriels', '', 'autonome', '', '60-69', 'Civray', '86078', 'oui',
      'smartphone', '', '', '',
    ]);
    expect(rows[2]).toEqual([
      '2026-10-06', '2026-10', 'individuel', '1', '30', 'demarche-administrative, naviguer-sur-internet', 'caf',
      'entierement-accompagne', 'caf', '70-et-plus', 'Civray', '86078', 'oui', 'smartphone', 'Civray', '86078', '',
    ]);
    // The visit of 23:30 UTC on 31 October is a November visit.
    expect(rows[8]!.slice(0, 2)).toEqual(['2026-11-01', '2026-11']);
  });

  it('never contains the follow-up notes, the aidant or any record id', () => {
    const withChecklist = visit({
      createdAt: '2026-11-04T09:00:00Z',
      checklistRuns: [{ checklistId: 'checklist-apl', documentsChecked: [], stepsDone: [], missingNote: 'Avis d\'imposition 2025' }],
    });
    const text = visitsToCsv([...visits, withChecklist], { communes, sessions, lang: 'fr' });
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('Dupont');
    expect(text).not.toContain(AIDANT);
    expect(text).not.toContain('imposition');
    for (const v of visits) expect(text).not.toContain(v.id);
    for (const s of sessions) expect(text).not.toContain(s.id);
    expect(text).toContain('checklist-apl');
  });

  it('escapes quotes, semicolons and line breaks, and defuses formulas', () => {
    const odd: Commune[] = communes.map((c) =>
      c.insee === '86078' ? { ...c, name: 'Civray "centre"; ville\nbasse' } : c.insee === '86103' ? { ...c, name: '=HYPERLINK("http://x")' } : c,
    );
    const text = visitsToCsv(visits, { communes: odd, sessions, lang: 'fr' });
    expect(text).toContain('"Civray ""centre""; ville\nbasse"');
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"');
    const back = parseCsv(text.slice(1));
    expect(back[1]![10]).toBe('Civray "centre"; ville\nbasse');
    expect(back[4]![10]).toBe('\'=HYPERLINK("http://x")');
    expect(back.every((r) => r.length === 17)).toBe(true);
  });

  it('has English headers on request', () => {
    expect(parseCsv(visitsToCsv([], { communes, lang: 'en' }).slice(1))).toEqual([[
      'Date', 'Month', 'Kind', 'People', 'Duration (min)', 'Themes', 'Procedures', 'Autonomy', 'Referral', 'Age band',
      'Commune of residence', 'Residence INSEE code', 'First visit', 'Equipment', 'Session commune', 'Session INSEE code',
      'Checklists gone through',
    ]]);
  });
});

describe('csvCell', () => {
  it('quotes only when needed and prefixes formula starts', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvCell('ligne\r\nsuivante')).toBe('"ligne\r\nsuivante"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1+1`).startsWith(`'${start}`) || csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell('12-17')).toBe('12-17');
  });
});
