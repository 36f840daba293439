import type { Place } from '../domain/place';
import { findUnstorableText } from '../text/findUnstorableText';
import { issueText, type ImportRecord, type ImportResult, type RecordIssue } from './importDataInclusion';

// What a checked data·inclusion import would change in the directory, and the report that
// says it, record by record. ONE code path for the office's transfer screen
// (src/app/staff/transfer/writeImport.ts), the HTTP endpoint and the command line
// (src/server/sync/import/importDataInclusionFile.ts): the same checks, the same words.
//
// A refused record (invalid, outside the territory, a duplicate, or a place deleted in
// Escale) changes nothing; the others are written together, all or none, by the caller.
// A record whose place is already exactly what the file says is `unchanged`: importing
// the same file twice changes nothing the second time.

/** A place of the directory as the caller holds it: the record and its version. */
export interface CurrentPlace {
  record: Place;
  version: number;
}

export type PlannedChange =
  | { op: 'create'; place: Place }
  | { op: 'edit'; id: string; baseVersion: number; patch: Record<string, unknown> };

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface ImportReportLine {
  /** Position of the structure in the file, from 0. */
  index: number;
  /** The structure's data·inclusion id, as in the file. */
  sourceId: string;
  name: string;
  outcome: ImportOutcome;
  /** The Escale id of the place (absent for a refused record). */
  placeId?: string;
  /** The place's fields an update changes. */
  changedFields: string[];
  /** Every refusal and warning of the structure and its services, each naming record id, field, reason. */
  issues: RecordIssue[];
}

export interface ImportPlan {
  changes: PlannedChange[];
  /** `changes[i]` is the change of `lines[changeLine[i]]`. */
  changeLine: number[];
  lines: ImportReportLine[];
  counts: Record<ImportOutcome, number>;
  /** Problems of the file itself (envelope, services pointing at no structure). */
  fileProblems: string[];
}

/**
 * Equal as JSON values, whatever the order of object keys: a record read back from the
 * server's jsonb has its keys in jsonb's order, not the order they were written in.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The changed top-level fields, for an edit (a removed optional field is `undefined`). */
export function diffPatch(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id') continue;
    if (!sameJson(before[key], after[key])) patch[key] = after[key];
  }
  return patch;
}

/** Why an id the directory cannot take is refused (see `planImport`'s `unavailable`). */
export const UNAVAILABLE_REASON = {
  deleted: 'ce lieu a été supprimé dans Escale : un import ne le recrée pas (restaurez-le, ou donnez-lui un autre id dans le fichier)',
  elsewhere: 'cet identifiant est celui d’un lieu d’un autre territoire : changez l’id dans le fichier',
} as const;

/**
 * The changes and the report of `result` against the directory's places `current`
 * (by Escale id). `unavailable`: ids that cannot be created (a place deleted in Escale,
 * one of another territory), with the reason; their records are refused.
 */
export function planImport(result: ImportResult, current: ReadonlyMap<string, CurrentPlace>, unavailable: ReadonlyMap<string, string> = new Map()): ImportPlan {
  const plan: ImportPlan = {
    changes: [], changeLine: [], lines: [], counts: { created: 0, updated: 0, unchanged: 0, refused: 0 }, fileProblems: [...result.summary.fileProblems],
  };
  for (const record of result.records) {
    const line = lineOf(record, current, unavailable);
    if (line.change) {
      plan.changes.push(line.change);
      plan.changeLine.push(plan.lines.length);
    }
    plan.lines.push(line.line);
    plan.counts[line.line.outcome] += 1;
  }
  return plan;
}

function lineOf(record: ImportRecord, current: ReadonlyMap<string, CurrentPlace>, unavailable: ReadonlyMap<string, string>): { line: ImportReportLine; change?: PlannedChange } {
  const base = { index: record.index, sourceId: record.sourceId, name: record.name, changedFields: [] as string[], issues: record.issues };
  const place = record.status === 'ok' ? record.place : undefined;
  if (!place) return { line: { ...base, outcome: 'refused' } };
  const unstorable = findUnstorableText(place);
  if (unstorable !== undefined) {
    // PostgreSQL refuses NUL and lone surrogates: the server would refuse the write.
    const issue: RecordIssue = { recordId: record.sourceId, kind: 'structure', field: unstorable || '(fiche)', reason: 'caractère nul ou non représentable', level: 'refus' };
    return { line: { ...base, outcome: 'refused', placeId: place.id, issues: [...record.issues, issue] } };
  }
  const taken = current.has(place.id) ? undefined : unavailable.get(place.id);
  if (taken !== undefined) {
    const issue: RecordIssue = { recordId: record.sourceId, kind: 'structure', field: 'id', reason: taken, level: 'refus' };
    return { line: { ...base, outcome: 'refused', placeId: place.id, issues: [...record.issues, issue] } };
  }
  const row = current.get(place.id);
  if (!row) return { line: { ...base, outcome: 'created', placeId: place.id }, change: { op: 'create', place } };
  const patch = diffPatch(row.record as unknown as Record<string, unknown>, place as unknown as Record<string, unknown>);
  const changedFields = Object.keys(patch);
  if (changedFields.length === 0) return { line: { ...base, outcome: 'unchanged', placeId: place.id } };
  return {
    line: { ...base, outcome: 'updated', placeId: place.id, changedFields },
    change: { op: 'edit', id: place.id, baseVersion: row.version, patch },
  };
}

const OUTCOME_WORD: Record<ImportOutcome, string> = {
  created: 'créé', updated: 'mis à jour', unchanged: 'inchangé', refused: 'refusé',
};
const OUTCOME_WOULD: Record<ImportOutcome, string> = {
  created: 'serait créé', updated: 'serait mis à jour', unchanged: 'inchangé', refused: 'refusé',
};

/**
 * The report as French text lines, one per record then one per issue (record id, field,
 * reason), then the counts: what the command line prints, and what a dry run shows.
 */
export function reportLines(plan: ImportPlan, options: { dryRun: boolean }): string[] {
  const words = options.dryRun ? OUTCOME_WOULD : OUTCOME_WORD;
  const out: string[] = [...plan.fileProblems.map((p) => `fichier : ${p}`)];
  for (const line of plan.lines) {
    const target = line.placeId && line.placeId !== line.sourceId ? ` (lieu ${line.placeId})` : '';
    const fields = line.outcome === 'updated' ? ` — champs : ${line.changedFields.join(', ')}` : '';
    out.push(`${words[line.outcome]} : structure « ${line.sourceId || `n° ${line.index + 1}`} »${target} ${line.name ? `« ${line.name} »` : ''}${fields}`.trimEnd());
    for (const issue of line.issues) out.push(`    ${issue.level === 'refus' ? '✗' : '⚠ avertissement :'} ${issueText(issue)}`);
  }
  const c = plan.counts;
  out.push(`${options.dryRun ? 'Essai à blanc, rien n’est écrit' : 'Import'} : ${c.created} créé(s), ${c.updated} mis à jour, ${c.unchanged} inchangé(s), ${c.refused} refusé(s).`);
  out.push(`${options.dryRun ? 'Dry run, nothing written' : 'Import'}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.refused} refused.`);
  return out;
}
