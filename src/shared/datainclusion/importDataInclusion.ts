import type { Place } from '../domain/place';
import type { Commune } from '../domain/territory';
import { checkV1Record } from './checkV1Record';
import type { DiService, DiStructure } from './dataInclusionSchema';
import { escaleIdOf } from './keptRecord';
import { structureToPlace, type RecordIssue } from './structureToPlace';

// Import of a data·inclusion v1 file, as a preview: this function writes nothing. The
// caller shows the report and stores `records[].place` of the `ok` ones only once the
// person confirms (or, from the command line and the API, unless it is a dry run).
// Every record is checked against the pinned schema (checkV1Record.ts): each refusal and
// each warning names the record id, the field and the reason.

export interface ImportContext {
  territoryId: string;
  communes: readonly Commune[];
  /** Ids of the places already in the directory: their records are updates. */
  existingIds?: ReadonlySet<string>;
  /**
   * The places already in the directory, when the caller has them: an update then keeps
   * what data·inclusion cannot carry (category, English texts, digital access, the
   * accessibility details, languages, itinerant, staff-only notes). Implies existingIds.
   */
  existingPlaces?: readonly Place[];
  /** Paris date of the import, `YYYY-MM-DD` (injected: this code never reads the clock). */
  today: string;
}

export type ImportStatus = 'ok' | 'invalid' | 'outside-territory' | 'duplicate';

export type { RecordIssue } from './structureToPlace';

export interface ImportRecord {
  /** Position of the structure in the file, from 0. */
  index: number;
  /** The structure's data·inclusion id, as in the file. */
  sourceId: string;
  name: string;
  status: ImportStatus;
  place?: Place;
  action?: 'create' | 'update';
  /** Every refusal and warning of the structure and its services (on an `ok` record, warnings only). */
  issues: RecordIssue[];
  /** The same as French lines: `structure « id » · field : reason`. */
  problems: string[];
}

export interface ImportSummary {
  structures: number;
  services: number;
  ok: number;
  invalid: number;
  outsideTerritory: number;
  duplicate: number;
  create: number;
  update: number;
  /** Records imported with at least one warning. */
  warned: number;
  /** Problems of the file itself (wrong envelope, services pointing at no structure). */
  fileProblems: string[];
}

export interface ImportResult {
  records: ImportRecord[];
  summary: ImportSummary;
}

/** One French line per issue, naming the record, the field and the reason. */
export function issueText(issue: RecordIssue): string {
  const what = issue.kind === 'structure' ? 'structure' : 'service';
  return `${what} « ${issue.recordId} » · ${issue.field} : ${issue.reason}${issue.level === 'refus' ? ' (refusé)' : ''}.`;
}

const label = (value: unknown, key: string): string => {
  if (typeof value !== 'object' || value === null) return '';
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' || typeof field === 'number' ? String(field) : '';
};

/**
 * The structures and services of the file: `{ structures, services }`, a bare list of
 * structures, a page of the data·inclusion API (`{ items, total, page, size, pages }`,
 * items being structures or services), or a list of such pages.
 */
export function readEnvelope(json: unknown): { structures: unknown[]; services: unknown[] } | undefined {
  const pages = Array.isArray(json) && json.length > 0 && json.every((p) => isObject(p) && Array.isArray(p.items)) ? json : [json];
  const structures: unknown[] = [];
  const services: unknown[] = [];
  for (const page of pages) {
    if (Array.isArray(page)) structures.push(...page);
    else if (isObject(page) && Array.isArray(page.structures)) {
      structures.push(...page.structures);
      if (Array.isArray(page.services)) services.push(...page.services);
      else if (page.services !== undefined) return undefined;
    } else if (isObject(page) && Array.isArray(page.items)) {
      for (const item of page.items) (isObject(item) && 'structure_id' in item ? services : structures).push(item);
    } else return undefined;
  }
  return { structures, services };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface CheckedServices {
  of: Map<string, DiService[]>;
  issuesOf: Map<string, RecordIssue[]>;
  refused: Set<string>;
}

function checkServices(rawServices: readonly unknown[], fileProblems: string[]): CheckedServices {
  const out: CheckedServices = { of: new Map(), issuesOf: new Map(), refused: new Set() };
  rawServices.forEach((raw, i) => {
    const structureId = label(raw, 'structure_id');
    const recordId = label(raw, 'id') || `service n° ${i + 1}`;
    const checked = checkV1Record('service', raw);
    const issues = checked.issues.map((issue): RecordIssue => ({ ...issue, recordId, kind: 'service' }));
    if (!structureId) {
      fileProblems.push(`service « ${recordId} » : rattaché à aucune structure (structure_id absent), ignoré.`);
      return;
    }
    out.issuesOf.set(structureId, [...(out.issuesOf.get(structureId) ?? []), ...issues]);
    if (issues.some((issue) => issue.level === 'refus')) out.refused.add(structureId);
    else out.of.set(structureId, [...(out.of.get(structureId) ?? []), checked.record as DiService]);
  });
  return out;
}

export function importDataInclusion(json: unknown, ctx: ImportContext): ImportResult {
  const summary: ImportSummary = {
    structures: 0, services: 0, ok: 0, invalid: 0, outsideTerritory: 0, duplicate: 0, create: 0, update: 0, warned: 0, fileProblems: [],
  };
  const envelope = readEnvelope(json);
  if (!envelope) {
    summary.fileProblems.push(
      'Le fichier n\'est pas au format data·inclusion : il doit contenir { "structures": [...], "services": [...] }, une liste de structures ou une page de l\'API ({ "items": [...] }).',
    );
    return { records: [], summary };
  }
  summary.structures = envelope.structures.length;
  summary.services = envelope.services.length;
  const services = checkServices(envelope.services, summary.fileProblems);

  const communesByInsee = new Map(ctx.communes.map((c) => [c.insee, c]));
  const existingById = new Map((ctx.existingPlaces ?? []).map((p) => [p.id, p]));
  const seen = new Set<string>();
  const records = envelope.structures.map((raw, index): ImportRecord => {
    const sourceId = label(raw, 'id');
    const base = { index, sourceId, name: label(raw, 'nom') };
    const checked = checkV1Record('structure', raw);
    const own = checked.issues.map((issue): RecordIssue => ({ ...issue, recordId: sourceId || `structure n° ${index + 1}`, kind: 'structure' }));
    const ofServices = services.issuesOf.get(sourceId) ?? [];
    if (sourceId && seen.has(sourceId)) {
      return withText({ ...base, status: 'duplicate', issues: [{ recordId: sourceId, kind: 'structure', field: 'id', reason: 'figure déjà plus haut dans le fichier ; seule la première fiche est reprise', level: 'refus' }] });
    }
    seen.add(sourceId);
    if (own.some((i) => i.level === 'refus') || services.refused.has(sourceId)) {
      return withText({ ...base, status: 'invalid', issues: [...own, ...ofServices] });
    }
    const structure = checked.record as DiStructure;
    const existing = existingById.get(escaleIdOf(structure.id));
    const mapping = structureToPlace(structure, services.of.get(structure.id) ?? [], {
      territoryId: ctx.territoryId, communesByInsee, today: ctx.today, ...(existing ? { existing } : {}),
    });
    const issues = [...own, ...ofServices, ...mapping.issues];
    if (mapping.status !== 'ok') return withText({ ...base, status: mapping.status, issues });
    const isUpdate = existing !== undefined || (ctx.existingIds?.has(mapping.place.id) ?? false);
    return withText({ ...base, status: 'ok', place: mapping.place, action: isUpdate ? 'update' : 'create', issues });
  });

  for (const structureId of new Set([...services.of.keys(), ...services.refused])) {
    if (!seen.has(structureId)) {
      summary.fileProblems.push(`Des services sont rattachés à la structure « ${structureId} », absente du fichier : ils sont ignorés.`);
    }
  }
  for (const record of records) {
    if (record.status === 'ok') {
      summary.ok += 1;
      summary[record.action === 'update' ? 'update' : 'create'] += 1;
      if (record.issues.length) summary.warned += 1;
    } else if (record.status === 'outside-territory') summary.outsideTerritory += 1;
    else summary[record.status] += 1;
  }
  return { records, summary };
}

function withText(record: Omit<ImportRecord, 'problems'>): ImportRecord {
  return { ...record, problems: record.issues.map(issueText) };
}
