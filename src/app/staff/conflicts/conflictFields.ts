import type { PublicVocab as VocabSection } from '../../i18n/i18n';
import type { ConflictRow } from '../../services/staffServices';
import { COLLECTION_SCHEMAS, EDITABLE_COLLECTIONS, type EditableCollection, type RecordOf } from '../../../shared/sync/collections';
import { FIELDS, OPTIONAL_GROUPS, type FieldDef } from '../directory/formFields';
import type { StaffKey, StaffParams } from '../i18n/staffMessages';

// A conflict as fields, for the side-by-side view: what this device wanted (the patch of
// the refused edit) against the server's current record. Pure: labels come in through
// `Labels`, nothing here reads the replica or writes.
//
// Granularity: a patch carries whole top-level fields, but an object field whose parts the
// form edits one by one (`digital.wifi`, `accessibility.url`, `internal.notes`,
// `booking.phone`, `whereToGo.placeIds`, `location.lat`) is split into those parts, so
// "my wifi, their printer" can be chosen. Lists (thematiques, papers, steps, links,
// services, stops) are chosen whole: their items have no identity a person can match.

export interface ConflictField {
  /** Path in the record: `phone`, or `digital.wifi` for a part of an object field. */
  field: string;
  /** The top-level field this one belongs to (what the new edit's patch carries). */
  top: string;
  mine: unknown;
  theirs: unknown;
  same: boolean;
}

export interface ConflictView {
  mutationId: number;
  collection: EditableCollection | undefined;
  recordId: string;
  action: 'update' | 'delete' | 'create' | 'other';
  /** The server's record now; undefined when it was deleted there. */
  theirs: Record<string, unknown> | undefined;
  serverVersion: number | undefined;
  fields: ConflictField[];
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

/**
 * Equality as people read a record: objects by value whatever their key order, an absent
 * key equal to a missing one (`null` is how the wire says "removed"), lists of words
 * (slugs, languages, place ids) as sets — their order means nothing — and lists of items
 * (papers, steps, stops) in order.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (absent(a) || absent(b)) return absent(a) && absent(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    if (a.every((x) => typeof x === 'string') && b.every((x) => typeof x === 'string')) {
      const [x, y] = [[...(a as string[])].sort(), [...(b as string[])].sort()];
      return x.every((v, i) => v === y[i]);
    }
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

/** The form's definitions of the parts of an object field (`digital` → wifi, computer…). */
function partsOf(collection: EditableCollection | undefined, top: string): FieldDef[] {
  return collection ? FIELDS[collection].filter((d) => d.key.startsWith(`${top}.`)) : [];
}

function rowsOf(collection: EditableCollection | undefined, top: string, mine: unknown, theirs: unknown): ConflictField[] {
  const parts = partsOf(collection, top);
  const whole = { field: top, top, mine, theirs, same: sameValue(mine, theirs) };
  // Split only a real object (or an object on one side and nothing on the other).
  if (parts.length === 0 || whole.same || !(isObject(mine) || absent(mine)) || !(isObject(theirs) || absent(theirs))) return [whole];
  const m = isObject(mine) ? mine : {};
  const t = isObject(theirs) ? theirs : {};
  const keys = [...new Set([...parts.map((d) => d.key.slice(top.length + 1)), ...Object.keys(m), ...Object.keys(t)])];
  return keys
    .filter((k) => !sameValue(m[k], t[k]))
    .map((k) => ({ field: `${top}.${k}`, top, mine: m[k] ?? undefined, theirs: t[k], same: false }));
}

export function conflictView(row: ConflictRow): ConflictView {
  const [entity, rest] = row.name.split('.');
  const action = (rest?.split('@')[0] ?? 'other') as ConflictView['action'];
  const collection = (EDITABLE_COLLECTIONS as readonly string[]).includes(row.collection ?? entity ?? '')
    ? ((row.collection ?? entity) as EditableCollection) : undefined;
  const args = (row.args ?? {}) as { id?: string; patch?: Obj; record?: Obj };
  const theirs = isObject(row.current?.record) ? row.current.record : undefined;
  const mine = args.patch ?? args.record ?? {};
  const fields = Object.keys(mine)
    .filter((f) => f !== 'id')
    .flatMap((field) => rowsOf(collection, field, mine[field] ?? undefined, theirs?.[field]));
  return {
    mutationId: row.mutationId, collection, recordId: args.id ?? row.recordId ?? '',
    action: ['update', 'delete', 'create'].includes(action) ? action : 'other',
    theirs, serverVersion: row.current?.version, fields,
  };
}

// ——— Showing a value in plain words ———

/** A value as people read it; the screen turns it into text, lists and label/value pairs. */
export type Shown =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: Shown[] }
  | { kind: 'fields'; title?: string; entries: Array<{ label: string; value: Shown }> };

/** Where the words come from (the screen passes the i18n catalogues and the replica's names). */
export interface Labels {
  t: (key: StaffKey, params?: StaffParams) => string;
  /** A vocabulary slug's label (thematiques, publics, categories…), the slug when unknown. */
  vocab: (section: VocabSection, slug: string) => string;
  /** `fr` → "Français (fr)". */
  language: (code: string) => string;
  /** INSEE code → "Civray (86078)". */
  commune: (insee: string) => string;
  /** Place id → its name. */
  place: (id: string) => string;
  /** Whether the staff catalogue has this key (modes d'accueil have no vocabulary section). */
  has: (key: string) => boolean;
}

const EMPTY: Shown = { kind: 'empty' };
const text = (s: string): Shown => ({ kind: 'text', text: s });

function optionLabel(def: FieldDef, slug: string, l: Labels): string {
  if (def.kind === 'languages') return l.language(slug);
  if (def.kind === 'places') return l.place(slug);
  if (def.kind === 'communes') return l.commune(slug);
  if (def.vocab) return l.vocab(def.vocab, slug);
  return l.has(`mode.${slug}`) ? l.t(`mode.${slug}` as StaffKey) : slug;
}

function localized(value: unknown, l: Labels): Shown {
  if (!isObject(value)) return show(undefined, value, l);
  const fr = typeof value.fr === 'string' ? value.fr : '';
  const en = typeof value.en === 'string' ? value.en : '';
  if (!en) return fr ? text(fr) : EMPTY;
  return { kind: 'fields', entries: [{ label: l.t('conflicts.inFrench'), value: fr ? text(fr) : EMPTY }, { label: l.t('conflicts.inEnglish'), value: text(en) }] };
}

function items(defs: readonly FieldDef[], value: unknown, l: Labels, title: (n: number) => string): Shown {
  if (!Array.isArray(value)) return show(undefined, value, l);
  if (value.length === 0) return text(l.t('conflicts.emptyList'));
  return {
    kind: 'list',
    items: value.map((item, i): Shown => ({
      kind: 'fields', title: title(i + 1),
      entries: isObject(item) ? entriesOf(defs, item, l) : [{ label: '', value: show(undefined, item, l) }],
    })),
  };
}

/** The label/value pairs of an object: the form's fields first, unknown keys (a newer app's) after. */
function entriesOf(defs: readonly FieldDef[], o: Obj, l: Labels, prefix = ''): Array<{ label: string; value: Shown }> {
  const known = defs.map((d) => ({ key: d.key.slice(prefix.length), def: d as FieldDef | undefined }));
  const extra = Object.keys(o).filter((k) => k !== 'id' && !known.some((d) => d.key === k)).map((key) => ({ key, def: undefined }));
  return [...known, ...extra]
    // An optional yes/no stays visible ("Non renseigné"); other empty parts are left out.
    .filter(({ key, def }) => !absent(o[key]) || def?.kind === 'tristate')
    .map(({ key, def }) => ({ label: def ? l.t(def.label) : key, value: show(def, o[key], l) }));
}

const STOP_PARTS: Array<{ key: string; label: StaffKey }> = [
  { key: 'meetingPoint', label: 'f.meetingPoint' }, { key: 'insee', label: 'f.commune' }, { key: 'schedule', label: 'f.schedule' },
  { key: 'lat', label: 'f.lat' }, { key: 'lon', label: 'f.lon' },
];

function stops(value: unknown, l: Labels): Shown {
  if (!Array.isArray(value)) return show(undefined, value, l);
  if (value.length === 0) return text(l.t('conflicts.emptyList'));
  return {
    kind: 'list',
    items: value.map((s, i): Shown => ({
      kind: 'fields', title: l.t('stop.title', { n: i + 1 }),
      entries: isObject(s) ? STOP_PARTS.filter((p) => !absent(s[p.key])).map((p) => ({
        label: l.t(p.label), value: text(p.key === 'insee' ? l.commune(String(s[p.key])) : String(s[p.key])),
      })) : [],
    })),
  };
}

/**
 * A value in plain words, by what its form field is: yes / no / not known for booleans,
 * vocabulary labels for slugs, lists as lists, objects as label/value pairs, French and
 * English texts side by side. Never JSON.
 */
export function show(def: FieldDef | undefined, value: unknown, l: Labels): Shown {
  switch (def?.kind) {
    case 'tristate': return text(l.t(value === true ? 'tri.yes' : value === false ? 'tri.no' : 'tri.unknown'));
    case 'checkbox': return text(l.t(value === true ? 'tri.yes' : 'tri.no'));
    case 'localized': return absent(value) ? EMPTY : localized(value, l);
    case 'date': return value === '' ? text(l.t('conflicts.toConfirm')) : absent(value) ? EMPTY : text(String(value));
    case 'select': return absent(value) ? EMPTY : text(optionLabel(def, String(value), l));
    case 'commune': return absent(value) ? EMPTY : text(l.commune(String(value)));
    case 'communes': case 'checkboxes': case 'languages': case 'places':
      if (value === 'all' && def.kind === 'communes') return text(l.t('communes.all'));
      if (!Array.isArray(value)) return absent(value) ? EMPTY : text(String(value));
      return value.length === 0 ? text(l.t('conflicts.emptyList')) : { kind: 'list', items: value.map((v) => text(optionLabel(def, String(v), l))) };
    case 'list': return absent(value) ? EMPTY : items(def.item ?? [], value, l, (n) => (def.itemLabel ? l.t(def.itemLabel, { n }) : String(n)));
    default: break;
  }
  if (absent(value) || value === '') return EMPTY;
  if (typeof value === 'boolean') return text(l.t(value ? 'tri.yes' : 'tri.no'));
  if (typeof value === 'string' || typeof value === 'number') return text(String(value));
  if (Array.isArray(value)) {
    return value.length === 0 ? text(l.t('conflicts.emptyList')) : { kind: 'list', items: value.map((v) => show(undefined, v, l)) };
  }
  if (isObject(value) && typeof value.fr === 'string' && Object.keys(value).every((k) => k === 'fr' || k === 'en')) return localized(value, l);
  if (isObject(value)) return { kind: 'fields', entries: entriesOf([], value, l) };
  return text(String(value));
}

/** A row's value in plain words (the field's form definition, the tour's stops, or by shape). */
export function showField(collection: EditableCollection | undefined, field: string, value: unknown, l: Labels): Shown {
  if (collection === 'tour' && field === 'stops') return stops(value, l);
  const def = collection ? FIELDS[collection].find((d) => d.key === field) : undefined;
  if (def) return show(def, value, l);
  const parts = partsOf(collection, field);
  if (parts.length > 0 && isObject(value)) return { kind: 'fields', entries: entriesOf(parts, value, l, `${field}.`) };
  if (parts.length > 0 && absent(value)) return EMPTY;
  return show(undefined, value, l);
}

/**
 * A row's label in the form's words: "Téléphone"; a part of an object field with the
 * object's section first ("Accès au numérique — Wifi public"); the key when the form has none.
 */
export function fieldLabel(collection: EditableCollection | undefined, field: string, t: Labels['t']): string {
  if (!collection) return field;
  if (collection === 'tour' && field === 'stops') return t('f.stops');
  const defs = FIELDS[collection];
  const def = defs.find((d) => d.key === field);
  const top = field.split('.')[0]!;
  const section = defs.find((d) => d.key.startsWith(`${top}.`) && d.heading)?.heading;
  if (def && field.includes('.')) return section ? `${t(section)} — ${t(def.label)}` : t(def.label);
  if (def) return t(def.label);
  if (section && field === top) return t(section);
  return section ? `${t(section)} — ${field.slice(top.length + 1)}` : field;
}

// ——— Merging the choices ———

export type Choice = Record<string, 'mine' | 'theirs'>;

export type MergeOutcome =
  | { ok: true; record: RecordOf<EditableCollection>; patch: Record<string, unknown> }
  | { ok: false; candidate: Obj; issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[] }> };

/**
 * The record the choices make, on `base` (the record as this device now holds it, so a
 * change that arrived since is kept): each differing field chosen "mine" takes my value
 * (absent removes it), the others keep base's. Parsed with the collection's schema: either
 * the record and the patch of the top-level fields that changed from base (undefined =
 * removed, as editRecord takes it), or the schema's issues; nothing is written here.
 */
export function mergeChoices(view: ConflictView, base: Obj, choice: Choice): MergeOutcome {
  const collection = view.collection!;
  const candidate = JSON.parse(JSON.stringify(base)) as Obj;
  const tops = new Set<string>();
  for (const f of view.fields) {
    if (f.same || choice[f.field] !== 'mine') continue;
    tops.add(f.top);
    if (f.field === f.top) {
      if (absent(f.mine)) delete candidate[f.top];
      else candidate[f.top] = JSON.parse(JSON.stringify(f.mine)) as unknown;
      continue;
    }
    const part = f.field.slice(f.top.length + 1);
    const group: Obj = isObject(candidate[f.top]) ? (candidate[f.top] as Obj) : {};
    if (absent(f.mine)) delete group[part];
    else group[part] = JSON.parse(JSON.stringify(f.mine)) as unknown;
    candidate[f.top] = group;
  }
  // An optional object left with nothing in it is no object at all (as the form does).
  for (const g of OPTIONAL_GROUPS[collection]) if (isObject(candidate[g]) && Object.keys(candidate[g]).length === 0) delete candidate[g];
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(candidate);
  if (!parsed.success) return { ok: false, candidate, issues: parsed.error.issues };
  const patch: Record<string, unknown> = {};
  for (const top of tops) if (!sameValue(base[top], candidate[top])) patch[top] = candidate[top];
  return { ok: true, record: parsed.data as RecordOf<EditableCollection>, patch };
}
