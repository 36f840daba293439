import type { Checklist } from '../../../shared/domain/checklist';
import type { MobilityOffer } from '../../../shared/domain/mobilityOffer';
import type { Place } from '../../../shared/domain/place';
import type { Commune } from '../../../shared/domain/territory';
import type { Stop, Tour } from '../../../shared/domain/tour';
import { MOBILITY_KINDS, NEEDS, PLACE_CATEGORIES, VEHICLES } from '../../../shared/domain/vocabularies';
import type { EditableCollection, RecordOf } from '../../../shared/sync/collections';
import type { StaffKey } from '../messages';

// The forms of the directory as plain data: which fields, how a record becomes form
// values (strings and booleans) and back. A record is built whole from the form, then
// parsed with the shared schema before anything is written (EditScreen), so a bad field
// never reaches the outbox. Fields the form does not show are kept from the record.

export type FormValues = Record<string, string | boolean>;

export interface FieldDef {
  key: string;
  label: StaffKey;
  kind: 'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'hours' | 'commune';
  options?: readonly string[];
  required?: boolean;
  /** Input type for text fields (email, url, tel, date). */
  type?: string;
}

export interface StopValues {
  id: string;
  insee: string;
  meetingPoint: string;
  lat: string;
  lon: string;
  schedule: string;
}

export const FIELDS: Record<EditableCollection, FieldDef[]> = {
  place: [
    { key: 'name', label: 'f.name', kind: 'text', required: true },
    { key: 'category', label: 'f.category', kind: 'select', options: PLACE_CATEGORIES, required: true },
    { key: 'description', label: 'f.description', kind: 'textarea' },
    { key: 'address', label: 'f.address', kind: 'text' },
    { key: 'insee', label: 'f.commune', kind: 'commune', required: true },
    { key: 'postcode', label: 'f.postcode', kind: 'text', required: true },
    { key: 'city', label: 'f.city', kind: 'text', required: true },
    { key: 'lat', label: 'f.lat', kind: 'number', required: true },
    { key: 'lon', label: 'f.lon', kind: 'number', required: true },
    { key: 'phone', label: 'f.phone', kind: 'text', type: 'tel' },
    { key: 'email', label: 'f.email', kind: 'text', type: 'email' },
    { key: 'website', label: 'f.website', kind: 'text', type: 'url' },
    { key: 'openingHours', label: 'f.openingHours', kind: 'hours' },
    { key: 'itinerant', label: 'f.itinerant', kind: 'checkbox' },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'text' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
  mobility: [
    { key: 'name', label: 'f.name', kind: 'text', required: true },
    { key: 'kind', label: 'f.kind', kind: 'select', options: MOBILITY_KINDS, required: true },
    { key: 'operator', label: 'f.operator', kind: 'text' },
    { key: 'description', label: 'f.description', kind: 'textarea', required: true },
    { key: 'communesServed', label: 'f.communesServed', kind: 'text', required: true },
    { key: 'bookingPhone', label: 'f.bookingPhone', kind: 'text', type: 'tel' },
    { key: 'bookingUrl', label: 'f.bookingUrl', kind: 'text', type: 'url' },
    { key: 'schedule', label: 'f.schedule', kind: 'hours' },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'text' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
  checklist: [
    { key: 'title', label: 'f.title', kind: 'text', required: true },
    { key: 'need', label: 'f.need', kind: 'select', options: NEEDS, required: true },
    { key: 'forWhom', label: 'f.forWhom', kind: 'textarea', required: true },
    { key: 'documents', label: 'f.documents', kind: 'textarea', required: true },
    { key: 'steps', label: 'f.steps', kind: 'textarea', required: true },
    { key: 'reviewedAt', label: 'f.reviewedAt', kind: 'text' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
  tour: [
    { key: 'name', label: 'f.name', kind: 'text', required: true },
    { key: 'vehicle', label: 'f.vehicle', kind: 'select', options: VEHICLES, required: true },
    { key: 'isExample', label: 'f.isExample', kind: 'checkbox' },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'text' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
};

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const opt = (v: string | boolean | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: string | boolean | undefined) => (typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : undefined);
const lines = (v: string | boolean | undefined) => (typeof v === 'string' ? v.split('\n').map((l) => l.trim()).filter(Boolean) : []);

/** Drops the keys whose value is undefined (JSON has none, and the schemas are exact). */
function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function toForm(collection: EditableCollection, record: RecordOf<EditableCollection> | undefined): FormValues {
  if (!record) return { category: 'france-services', kind: MOBILITY_KINDS[0], need: NEEDS[0], vehicle: VEHICLES[0], itinerant: false, isExample: false };
  switch (collection) {
    case 'place': {
      const p = record as Place;
      return {
        name: p.name, category: p.category, description: str(p.description?.fr), address: str(p.address), insee: p.insee,
        postcode: p.postcode, city: p.city, lat: str(p.lat), lon: str(p.lon), phone: str(p.phone), email: str(p.email),
        website: str(p.website), openingHours: str(p.openingHours), itinerant: p.itinerant, verifiedAt: p.verifiedAt, source: str(p.source),
      };
    }
    case 'mobility': {
      const m = record as MobilityOffer;
      return {
        name: m.name, kind: m.kind, operator: str(m.operator), description: m.description.fr,
        communesServed: m.communesServed === 'all' ? 'all' : m.communesServed.join(', '),
        bookingPhone: str(m.booking.phone), bookingUrl: str(m.booking.url), schedule: str(m.schedule),
        verifiedAt: m.verifiedAt, source: str(m.source),
      };
    }
    case 'checklist': {
      const c = record as Checklist;
      return {
        title: c.title.fr, need: c.need, forWhom: c.forWhom.fr, documents: c.documents.map((d) => d.label.fr).join('\n'),
        steps: c.steps.map((s) => s.label.fr).join('\n'), reviewedAt: c.reviewedAt, source: str(c.source),
      };
    }
    case 'tour': {
      const t = record as Tour;
      return { name: t.name, vehicle: t.vehicle, isExample: t.isExample, verifiedAt: t.verifiedAt, source: str(t.source) };
    }
  }
}

export function stopsToForm(tour: Tour | undefined): StopValues[] {
  return (tour?.stops ?? []).map((s) => ({ id: s.id, insee: s.insee, meetingPoint: s.meetingPoint, lat: str(s.lat), lon: str(s.lon), schedule: s.schedule }));
}

const localized = (fr: string | boolean | undefined, base?: { fr: string; en?: string | undefined }) => {
  const text = opt(fr);
  if (text === undefined) return undefined;
  return clean({ fr: text, en: base && base.fr === text ? base.en : undefined });
};

function items(value: string | boolean | undefined, base: Checklist['documents'] | undefined, prefix: string) {
  return lines(value).map((fr, i) => {
    const old = base?.[i];
    return clean({ id: old?.id ?? `${prefix}-${i + 1}`, label: clean({ fr, en: old && old.label.fr === fr ? old.label.en : undefined }), hint: old && old.label.fr === fr ? old.hint : undefined });
  });
}

/**
 * The record the form describes (not yet parsed: EditScreen parses it with the shared
 * schema). `base` is the record being edited; what the form does not show is kept.
 */
export function fromForm(
  collection: EditableCollection, v: FormValues, base: RecordOf<EditableCollection> | undefined,
  ctx: { id: string; territoryId: string; communes: readonly Commune[]; stops?: StopValues[] },
): Record<string, unknown> {
  switch (collection) {
    case 'place': {
      const b = base as Place | undefined;
      return clean({
        ...b, id: ctx.id, territoryId: ctx.territoryId, name: opt(v.name) ?? '', category: v.category,
        description: localized(v.description, b?.description), address: opt(v.address), insee: str(v.insee),
        postcode: opt(v.postcode) ?? '', city: opt(v.city) ?? '', lat: num(v.lat), lon: num(v.lon), phone: opt(v.phone), email: opt(v.email),
        website: opt(v.website), openingHours: opt(v.openingHours), itinerant: v.itinerant === true, verifiedAt: opt(v.verifiedAt) ?? '',
        source: opt(v.source),
        reseauxPorteurs: b?.reseauxPorteurs ?? [], thematiques: b?.thematiques ?? [], publics: b?.publics ?? [], frais: b?.frais ?? [],
        modesAccueil: b?.modesAccueil ?? [], services: b?.services ?? [], digital: b?.digital ?? {}, accessibility: b?.accessibility ?? {},
        languages: b?.languages ?? ['fr'],
      });
    }
    case 'mobility': {
      const b = base as MobilityOffer | undefined;
      const served = opt(v.communesServed);
      return clean({
        ...b, id: ctx.id, territoryId: ctx.territoryId, name: opt(v.name) ?? '', kind: v.kind, operator: opt(v.operator),
        description: localized(v.description, b?.description) ?? { fr: '' },
        communesServed: served === 'all' ? 'all' : (served ?? '').split(/[,\s]+/).filter(Boolean),
        booking: clean({ ...b?.booking, phone: opt(v.bookingPhone), url: opt(v.bookingUrl) }),
        schedule: opt(v.schedule), verifiedAt: opt(v.verifiedAt) ?? '', source: opt(v.source),
      });
    }
    case 'checklist': {
      const b = base as Checklist | undefined;
      return clean({
        ...b, id: ctx.id, territoryId: ctx.territoryId, title: localized(v.title, b?.title) ?? { fr: '' }, need: v.need,
        forWhom: localized(v.forWhom, b?.forWhom) ?? { fr: '' },
        documents: items(v.documents, b?.documents, 'doc'), steps: items(v.steps, b?.steps, 'etape'),
        whereToGo: b?.whereToGo ?? { placeCategories: [], placeIds: [] }, links: b?.links ?? [],
        reviewedAt: opt(v.reviewedAt) ?? '', source: opt(v.source),
      });
    }
    case 'tour': {
      const b = base as Tour | undefined;
      const stops: Stop[] = (ctx.stops ?? []).map((s) => clean({
        id: s.id, insee: s.insee, meetingPoint: s.meetingPoint.trim(), lat: num(s.lat) as number, lon: num(s.lon) as number, schedule: s.schedule.trim(),
      }));
      return clean({
        ...b, id: ctx.id, territoryId: ctx.territoryId, name: opt(v.name) ?? '', vehicle: v.vehicle, services: b?.services ?? [],
        stops, isExample: v.isExample === true, verifiedAt: opt(v.verifiedAt) ?? '', source: opt(v.source),
      });
    }
  }
}

/** Schema issue path → the form field it belongs to (`stops.2.schedule` for a stop). */
export function fieldOfPath(collection: EditableCollection, path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (collection === 'mobility' && first === 'booking') return second === 'url' ? 'bookingUrl' : 'bookingPhone';
  if (collection === 'tour' && first === 'stops' && second !== undefined && third !== undefined) return `stops.${second}.${third}`;
  if (collection === 'checklist' && (first === 'documents' || first === 'steps')) return first;
  return first ?? '';
}

/** The changed top-level fields, for editRecord (a removed optional field is undefined). */
export function diffPatch(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}

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
