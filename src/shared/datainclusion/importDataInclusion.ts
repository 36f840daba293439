import { describeIssues, type SchemaIssue } from '../domain/formatIssues';
import type { Place } from '../domain/place';
import type { Commune } from '../domain/territory';
import { diFileSchema, diServiceSchema, diStructureSchema, withoutBlanks, type DiService } from './dataInclusionSchema';
import { structureToPlace } from './structureToPlace';

// Import of a data·inclusion v1 file, as a preview: this function writes nothing. The
// caller shows the report and stores `records[].place` of the `ok` ones only once the
// person confirms; cancelling means simply dropping the result.

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

export interface ImportRecord {
  /** Position of the structure in the file, from 0. */
  index: number;
  sourceId: string;
  name: string;
  status: ImportStatus;
  place?: Place;
  action?: 'create' | 'update';
  /** French sentences; on an `ok` record they are warnings (e.g. an unknown slug dropped). */
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
  /** Problems of the file itself (wrong envelope, services pointing at no structure). */
  fileProblems: string[];
}

export interface ImportResult {
  records: ImportRecord[];
  summary: ImportSummary;
}

const label = (value: unknown, key: string): string => {
  if (typeof value !== 'object' || value === null) return '';
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' || typeof field === 'number' ? String(field) : '';
};

export function importDataInclusion(json: unknown, ctx: ImportContext): ImportResult {
  const summary: ImportSummary = {
    structures: 0, services: 0, ok: 0, invalid: 0, outsideTerritory: 0, duplicate: 0, create: 0, update: 0, fileProblems: [],
  };
  const envelope = diFileSchema.safeParse(json);
  if (!envelope.success) {
    summary.fileProblems.push(
      'Le fichier n\'est pas au format data·inclusion : il doit contenir { "structures": [...], "services": [...] } ou une liste de structures.',
    );
    return { records: [], summary };
  }
  const rawStructures = Array.isArray(envelope.data) ? envelope.data : envelope.data.structures;
  const rawServices = Array.isArray(envelope.data) ? [] : (envelope.data.services ?? []);
  summary.structures = rawStructures.length;
  summary.services = rawServices.length;

  // Services first, grouped by structure; a broken service spoils its structure only.
  const servicesOf = new Map<string, DiService[]>();
  const brokenServicesOf = new Map<string, string[]>();
  rawServices.forEach((raw, i) => {
    const structureId = label(raw, 'structure_id');
    const parsed = diServiceSchema.safeParse(withoutBlanks(raw));
    if (parsed.success) {
      const list = servicesOf.get(parsed.data.structure_id) ?? [];
      list.push(parsed.data);
      servicesOf.set(parsed.data.structure_id, list);
    } else {
      const line = `service n° ${i + 1}${label(raw, 'id') ? ` (id ${label(raw, 'id')})` : ''} : ${describeIssues(parsed.error.issues as readonly SchemaIssue[])}`;
      if (structureId) brokenServicesOf.set(structureId, [...(brokenServicesOf.get(structureId) ?? []), line]);
      else summary.fileProblems.push(`${line} (service rattaché à aucune structure, ignoré).`);
    }
  });

  const communesByInsee = new Map(ctx.communes.map((c) => [c.insee, c]));
  const existingById = new Map((ctx.existingPlaces ?? []).map((p) => [p.id, p]));
  const seen = new Set<string>();
  const records = rawStructures.map((raw, index): ImportRecord => {
    const sourceId = label(raw, 'id');
    const name = label(raw, 'nom');
    const base = { index, sourceId, name };
    const parsed = diStructureSchema.safeParse(withoutBlanks(raw));
    if (!parsed.success) {
      return { ...base, status: 'invalid', problems: [describeIssues(parsed.error.issues as readonly SchemaIssue[], 'fr', 8)] };
    }
    const structure = parsed.data;
    if (seen.has(structure.id)) {
      return { ...base, status: 'duplicate', problems: [`id : « ${structure.id} » figure déjà plus haut dans le fichier ; seule la première fiche est reprise.`] };
    }
    seen.add(structure.id);
    const broken = brokenServicesOf.get(structure.id);
    if (broken) return { ...base, status: 'invalid', problems: broken };

    const existing = existingById.get(structure.id);
    const mapping = structureToPlace(structure, servicesOf.get(structure.id) ?? [], {
      territoryId: ctx.territoryId,
      communesByInsee,
      today: ctx.today,
      ...(existing ? { existing } : {}),
    });
    if (mapping.status !== 'ok') return { ...base, status: mapping.status, problems: mapping.problems };
    const isUpdate = existing !== undefined || (ctx.existingIds?.has(structure.id) ?? false);
    return { ...base, status: 'ok', place: mapping.place, action: isUpdate ? 'update' : 'create', problems: mapping.problems };
  });

  const structureIds = new Set(records.map((r) => r.sourceId));
  for (const structureId of servicesOf.keys()) {
    if (!structureIds.has(structureId)) {
      summary.fileProblems.push(`Des services sont rattachés à la structure « ${structureId} », absente du fichier : ils sont ignorés.`);
    }
  }
  for (const record of records) {
    if (record.status === 'ok') {
      summary.ok += 1;
      summary[record.action === 'update' ? 'update' : 'create'] += 1;
    } else if (record.status === 'outside-territory') summary.outsideTerritory += 1;
    else summary[record.status] += 1;
  }
  return { records, summary };
}
