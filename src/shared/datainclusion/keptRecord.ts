import { idSchema } from '../domain/common';
import type { KeptRecord, Place } from '../domain/place';

// The lossless half of the data·inclusion model. A place (or service) read from a file
// keeps the file's record as it came (`dataInclusion.record`) and, per Escale field it was
// read into, a fingerprint of that field's value at import (`dataInclusion.mapped`). The
// export starts from the kept record and replaces only the v1 fields of the Escale fields
// whose fingerprint changed, i.e. that someone edited in Escale. So import → no edit →
// export gives back every field, unknown ones included, with the same values, source and
// dates; an edit changes exactly the fields it touched.

type Service = Place['services'][number];
/** v1 fields written for one Escale field: `undefined` removes the field. */
export type V1Fields = Record<string, unknown>;

export interface FieldMapping<T> {
  /** The Escale value(s) the v1 fields come from. */
  read: (item: T) => unknown;
  /** Those v1 fields, from the current Escale value(s). */
  write: (item: T, ctx: WriteContext) => V1Fields;
}

export interface WriteContext {
  /** Paris date of the export (`YYYY-MM-DD`). */
  today: string;
  /** The place a service belongs to (its values stand for a service without its own). */
  place: Place;
}

/** FNV-1a (32 bits) of the value's JSON, in hex: enough to see that a field changed. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprints of every mapped Escale field of `item`, for `KeptRecord.mapped`. */
export function fingerprints<T>(item: T, fields: Readonly<Record<string, FieldMapping<T>>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, fingerprint(field.read(item))]));
}

/**
 * The v1 record to export: the kept one with the fields of each changed Escale field
 * replaced (or, without a kept record, every field written from Escale's values over
 * `base`). Field order is the kept record's, new fields after.
 */
export function writeRecord<T>(
  item: T, kept: KeptRecord | undefined, base: V1Fields, fields: Readonly<Record<string, FieldMapping<T>>>, ctx: WriteContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(kept?.record ?? base) };
  for (const [key, field] of Object.entries(fields)) {
    if (kept && kept.mapped[key] === fingerprint(field.read(item))) continue;
    for (const [name, value] of Object.entries(field.write(item, ctx))) {
      if (value === undefined) delete out[name];
      else out[name] = value;
    }
  }
  return out;
}

/**
 * The Escale id of a record whose data·inclusion id Escale cannot use as a key (the schema
 * allows any string: accents, spaces, slashes): an ASCII slug of it plus a fingerprint, so
 * the same file always gives the same id (idempotent re-imports). The original id stays
 * in the kept record and is the one exported.
 */
export function escaleIdOf(diId: string): string {
  if (idSchema.safeParse(diId).success) return diId;
  const slug = diId.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80);
  return `${slug || 'di'}-${fingerprint(diId)}`;
}

/** The data·inclusion id of a place or service: the file's own when it came from one. */
export function diIdOf(item: Place | Service): string {
  const id = item.dataInclusion?.record.id;
  return typeof id === 'string' ? id : item.id;
}
