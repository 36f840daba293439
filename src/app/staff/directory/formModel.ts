import type { Commune } from '../../../shared/domain/territory';
import type { Stop, Tour } from '../../../shared/domain/tour';
import { MOBILITY_KINDS, NEEDS, PLACE_CATEGORIES, VEHICLES } from '../../../shared/domain/vocabularies';
import { COLLECTION_SCHEMAS, type EditableCollection, type RecordOf } from '../../../shared/sync/collections';
import type { StaffKey, StaffParams } from '../i18n/staffMessages';
import { FIELDS, OPTIONAL_GROUPS, type FieldDef } from './formFields';

// The forms of the directory as plain data: how a record becomes form values (strings,
// booleans, lists of slugs, lists of items) and back. Every field of every schema has a
// form field (formFields.ts), so record → form → record is the identity; fields a form
// does not know (a newer app's) are kept from the record being edited. A record is built
// whole from the form and parsed with the shared schema before anything is written
// (`validateForm`), so a bad field never reaches the outbox.

export { FIELDS, type FieldDef } from './formFields';

export type FormValue = string | boolean | string[] | FormValues[];
export interface FormValues { [key: string]: FormValue }

export interface StopValues {
  id: string;
  insee: string;
  meetingPoint: string;
  lat: string;
  lon: string;
  schedule: string;
}

type Obj = Record<string, unknown>;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const text = (v: FormValue | undefined) => (typeof v === 'string' ? v.trim() : '');
const num = (v: FormValue | undefined) => (text(v) !== '' ? Number(text(v).replace(',', '.')) : undefined);

function getAt(o: unknown, path: string): unknown {
  let cur = o;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Obj)[part] : undefined;
  return cur;
}

/** Sets a path (parents created); undefined removes the key (JSON has none, schemas are exact). */
function setAt(o: Obj, path: string, value: unknown) {
  const parts = path.split('.');
  let cur = o;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    cur = cur[part] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Obj) } : {};
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Form value keys of a localized field: `description.fr`, `description.en`. */
export const frKey = (key: string) => `${key}.fr`;
export const enKey = (key: string) => `${key}.en`;

function fieldsToForm(defs: readonly FieldDef[], record: unknown): FormValues {
  const out: FormValues = {};
  for (const def of defs) {
    const value = getAt(record, def.key);
    switch (def.kind) {
      case 'localized': {
        const l = value as { fr?: string; en?: string } | undefined;
        out[frKey(def.key)] = str(l?.fr);
        out[enKey(def.key)] = str(l?.en);
        break;
      }
      case 'checkbox': out[def.key] = value === true; break;
      case 'tristate': out[def.key] = value === true ? 'yes' : value === false ? 'no' : ''; break;
      case 'checkboxes': case 'languages': case 'places': out[def.key] = Array.isArray(value) ? value.map(String) : []; break;
      case 'communes': out[def.key] = value === 'all' ? 'all' : Array.isArray(value) ? value.map(String) : []; break;
      case 'list':
        out[def.key] = (Array.isArray(value) ? value : []).map((item, i) => ({
          ...fieldsToForm(def.item ?? [], item),
          ...(def.itemId ? { id: str((item as Obj).id) } : {}),
          _key: str((item as Obj).id) || `k${i}`,
        }));
        break;
      default: out[def.key] = str(value);
    }
  }
  return out;
}

/** True when nothing was typed in an item (such a row is dropped, not refused). */
function blankItem(defs: readonly FieldDef[], v: FormValues): boolean {
  return defs.every((d) => (d.kind === 'localized' ? !text(v[frKey(d.key)]) && !text(v[enKey(d.key)])
    : Array.isArray(v[d.key]) ? (v[d.key] as unknown[]).length === 0 : typeof v[d.key] === 'boolean' ? v[d.key] === false : !text(v[d.key])));
}

function fieldsFromForm(defs: readonly FieldDef[], v: FormValues, into: Obj): Obj {
  for (const def of defs) {
    const raw = v[def.key];
    let value: unknown;
    switch (def.kind) {
      case 'localized': {
        const fr = text(v[frKey(def.key)]);
        const en = text(v[enKey(def.key)]);
        value = fr || en || def.required ? { fr, ...(en ? { en } : {}) } : undefined;
        break;
      }
      case 'checkbox': value = raw === true; break;
      case 'tristate': value = raw === 'yes' ? true : raw === 'no' ? false : undefined; break;
      case 'number': value = num(raw); break;
      case 'checkboxes': case 'languages': case 'places': value = Array.isArray(raw) ? [...(raw as string[])] : []; break;
      case 'communes': value = raw === 'all' ? 'all' : Array.isArray(raw) ? [...(raw as string[])] : []; break;
      case 'list':
        value = (Array.isArray(raw) ? (raw as FormValues[]) : []).filter((item) => !blankItem(def.item ?? [], item))
          .map((item) => fieldsFromForm(def.item ?? [], item, def.itemId ? { id: text(item.id) } : {}));
        break;
      case 'date': value = text(raw); break;
      default: value = text(raw) || (def.required ? '' : undefined);
    }
    setAt(into, def.key, value);
  }
  return into;
}

export function toForm(collection: EditableCollection, record: RecordOf<EditableCollection> | undefined): FormValues {
  const values = fieldsToForm(FIELDS[collection], record);
  if (!record) {
    Object.assign(values, { category: 'france-services', kind: MOBILITY_KINDS[0], need: NEEDS[0], vehicle: VEHICLES[0] });
    if (collection === 'place') values.languages = ['fr'];
    if (!PLACE_CATEGORIES.includes(values.category as never)) values.category = PLACE_CATEGORIES[0];
  }
  return values;
}

export function stopsToForm(tour: Tour | undefined): StopValues[] {
  return (tour?.stops ?? []).map((s) => ({ id: s.id, insee: s.insee, meetingPoint: s.meetingPoint, lat: str(s.lat), lon: str(s.lon), schedule: s.schedule }));
}

export interface FormContext {
  id: string;
  territoryId: string;
  communes: readonly Commune[];
  stops?: StopValues[];
}

/**
 * The record the form describes (not yet parsed: see validateForm). `base` is the record
 * being edited; what the form does not show is kept.
 */
export function fromForm(collection: EditableCollection, v: FormValues, base: RecordOf<EditableCollection> | undefined, ctx: FormContext): Obj {
  const out: Obj = JSON.parse(JSON.stringify(base ?? {})) as Obj;
  fieldsFromForm(FIELDS[collection], v, out);
  for (const group of OPTIONAL_GROUPS[collection]) {
    const g = out[group] as Obj | undefined;
    if (g && Object.keys(g).length === 0) delete out[group];
  }
  out.id = ctx.id;
  out.territoryId = ctx.territoryId;
  if (collection === 'tour') {
    out.stops = (ctx.stops ?? []).map((s): Stop => {
      const stop: Obj = { id: s.id, insee: s.insee, meetingPoint: s.meetingPoint.trim(), lat: num(s.lat), lon: num(s.lon), schedule: s.schedule.trim() };
      for (const k of Object.keys(stop)) if (stop[k] === undefined) delete stop[k];
      return stop as unknown as Stop;
    });
  }
  return out;
}

/** The field definition at a path, following lists (`documents.0.label` → the item's `label`). */
function locate(defs: readonly FieldDef[], path: readonly string[]): { key: string; def?: FieldDef } {
  const sorted = [...defs].sort((a, b) => b.key.length - a.key.length);
  for (const def of sorted) {
    const parts = def.key.split('.');
    if (!parts.every((p, i) => path[i] === p)) continue;
    const rest = path.slice(parts.length);
    if (def.kind === 'list' && rest.length >= 2) {
      const inner = locate(def.item ?? [], rest.slice(1));
      return { key: `${def.key}.${rest[0]}.${inner.key}`, ...(inner.def ? { def: inner.def } : {}) };
    }
    return { key: def.key, def };
  }
  return { key: path[0] === 'stops' ? path.slice(0, 3).join('.') : (path[0] ?? '') };
}

/** Schema issue path → the form field it belongs to (`stops.2.schedule`, `documents.1.label`). */
export function fieldOfPath(collection: EditableCollection, path: readonly PropertyKey[]): string {
  return locate(FIELDS[collection], path.map(String)).key;
}

export interface Issue { code: string; path: readonly PropertyKey[]; minimum?: unknown; expected?: unknown }

/** A plain French (or English) sentence for one issue, by what the field holds. */
function messageFor(def: FieldDef | undefined, issue: Issue, last: string, absent: boolean): StaffKey {
  const missing = (issue.code === 'too_small' && issue.minimum === 1) || (issue.code === 'invalid_type' && absent);
  if (def?.kind === 'number') return missing ? 'form.required' : 'form.badNumber';
  if (missing) return def?.kind === 'list' ? 'form.listEmpty' : 'form.required';
  if (issue.code === 'too_big') return 'form.tooLong';
  if (def?.type === 'url') return 'form.badUrl';
  if (def?.type === 'tel') return 'form.badPhone';
  if (def?.type === 'email') return 'form.badEmail';
  if (def?.kind === 'date') return 'form.badDate';
  if (def?.kind === 'languages' || last === 'languages') return 'form.badLanguage';
  if (issue.code === 'invalid_value') return 'form.badChoice';
  return 'form.badValue';
}

export type Validation =
  | { ok: true; record: RecordOf<EditableCollection> }
  | { ok: false; errors: Record<string, string> };

/**
 * Builds the record and parses it with the shared schema: either the record to write, or
 * one message per form field (the first issue of each). Nothing here writes.
 */
export function validateForm(
  collection: EditableCollection, v: FormValues, base: RecordOf<EditableCollection> | undefined, ctx: FormContext,
  t: (key: StaffKey, params?: StaffParams) => string,
): Validation {
  const candidate = fromForm(collection, v, base, ctx);
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data as RecordOf<EditableCollection> };
  const errors: Record<string, string> = {};
  for (const e of explainIssues(collection, candidate, parsed.error.issues, t)) errors[e.key] ??= e.message;
  return { ok: false, errors };
}

export interface ExplainedIssue {
  /** The form field (`digital.wifi`, `documents.1.label`, `stops.2.schedule`). */
  key: string;
  /** The field's label, when the form has one. */
  label: StaffKey | undefined;
  message: string;
}

/**
 * Schema issues of a candidate record as plain sentences, one per form field (the first
 * issue of each), in the forms' words: the form and the conflicts screen say the same.
 */
export function explainIssues(
  collection: EditableCollection, candidate: unknown, issues: readonly Issue[], t: (key: StaffKey, params?: StaffParams) => string,
): ExplainedIssue[] {
  const out = new Map<string, ExplainedIssue>();
  for (const issue of issues) {
    const path = issue.path.map(String);
    const { key, def } = locate(FIELDS[collection], path);
    if (out.has(key)) continue;
    out.set(key, { key, label: def?.label, message: t(messageFor(def, issue, path[0] ?? '', getAt(candidate, path.join('.')) === undefined)) });
  }
  return [...out.values()];
}

/** The changed top-level fields, for editRecord (shared with the data·inclusion import). */
export { diffPatch } from '../../../shared/datainclusion/planImport';

/** A readable, valid id for a new record: `maison-france-services-civray-4f2a`. */
export function newId(name: string, random: () => number = Math.random): string {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const suffix = Math.floor(random() * 0xffff).toString(16).padStart(4, '0');
  return `${slug || 'fiche'}-${suffix}`;
}

/** The name of any directory record, for lists and messages. */
export function recordName(record: unknown): string {
  const r = record as { name?: string; title?: { fr: string }; id?: string } | undefined;
  return r?.name ?? r?.title?.fr ?? r?.id ?? '';
}

/** The values of a new, empty item of a list field (with a fresh id when items have ids). */
export function newItem(def: FieldDef, random: () => number = Math.random): FormValues {
  const key = Math.floor(random() * 0xffffff).toString(36);
  return { ...fieldsToForm(def.item ?? [], undefined), ...(def.itemId ? { id: `${def.itemId}-${key}` } : {}), _key: `new-${key}` };
}
